package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class OrderRequestLogContextTest {

  @Test
  void findsTheOrderInThePathOrTheQuery() {
    assertThat(orderIdOf("GET", "/order/ab-12", null)).isEqualTo("ab-12");
    assertThat(orderIdOf("POST", "/order/ab-12/cancel", null)).isEqualTo("ab-12");
    assertThat(orderIdOf("PUT", "/delivery/accept", "idOrder=ab-12")).isEqualTo("ab-12");
    assertThat(orderIdOf("GET", "/notification", "orderId=ab-12")).isEqualTo("ab-12");
  }

  @Test
  void aRequestThatNamesNoOrderHasNone() {
    assertThat(orderIdOf("POST", "/order/place", "idSubscription=1")).isNull();
    assertThat(orderIdOf("GET", "/order", null)).isNull();
    assertThat(orderIdOf("POST", "/billing/add-money", "money=5")).isNull();
  }

  @Test
  void neverTakesSomethingThatIsNotShapedLikeAnId() {
    assertThat(orderIdOf("GET", "/order/a%0Aforged", null)).isNull();
    assertThat(orderIdOf("GET", "/notification", "orderId=${jndi:x}")).isNull();
    assertThat(orderIdOf("GET", "/notification", "orderId=" + "a".repeat(65))).isNull();
  }

  @Test
  void leavesAFormBodyUnread() {
    MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/delivery/accept");
    request.setContentType("application/x-www-form-urlencoded");
    request.setContent("idOrder=ab-12".getBytes());
    request.addParameter("idOrder", "ab-12");

    assertThat(OrderRequestLogContext.orderIdOf(request)).isNull();
  }

  private static String orderIdOf(String method, String path, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setQueryString(query);
    return OrderRequestLogContext.orderIdOf(request);
  }
}
