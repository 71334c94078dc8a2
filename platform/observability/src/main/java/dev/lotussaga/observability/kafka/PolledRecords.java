package dev.lotussaga.observability.kafka;

import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Hands the records of one poll to a batch listener's handler all at once, so that what it writes
 * is one transaction instead of one per record, and keeps the promise of the error handler ({@link
 * KafkaConsumerErrors}) record by record. When writing them together fails, each is written alone,
 * in order; the first that fails alone is named to the error handler, which retries it or sends it
 * to the dead letters, and the records before it stay written. A record that could not be read is
 * named likewise, after the readable ones before it.
 *
 * <p>With tracing on, each record is written alone in a span of its own, continuing the trace of
 * its {@code traceparent} header, as a record listener's would (Spring Kafka does not observe batch
 * listeners).
 */
public class PolledRecords {

  private static final LogAccessor LOG = new LogAccessor(PolledRecords.class);

  private final ObservationRegistry observations;
  private final String group;

  /** {@code observations}: null when tracing is off. */
  public PolledRecords(ObservationRegistry observations, String group) {
    this.observations = observations;
    this.group = group;
  }

  /**
   * @param together writes the values of the readable records, in order, in one transaction
   * @param alone writes one value in a transaction of its own
   */
  public <V> void handle(
      String listener,
      List<? extends ConsumerRecord<?, V>> records,
      Consumer<List<V>> together,
      Consumer<V> alone) {
    int unreadable = firstUnreadable(records);
    List<? extends ConsumerRecord<?, V>> readable = records.subList(0, unreadable);
    if (observations != null) {
      for (int i = 0; i < readable.size(); i++) {
        ConsumerRecord<?, V> record = readable.get(i);
        int index = i;
        observation(listener, record).observe(() -> writeAlone(record, index, alone));
      }
    } else if (!readable.isEmpty()) {
      try {
        together.accept(readable.stream().map(ConsumerRecord::value).toList());
      } catch (RuntimeException failedTogether) {
        for (int i = 0; i < readable.size(); i++) {
          writeAlone(readable.get(i), i, alone);
        }
      }
    }
    if (unreadable < records.size()) {
      ConsumerRecord<?, V> record = records.get(unreadable);
      throw new BatchListenerFailedException(
          "Record could not be read", whyUnreadable(record), unreadable);
    }
  }

  private static <V> void writeAlone(ConsumerRecord<?, V> record, int index, Consumer<V> alone) {
    try {
      alone.accept(record.value());
    } catch (RuntimeException failed) {
      throw new BatchListenerFailedException("Record failed", failed, index);
    }
  }

  private static int firstUnreadable(List<? extends ConsumerRecord<?, ?>> records) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).value() == null) {
        return i;
      }
    }
    return records.size();
  }

  private static RuntimeException whyUnreadable(ConsumerRecord<?, ?> record) {
    DeserializationException refused =
        SerializationUtils.getExceptionFromHeader(
            record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    return refused != null ? refused : new ConversionException("The record has no value", null);
  }

  private io.micrometer.observation.Observation observation(
      String listener, ConsumerRecord<?, ?> record) {
    return KafkaListenerObservation.LISTENER_OBSERVATION.observation(
        null,
        DefaultKafkaListenerObservationConvention.INSTANCE,
        () -> new KafkaRecordReceiverContext(record, listener, listener, group, () -> null),
        observations);
  }
}
