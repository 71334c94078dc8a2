package dev.lotussaga.billing.account;

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
class AccountApiAuthTest {

  @Autowired MockMvc http;

  @TestFactory
  Stream<DynamicTest> onlyTheGatewaysCallersMayCallAndOnlyForWhatTheyMayDo() {
    InternalAuthCampaign campaign = new InternalAuthCampaign(http, "lotus-billing");
    return Stream.of(
            campaign.endpoint(
                "POST deposits",
                () -> post("/internal/accounts/{id}/deposits", 7001).param("amount", "1"),
                new Access.Owner(7001)),
            campaign.endpoint(
                "GET balance", () -> get("/internal/accounts/{id}", 7001), new Access.Owner(7001)))
        .flatMap(endpoint -> endpoint);
  }
}
