package dev.lotussaga.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The API reference at /v3/api-docs is complete, true to the security rules, and browsable. */
@GatewayTest
class ApiReferenceTest {

  private static final Set<String> PUBLIC =
      Set.of(
          "POST /profile/register",
          "POST /profile/login",
          "POST /profile/refresh",
          "GET /.well-known/jwks.json",
          "GET /ui",
          "GET /ui/");

  private static final Path COPY = Path.of("target/openapi.json");

  @Autowired MockMvc mvc;
  @LocalServerPort int port;

  @Test
  void everyEndpointTheNewmanCollectionCallsIsDocumented() throws Exception {
    NewmanEndpoints.Calls calls = NewmanEndpoints.read();
    JsonNode api = document();
    // A copy to read or diff without starting the gateway.
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(COPY.toFile(), api);
    Set<String> documented = new TreeSet<>();
    operations(api).forEach(op -> documented.add(op.method() + " " + op.template()));

    System.out.printf(
        "Checked %d endpoints (%d requests) of %s against %d documented operations%n",
        calls.endpoints().size(), calls.requests(), NewmanEndpoints.COLLECTION, documented.size());
    assertThat(calls.endpoints()).hasSizeGreaterThan(10);
    assertThat(documented)
        .as("operations in /v3/api-docs (path variables as {})")
        .containsAll(calls.endpoints());
  }

  @Test
  void operationsThatNeedATokenCarryTheBearerSchemeAndOnlyThey() throws Exception {
    JsonNode api = document();
    JsonNode scheme = api.at("/components/securitySchemes/bearer");
    assertThat(scheme.path("type").asText()).isEqualTo("http");
    assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
    assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");

    for (Operation op : operations(api)) {
      boolean documentedOpen = !op.node().has("security");
      assertThat(documentedOpen).as(op + " is open to anyone").isEqualTo(PUBLIC.contains(op.key()));
      if (!documentedOpen) {
        assertThat(op.node().path("security").toString())
            .as(op.key())
            .isEqualTo("[{\"bearer\":[]}]");
      }
      int anonymous = call(op, null);
      assertThat(anonymous == 401)
          .as(
              "%s answers %d without a token, yet is documented %s",
              op, anonymous, documentedOpen ? "open" : "as needing one")
          .isEqualTo(!documentedOpen);
    }
  }

  @Test
  void operationsThatRefuseABuyerDocumentTheir403() throws Exception {
    String buyer = Users.newUser(mvc).bearer();
    List<Operation> protectedOnes = new ArrayList<>();
    operations(document()).stream()
        .filter(op -> op.node().has("security"))
        .forEach(protectedOnes::add);
    // Logging out ends the buyer's session: last.
    protectedOnes.sort(Comparator.comparing(op -> op.path().equals("/profile/logout")));

    List<String> staffOnly = new ArrayList<>();
    for (Operation op : protectedOnes) {
      if (call(op, buyer) == 403) {
        staffOnly.add(op.key());
        assertThat(op.node().at("/responses/403").isMissingNode())
            .as(op + " documents 403")
            .isFalse();
      }
    }
    assertThat(staffOnly).contains("PUT /stock/add", "PUT /delivery/accept", "GET /admin/stuck");
  }

  @Test
  void everyErrorIsDescribedAsAProblem() throws Exception {
    JsonNode api = document();
    JsonNode problem = api.at("/components/schemas/Problem/properties");
    assertThat(problem.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");

    Set<String> statuses = new TreeSet<>();
    for (Operation op : operations(api)) {
      op.node()
          .path("responses")
          .fields()
          .forEachRemaining(
              answer -> {
                if (answer.getKey().matches("[45]\\d\\d")) {
                  statuses.add(answer.getKey());
                  JsonNode resolved = resolve(api, answer.getValue());
                  assertThat(resolved.at("/content/application~1problem+json/schema/$ref").asText())
                      .as("%s answers %s as a problem", op, answer.getKey())
                      .isEqualTo("#/components/schemas/Problem");
                }
              });
    }
    assertThat(statuses).contains("400", "401", "403", "404", "409", "422", "429", "503");
    assertThat(api.at("/paths/~1order~1{orderId}~1cancel/post/responses/409").isMissingNode())
        .isFalse();
    assertThat(api.at("/paths/~1profile~1login/post/responses/429").isMissingNode()).isFalse();
  }

  @Test
  void everyOperationDocumentsItsSuccess() throws Exception {
    for (Operation op : operations(document())) {
      assertThat(op.node().path("responses").fieldNames())
          .toIterable()
          .as(op.key())
          .anyMatch(status -> status.startsWith("2"));
    }
  }

  @Test
  void groupsOperationsByFeatureAndHidesTheMachinery() throws Exception {
    JsonNode api = document();
    List<String> tags = new ArrayList<>();
    api.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
    assertThat(tags)
        .containsExactly(
            "profile", "billing", "order", "stock", "delivery", "notification", "admin");
    for (Operation op : operations(api)) {
      assertThat(op.node().path("tags").size()).as(op.key()).isEqualTo(1);
      assertThat(tags).as(op.key()).contains(op.node().path("tags").get(0).asText());
    }
    assertThat(api.path("info").path("title").asText()).isNotBlank();
    assertThat(api.path("info").path("version").asText()).isNotBlank();
    assertThat(api.path("paths").fieldNames())
        .toIterable()
        .noneMatch(path -> path.startsWith("/actuator") || path.equals("/error"));
  }

  @Test
  void swaggerUiOpensForAnyoneAndLoadsOnlyItsOwnFiles() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
      HttpResponse<String> answer = browser.send(browse(page), BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.body()).as(page).contains("swagger-ui-bundle.js");
      String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(policy)
          .as("the page's Content-Security-Policy")
          .contains(
              "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:")
          .contains("frame-ancestors 'none'")
          .doesNotContain("http", "unsafe");
    }
    HttpResponse<String> config =
        browser.send(browse("/v3/api-docs/swagger-config"), BodyHandlers.ofString());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("/v3/api-docs");
    assertThat(
            browser
                .send(browse("/v3/api-docs"), BodyHandlers.ofString())
                .headers()
                .firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; frame-ancestors 'none'");
  }

  record Operation(String method, String path, JsonNode node) {
    String key() {
      return method + " " + path;
    }

    String template() {
      return path.replaceAll("\\{[^}/]+}", "{}");
    }

    @Override
    public String toString() {
      return key();
    }
  }

  private JsonNode document() throws Exception {
    String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    return new ObjectMapper().readTree(body);
  }

  private static List<Operation> operations(JsonNode api) {
    List<Operation> operations = new ArrayList<>();
    api.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (op.getKey().matches("get|put|post|delete|patch")) {
                            operations.add(
                                new Operation(
                                    op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                          }
                        }));
    return operations;
  }

  private static JsonNode resolve(JsonNode api, JsonNode answer) {
    String ref = answer.path("$ref").asText("");
    return ref.isEmpty() ? answer : api.at(ref.substring(1));
  }

  /** The operation with every path variable 1 and an empty JSON object as its body, if any. */
  private int call(Operation op, String bearer) throws Exception {
    MockHttpServletRequestBuilder request =
        request(HttpMethod.valueOf(op.method()), op.path().replaceAll("\\{[^}/]+}", "1"));
    if (op.method().equals("POST") || op.method().equals("PUT")) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  private HttpRequest browse(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
  }
}
