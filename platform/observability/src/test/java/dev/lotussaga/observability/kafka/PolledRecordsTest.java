package dev.lotussaga.observability.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class PolledRecordsTest {

  private final PolledRecords untraced = new PolledRecords(null, "group");
  private final List<List<String>> together = new ArrayList<>();
  private final List<String> alone = new ArrayList<>();

  @Test
  void writesAPollsRecordsTogetherOnce() {
    untraced.handle("listener", records("a", "b", "c"), together::add, alone::add);

    assertThat(together).containsExactly(List.of("a", "b", "c"));
    assertThat(alone).isEmpty();
  }

  @Test
  void writesEachAloneWhenTogetherFailsAndNamesTheFirstThatFailsAlone() {
    IllegalStateException refused = new IllegalStateException("b refused");

    assertThatThrownBy(
            () ->
                untraced.handle(
                    "listener",
                    records("a", "b", "c"),
                    values -> {
                      throw new IllegalStateException("the poll refused");
                    },
                    value -> {
                      if (value.equals("b")) {
                        throw refused;
                      }
                      alone.add(value);
                    }))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> {
              assertThat(failed.getIndex()).isEqualTo(1);
              assertThat(failed.getCause()).isSameAs(refused);
            });
    assertThat(alone).as("written before b; c is left to the redelivery").containsExactly("a");
  }

  @Test
  void goesOnAloneWhenTogetherFailedButEachSucceeds() {
    untraced.handle(
        "listener",
        records("a", "b"),
        values -> {
          throw new IllegalStateException("a deadlock, say");
        },
        alone::add);

    assertThat(alone).containsExactly("a", "b");
  }

  @Test
  void writesTheReadableRecordsBeforeAnUnreadableOneThenNamesItWithItsError() {
    List<ConsumerRecord<String, String>> records = new ArrayList<>(records("a", "b"));
    records.add(1, unreadable());

    assertThatThrownBy(() -> untraced.handle("listener", records, together::add, alone::add))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> {
              assertThat(failed.getIndex()).isEqualTo(1);
              assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
            });
    assertThat(together).containsExactly(List.of("a"));
  }

  @Test
  void withTracingWritesEachRecordAloneInAnObservationOfItsOwn() {
    ObservationRegistry registry = ObservationRegistry.create();
    List<String> observed = new ArrayList<>();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<KafkaRecordReceiverContext>() {
              @Override
              public void onStop(KafkaRecordReceiverContext context) {
                observed.add(context.getRecord().value() + " in " + context.getGroupId());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof KafkaRecordReceiverContext;
              }
            });

    new PolledRecords(registry, "group")
        .handle("listener", records("a", "b"), together::add, alone::add);

    assertThat(together).isEmpty();
    assertThat(alone).containsExactly("a", "b");
    assertThat(observed).containsExactly("a in group", "b in group");
  }

  private static List<ConsumerRecord<String, String>> records(String... values) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new ConsumerRecord<>("topic", 0, i, "key", values[i]));
    }
    return records;
  }

  private static ConsumerRecord<String, String> unreadable() {
    ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 9, "key", null);
    byte[] data = "{not json".getBytes(StandardCharsets.UTF_8);
    SerializationUtils.deserializationException(
        record.headers(),
        data,
        new DeserializationException("unreadable", data, false, new IllegalArgumentException()),
        false);
    return record;
  }
}
