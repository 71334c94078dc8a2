package dev.lotussaga.localstack;

import dev.lotussaga.contracts.order.OrderSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registers the order search attributes with the local Temporal, as the Helm chart's job does on a
 * cluster: Temporal refuses a workflow that carries attributes it does not know.
 */
final class OrderSearchAttributeRegistration {

  private OrderSearchAttributeRegistration() {}

  static void register(String target) {
    Map<String, IndexedValueType> attributes =
        OrderSearchAttributes.ALL.stream()
            .collect(Collectors.toMap(key -> key.getName(), key -> key.getValueType()));
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target)
                .validateAndBuildWithDefaults());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .putAllSearchAttributes(attributes)
                  .setNamespace("default")
                  .build());
    } finally {
      operator.shutdownNow();
    }
  }
}
