package dev.lotussaga.stock.product;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.lotussaga.web.auth.InternalAuthCampaign;
import dev.lotussaga.web.auth.InternalAuthCampaign.Access;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every internal endpoint of this service against every caller; see {@link InternalAuthCampaign}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StockApiAuthTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> onlyTheGatewaysCallersMayCallAndOnlyForWhatTheyMayDo() {
    InternalAuthCampaign campaign = new InternalAuthCampaign(http, "lotus-stock");
    return Stream.of(
            campaign.endpoint(
                "POST additions",
                () -> post("/internal/products/{id}/additions", 1).param("units", "1"),
                new Access.Staff()),
            campaign.endpoint(
                "GET stock", () -> get("/internal/products/{id}", 1), new Access.AnyCaller()))
        .flatMap(endpoint -> endpoint);
  }
}
