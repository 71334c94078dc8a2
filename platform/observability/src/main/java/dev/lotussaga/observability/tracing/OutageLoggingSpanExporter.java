package dev.lotussaga.observability.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once that spans cannot be exported and once that they can again. OpenTelemetry's exporters
 * log every failed export with a stack trace, every few seconds in each service while the collector
 * is away; {@link TracingDefaults} silences them.
 */
final class OutageLoggingSpanExporter implements SpanExporter {

  private static final Logger log = LoggerFactory.getLogger(OutageLoggingSpanExporter.class);

  private final SpanExporter exporter;
  private final AtomicBoolean failing = new AtomicBoolean();

  OutageLoggingSpanExporter(SpanExporter exporter) {
    this.exporter = exporter;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    CompletableResultCode result = exporter.export(spans);
    result.whenComplete(() -> report(result));
    return result;
  }

  private void report(CompletableResultCode result) {
    String name = exporter.getClass().getSimpleName();
    if (result.isSuccess()) {
      if (failing.compareAndSet(true, false)) {
        log.info("Tracing: {} exports spans again", name);
      }
    } else if (failing.compareAndSet(false, true)) {
      log.warn(
          "Tracing: {} cannot export spans ({}); they are dropped until it can, without further"
              + " messages",
          name,
          reason(result.getFailureThrowable()));
    }
  }

  private static String reason(Throwable failure) {
    if (failure == null) {
      return "no reason given";
    }
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  @Override
  public CompletableResultCode flush() {
    return exporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return exporter.shutdown();
  }

  @Override
  public String toString() {
    return "OutageLoggingSpanExporter{" + exporter + "}";
  }
}
