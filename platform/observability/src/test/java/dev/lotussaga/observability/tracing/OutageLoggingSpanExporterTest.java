package dev.lotussaga.observability.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ConnectException;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OutageLoggingSpanExporterTest {

  private final Collector collector = new Collector();
  private final SpanExporter exporter = new OutageLoggingSpanExporter(collector);

  @Test
  void saysOnceThatSpansCannotBeExportedAndOnceThatTheyCanAgain(CapturedOutput output) {
    collector.up = false;
    exportThreeTimes();
    assertThat(lines(output, "cannot export spans"))
        .singleElement()
        .asString()
        .contains("Collector cannot export spans (Connection refused)");

    collector.up = true;
    exportThreeTimes();
    assertThat(lines(output, "exports spans again")).hasSize(1);

    collector.up = false;
    exportThreeTimes();
    assertThat(lines(output, "cannot export spans")).as("a second outage").hasSize(2);
  }

  @Test
  void passesTheExportersAnswerOn() {
    collector.up = false;
    assertThat(exporter.export(List.of()).isSuccess()).isFalse();
    collector.up = true;
    assertThat(exporter.export(List.of()).isSuccess()).isTrue();
  }

  private void exportThreeTimes() {
    for (int i = 0; i < 3; i++) {
      exporter.export(List.of());
    }
  }

  private static List<String> lines(CapturedOutput output, String text) {
    return output.getAll().lines().filter(line -> line.contains(text)).toList();
  }

  /** A collector that answers or refuses connections, as told. */
  private static final class Collector implements SpanExporter {
    volatile boolean up;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return up
          ? CompletableResultCode.ofSuccess()
          : CompletableResultCode.ofExceptionalFailure(
              new IllegalStateException(
                  "export failed", new ConnectException("Connection refused")));
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
