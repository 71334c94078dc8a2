package dev.lotussaga.billing.account;

import static dev.lotussaga.web.HostileValues.hostile;
import static dev.lotussaga.web.HostileValues.hostileInPath;

import dev.lotussaga.web.Attempt;
import dev.lotussaga.web.BadRequestCampaign;
import dev.lotussaga.web.auth.InternalTokens;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Seeded bad input against the internal account API; see {@link BadRequestCampaign}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountApiBadInputTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> badInputIsRefusedWithAProblemNeverAServerError() {
    return new BadRequestCampaign(
            "Account API",
            http,
            List.of("userId", "amount"),
            InternalTokens.staff("lotus-billing", 1))
        .run(random -> random.nextBoolean() ? deposit(random) : balance(random));
  }

  private static Attempt deposit(Random random) {
    Attempt deposit = Attempt.post("/internal/accounts/" + userId(random) + "/deposits");
    if (random.nextInt(8) != 0) {
      deposit = deposit.withParam("amount", random.nextInt(3) == 0 ? "100" : hostile(random));
    }
    return switch (random.nextInt(4)) {
      case 0 -> deposit.withHeader("Idempotency-Key", "campaign-" + random.nextInt(3));
      case 1 -> deposit.withHeader("Idempotency-Key", hostile(random));
      default -> deposit;
    };
  }

  private static Attempt balance(Random random) {
    return Attempt.get("/internal/accounts/" + userId(random));
  }

  private static String userId(Random random) {
    return random.nextBoolean()
        ? Long.toString(1_000_000 + random.nextInt(1_000_000))
        : hostileInPath(random);
  }
}
