package dev.lotussaga.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the document no controller knows: what the API is, the bearer scheme, the features
 * in the order a newcomer meets them, and the problem+json answers operations share.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

  static final String BEARER = "bearer";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  /** Tag names, in the order of an order's life, staff tools last. */
  static final Map<String, String> FEATURES = features();

  /** Answers many operations share, by the name a response refers to them with. */
  static final Map<String, ApiResponse> SHARED_ANSWERS = sharedAnswers();

  @Bean
  OpenAPI lotusSagaApi() {
    Components components =
        new Components()
            .addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description(
                        "The access token from POST /profile/login or /profile/refresh (RS256,"
                            + " keys at /.well-known/jwks.json)"))
            .addSchemas(PROBLEM, problemSchema());
    SHARED_ANSWERS.forEach(components::addResponses);
    OpenAPI api =
        new OpenAPI()
            .info(
                new Info()
                    .title("Lotus Saga API")
                    .version("1")
                    .description(
                        "The gateway of the Lotus Saga shop: register and log in, add money, place"
                            + " an order and follow its saga (billing, stock, delivery) until it is"
                            + " delivered or compensated. Every error is RFC 9457 problem+json."))
            .components(components);
    FEATURES.forEach(
        (name, description) -> api.addTagsItem(new Tag().name(name).description(description)));
    return api;
  }

  static Content problemContent() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details; detail says what to fix")
        .addProperty("type", new StringSchema().format("uri").example("about:blank"))
        .addProperty("title", new StringSchema().example("Conflict"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty(
            "detail", new StringSchema().example("Email buyer@example.test is already registered"))
        .addProperty("instance", new StringSchema().format("uri").example("/profile/register"));
  }

  private static Map<String, String> features() {
    Map<String, String> features = new LinkedHashMap<>();
    features.put("profile", "Registration, login, sessions and the keys that verify tokens");
    features.put("billing", "The buyer's balance and deposits (forwarded to billing)");
    features.put("order", "Placing, reading and cancelling orders, and each order's timeline");
    features.put("stock", "Stock additions by staff (forwarded to stock)");
    features.put("delivery", "Courier acceptance by staff (forwarded to delivery)");
    features.put("notification", "What the buyer was told about their orders");
    features.put("admin", "Staff tools: roles, the stuck-order queue and re-drives");
    return features;
  }

  private static Map<String, ApiResponse> sharedAnswers() {
    Map<String, ApiResponse> answers = new LinkedHashMap<>();
    answers.put("BadRequest", answer("A parameter or the body is invalid; detail names it"));
    answers.put("Unauthorized", answer("The bearer token is missing, invalid, expired or revoked"));
    answers.put("PayloadTooLarge", answer("The body is larger than 64 KiB"));
    answers.put("UnsupportedMediaType", answer("The body is not sent as application/json"));
    answers.put(
        "ServiceUnavailable",
        answer("The database or a service behind the gateway is unavailable; retry (Retry-After)"));
    return answers;
  }

  private static ApiResponse answer(String description) {
    return new ApiResponse().description(description).content(problemContent());
  }
}
