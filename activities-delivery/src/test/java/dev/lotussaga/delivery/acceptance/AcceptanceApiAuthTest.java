package dev.lotussaga.delivery.acceptance;

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
class AcceptanceApiAuthTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> onlyTheGatewaysCallersMayCallAndOnlyForWhatTheyMayDo() {
    InternalAuthCampaign campaign = new InternalAuthCampaign(http, "lotus-delivery");
    return Stream.concat(
        campaign.endpoint(
            "POST acceptance",
            () -> post("/internal/acceptances/{id}", "no-such-order"),
            new Access.Staff()),
        campaign.endpoint(
            "GET slots",
            () -> get("/internal/slots").param("productId", "1"),
            new Access.AnyCaller()));
  }
}
