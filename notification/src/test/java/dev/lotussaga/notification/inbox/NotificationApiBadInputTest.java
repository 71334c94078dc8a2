package dev.lotussaga.notification.inbox;

import static dev.lotussaga.web.HostileValues.hostile;
import static dev.lotussaga.web.HostileValues.hostileInPath;

import dev.lotussaga.web.Attempt;
import dev.lotussaga.web.BadRequestCampaign;
import dev.lotussaga.web.auth.InternalTokens;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Seeded bad input against the internal notification API; see {@link BadRequestCampaign}. */
@InboxTest
class NotificationApiBadInputTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> badInputIsRefusedWithAProblemNeverAServerError() {
    return new BadRequestCampaign(
            "Notification API",
            http,
            List.of("userId", "orderId"),
            InternalTokens.staff("lotus-notification", 1))
        .run(NotificationApiBadInputTest::notifications);
  }

  private static Attempt notifications(Random random) {
    Attempt notifications = Attempt.get("/internal/users/" + userId(random) + "/notifications");
    return random.nextBoolean()
        ? notifications.withParam(
            "orderId", random.nextInt(3) == 0 ? UUID.randomUUID().toString() : hostile(random))
        : notifications;
  }

  private static String userId(Random random) {
    return random.nextBoolean()
        ? Long.toString(1_000_000 + random.nextInt(1_000_000))
        : hostileInPath(random);
  }
}
