package dev.lotussaga.stock.product;

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

/** Seeded bad input against the internal stock API; see {@link BadRequestCampaign}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StockApiBadInputTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> badInputIsRefusedWithAProblemNeverAServerError() {
    return new BadRequestCampaign(
            "Stock API",
            http,
            List.of("userId", "units", "staffId"),
            InternalTokens.staff("lotus-stock", 1))
        .run(random -> random.nextBoolean() ? addition(random) : stock(random));
  }

  private static Attempt addition(Random random) {
    Attempt addition = Attempt.post("/internal/products/" + productId(random) + "/additions");
    if (random.nextInt(8) != 0) {
      addition = addition.withParam("units", random.nextInt(3) == 0 ? "1" : hostile(random));
    }
    return switch (random.nextInt(4)) {
      case 0 ->
          addition
              .withParam("staffId", random.nextBoolean() ? "7" : hostile(random))
              .withHeader("Idempotency-Key", "campaign-" + random.nextInt(3));
      case 1 -> addition.withHeader("Idempotency-Key", hostile(random));
      default -> addition;
    };
  }

  private static Attempt stock(Random random) {
    return Attempt.get("/internal/products/" + productId(random));
  }

  /** Mostly product 1 or one that does not exist; units only ever added one at a time. */
  private static String productId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "1";
      case 1 -> Integer.toString(1_000_000 + random.nextInt(1_000_000));
      default -> hostileInPath(random);
    };
  }
}
