package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.SearchAttributes;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.testing.TestWorkflowEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Orders start with their search attributes where Temporal knows them, and still start where it
 * does not. Each case runs against a Temporal test server of its own, so that registering the
 * attributes changes nothing for the other tests.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class SearchableStartTest {

  @Autowired CustomerOrderRepository orders;
  @Autowired MockMvc http;

  private TestWorkflowEnvironment temporal;
  private long buyer;

  @BeforeEach
  void startTemporal() throws Exception {
    buyer = Users.newUser(http).id();
    temporal = TestWorkflowEnvironment.newInstance();
    temporal
        .newWorker(OrderWorkflow.TASK_QUEUE)
        .registerWorkflowImplementationTypes(StandInOrderWorkflow.class);
    temporal.start();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void startsAnOrderWithItsSearchAttributesWhereTemporalKnowsThem() {
    OrderSearchAttributes.ALL.forEach(
        key -> temporal.registerSearchAttribute(key.getName(), key.getValueType()));
    CustomerOrder order = storedOrder(2);

    assertThat(starter(true).start(order)).isTrue();

    SearchAttributes attributes = describe(order).getTypedSearchAttributes();
    assertThat(attributes.get(OrderSearchAttributes.STATUS)).isEqualTo("ValidatingBilling");
    assertThat(attributes.get(OrderSearchAttributes.WAITING_FOR)).isEqualTo("none");
    assertThat(attributes.get(OrderSearchAttributes.USER_ID)).isEqualTo(order.userId());
    assertThat(attributes.get(OrderSearchAttributes.PRODUCT_ID)).isEqualTo(2L);
    assertThat(orders.findById(order.orderId()).orElseThrow().workflowStarted()).isTrue();
    OrderWorkflow started =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.workflowId(order.orderId()));
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> assertThat(started.cancel("test").state()).isEqualTo(OrderState.Cancelled));
  }

  @Test
  void startsOrdersWithoutThemWhereTemporalRefusesThem() {
    WorkflowStarter starter = starter(refusingSearchAttributes(), true);
    CustomerOrder first = storedOrder(1);
    CustomerOrder second = storedOrder(3);

    assertThat(starter.start(first)).isTrue();
    assertThat(starter.start(second)).isTrue();

    for (CustomerOrder order : new CustomerOrder[] {first, second}) {
      assertThat(describe(order).getTypedSearchAttributes().size()).isZero();
      assertThat(orders.findById(order.orderId()).orElseThrow().workflowStarted()).isTrue();
    }
  }

  @Test
  void logsTheStartWithTheOrderAndWorkflowIds(CapturedOutput output) {
    CustomerOrder order = storedOrder(1);

    starter(false).start(order);

    assertThat(output.getAll())
        .containsPattern(
            "INFO order="
                + order.orderId()
                + " workflow=order-"
                + order.orderId()
                + " .*Workflow started: product 1");
  }

  @Test
  void startsWithoutThemWhenToldTo() {
    OrderSearchAttributes.ALL.forEach(
        key -> temporal.registerSearchAttribute(key.getName(), key.getValueType()));
    CustomerOrder order = storedOrder(1);

    assertThat(starter(false).start(order)).isTrue();

    assertThat(describe(order).getTypedSearchAttributes().size()).isZero();
  }

  private WorkflowStarter starter(boolean searchAttributes) {
    return starter(temporal.getWorkflowClient(), searchAttributes);
  }

  private WorkflowStarter starter(WorkflowClient client, boolean searchAttributes) {
    return new WorkflowStarter(
        client,
        orders,
        new OrderProperties(
            new OrderProperties.WaitLimitProperties(null, null, null), searchAttributes, 10));
  }

  /**
   * Refuses a start with search attributes as a real Temporal server does when they are not
   * registered, with the gRPC status the SDK turns into its exception (the test server would accept
   * the start and then lose the workflow).
   */
  private WorkflowClient refusingSearchAttributes() {
    WorkflowClientInterceptor refusing =
        new WorkflowClientInterceptorBase() {
          @Override
          public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
              WorkflowClientCallsInterceptor next) {
            return new WorkflowClientCallsInterceptorBase(next) {
              @Override
              public WorkflowStartOutput start(WorkflowStartInput input) {
                SearchAttributes attributes = input.getOptions().getTypedSearchAttributes();
                if (attributes != null && attributes.size() > 0) {
                  throw Status.INVALID_ARGUMENT
                      .withDescription("search attribute OrderStatus is not defined")
                      .asRuntimeException();
                }
                return super.start(input);
              }
            };
          }
        };
    return WorkflowClient.newInstance(
        temporal.getWorkflowServiceStubs(),
        WorkflowClientOptions.newBuilder().setInterceptors(refusing).build());
  }

  private CustomerOrder storedOrder(int productId) {
    return orders.saveAndFlush(
        new CustomerOrder(
            UUID.randomUUID().toString(),
            buyer,
            productId,
            new BigDecimal("100.00"),
            null,
            WaitLimits.DEFAULT,
            null));
  }

  private WorkflowExecutionDescription describe(CustomerOrder order) {
    return temporal
        .getWorkflowClient()
        .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(order.orderId()))
        .describe();
  }
}
