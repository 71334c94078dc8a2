package dev.lotussaga.delivery.acceptance;

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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Seeded bad input against the internal acceptance API; see {@link BadRequestCampaign}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AcceptanceApiBadInputTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> badInputIsRefusedWithAProblemNeverAServerError() {
    return new BadRequestCampaign(
            "Acceptance API",
            http,
            List.of("userId", "orderId"),
            InternalTokens.staff("lotus-delivery", 1))
        .run(random -> Attempt.post("/internal/acceptances/" + orderId(random)));
  }

  private static String orderId(Random random) {
    return random.nextInt(3) == 0 ? UUID.randomUUID().toString() : hostileInPath(random);
  }
}
