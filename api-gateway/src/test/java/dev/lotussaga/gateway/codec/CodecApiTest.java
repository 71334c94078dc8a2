package dev.lotussaga.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.lotussaga.codec.PayloadEncryption;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The remote codec as the Temporal CLI and Web UI call it: protobuf JSON of Payloads, a staff
 * token, the namespace in X-Namespace; from the browser, only the Web UI's origin (test profile).
 */
@GatewayTest
class CodecApiTest {

  private static final String WEB_UI = "https://temporal-ui.example.test";

  @Autowired MockMvc http;
  @Autowired WorkflowClient workflows;
  @Autowired PayloadEncryption encryption;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn staff;
  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    staff = Users.login(http, "staff@lotus.local", "lotus-staff-local");
    buyer = Users.newUser(http);
  }

  @Test
  void staffDecodeWhatTemporalStoresAndEncodeItAgain() throws Exception {
    String orderId = place(buyer);
    Payload stored = startInput(orderId);
    assertThat(stored.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(stored.getData().toStringUtf8()).doesNotContain(orderId);

    Payloads decoded = payloads(codec("decode", staff, cliJson(stored)).andExpect(status().isOk()));

    Payload plain = decoded.getPayloads(0);
    assertThat(plain.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
    assertThat(plain.getData().toStringUtf8())
        .contains("\"orderId\":\"" + orderId + "\"", "\"userId\":" + buyer.id());

    Payloads encoded = payloads(codec("encode", staff, cliJson(plain)).andExpect(status().isOk()));
    Payload again = encoded.getPayloads(0);
    assertThat(again.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(again.getData()).isNotEqualTo(stored.getData());
    assertThat(encryption.decode(List.of(again))).containsExactly(plain);
  }

  @Test
  void theTimelineShowsTheOrderDecryptedToItsOwner() throws Exception {
    String orderId = place(buyer);

    JsonNode timeline =
        json.readTree(
            http.perform(
                    get("/order/{id}/timeline", orderId).header("Authorization", buyer.bearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(timeline.at("/entries/0/detail").asText())
        .contains("orderId: " + orderId, "userId: " + buyer.id());
  }

  @Test
  void aBuyerIsRefusedAndACallWithoutATokenIsUnauthorized() throws Exception {
    String body = cliJson(startInput(place(buyer)));

    codec("decode", buyer, body)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    codec("encode", buyer, body).andExpect(status().isForbidden());
    http.perform(post("/codec/decode").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aPayloadUnderAKeyNoLongerConfiguredIsUnprocessableAndBadJsonIsABadRequest()
      throws Exception {
    Payload stored = startInput(place(buyer));
    Payload unknownKey =
        stored.toBuilder()
            .putMetadata("encryption-key-id", ByteString.copyFromUtf8("retired-2020"))
            .build();

    codec("decode", staff, cliJson(unknownKey))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    codec("decode", staff, "{\"payloads\":[{\"data\":\"not base64!\"}]}")
        .andExpect(status().isBadRequest());
    codec("decode", staff, "{}").andExpect(status().isBadRequest());
  }

  @Test
  void theWebUiOriginMayCallFromTheBrowserAndNoOtherOrigin() throws Exception {
    http.perform(preflight(WEB_UI))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", WEB_UI))
        .andExpect(header().string("Access-Control-Allow-Credentials", "true"))
        .andExpect(
            result ->
                assertThat(result.getResponse().getHeader("Access-Control-Allow-Headers"))
                    .containsIgnoringCase("authorization")
                    .containsIgnoringCase("x-namespace"));
    http.perform(preflight("https://elsewhere.example.test"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));

    codec("decode", staff, cliJson(startInput(place(buyer))))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", WEB_UI));
  }

  private static org.springframework.test.web.servlet.RequestBuilder preflight(String origin) {
    return options("/codec/decode")
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace");
  }

  private ResultActions codec(String operation, Users.SignedIn user, String body) throws Exception {
    return http.perform(
        post("/codec/" + operation)
            .header("Authorization", user.bearer())
            .header("X-Namespace", "default")
            .header("Origin", WEB_UI)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  /** What the CLI sends: Payloads in protobuf's JSON mapping. */
  private static String cliJson(Payload payload) throws Exception {
    return JsonFormat.printer().print(Payloads.newBuilder().addPayloads(payload).build());
  }

  private static Payloads payloads(ResultActions answer) throws Exception {
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().merge(answer.andReturn().getResponse().getContentAsString(), payloads);
    return payloads.build();
  }

  private Payload startInput(String orderId) {
    return workflows
        .fetchHistory(OrderWorkflowIds.workflowId(orderId))
        .getHistory()
        .getEvents(0)
        .getWorkflowExecutionStartedEventAttributes()
        .getInput()
        .getPayloads(0);
  }

  private String place(Users.SignedIn user) throws Exception {
    String answer =
        http.perform(
                post("/order/place")
                    .param("idSubscription", "1")
                    .header("Authorization", user.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("orderId").asText();
  }
}
