package dev.lotussaga.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /notification} in pages, each naming the next in a Link header. */
@GatewayTest
class NotificationPagesApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void followingTheNextLinksWalksEveryNotificationOnceOldestFirst() throws Exception {
    for (int i = 1; i <= 5; i++) {
      services.notify(buyer.id(), "order-" + i, "ORDER_PAID");
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String next = "/notification?limit=2";
    while (next != null) {
      MockHttpServletResponse page =
          http.perform(get(next).header("Authorization", buyer.bearer()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse();
      JsonNode notifications = JSON.readTree(page.getContentAsString());
      pageSizes.add(notifications.size());
      notifications.forEach(n -> seen.add(n.get("orderId").asText()));
      next = nextOf(page);
    }

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
  }

  @Test
  void aPageThatHoldsEverythingNamesNoNextPage() throws Exception {
    services.notify(buyer.id(), "only-order", "ORDER_PAID");

    http.perform(get("/notification").header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Link"));
  }

  @Test
  void aLimitOutOfRangeOrAnAfterThatIsNoIdIsAProblem() throws Exception {
    for (String[] query :
        List.of(
            new String[] {"limit", "0"},
            new String[] {"limit", "101"},
            new String[] {"after", "-1"},
            new String[] {"after", "abc"})) {
      http.perform(
              get("/notification")
                  .param(query[0], query[1])
                  .header("Authorization", buyer.bearer()))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  private static String nextOf(MockHttpServletResponse page) {
    String link = page.getHeader("Link");
    if (link == null) {
      return null;
    }
    Matcher next = NEXT.matcher(link);
    assertThat(next.matches()).as(link).isTrue();
    return next.group(1);
  }
}
