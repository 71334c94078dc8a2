package dev.lotussaga.workflows.order;

import dev.lotussaga.codec.PayloadEncryption;
import dev.lotussaga.codec.PayloadKeys;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;

/**
 * The payload encryption of the saga's test environments and of the replayer, with a key that
 * exists for the tests only: histories recorded from the harness are encrypted with it, those
 * recorded before encryption are plain, and the replayer reads both.
 */
final class TestEncryption {

  static final String KEYS =
      "[{\"id\":\"recorded-histories\",\"key\":\"cmVjb3JkZWQtaGlzdG9yaWVzLXRlc3Qta2V5LTMyYiE=\"}]";

  static final PayloadEncryption ENCRYPTION = PayloadEncryption.with(PayloadKeys.parse(KEYS));

  private TestEncryption() {}

  /** Test environment options whose client and workers encrypt as the services do. */
  static TestEnvironmentOptions.Builder options() {
    return TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(
            WorkflowClientOptions.newBuilder()
                .setDataConverter(ENCRYPTION.dataConverter())
                .build());
  }
}
