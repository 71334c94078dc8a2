package dev.lotussaga.localstack;

import dev.lotussaga.contracts.order.OrderSearchAttributes;
import io.grpc.stub.StreamObserver;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.AddSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Registers the order search attributes with the local Temporal, as the Helm chart's job does on a
 * cluster: Temporal refuses a workflow that carries attributes it does not know.
 */
final class OrderSearchAttributeRegistration {

  private OrderSearchAttributeRegistration() {}

  /** Registers them with the server's operator service itself, before any client can call. */
  static void register(OperatorServiceGrpc.OperatorServiceImplBase operator) {
    Map<String, IndexedValueType> attributes =
        OrderSearchAttributes.ALL.stream()
            .collect(Collectors.toMap(key -> key.getName(), key -> key.getValueType()));
    CompletableFuture<AddSearchAttributesResponse> answer = new CompletableFuture<>();
    operator.addSearchAttributes(
        AddSearchAttributesRequest.newBuilder()
            .putAllSearchAttributes(attributes)
            .setNamespace("default")
            .build(),
        new StreamObserver<>() {
          @Override
          public void onNext(AddSearchAttributesResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable refused) {
            answer.completeExceptionally(refused);
          }

          @Override
          public void onCompleted() {}
        });
    answer.join();
  }
}
