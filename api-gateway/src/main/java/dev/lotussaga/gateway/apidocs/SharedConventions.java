package dev.lotussaga.gateway.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What every operation shares, applied once the controllers are read. An operation needs a bearer
 * token unless its controller marks it open with an empty {@code @SecurityRequirements}; the tests
 * hold that against the security configuration by calling each operation without a token.
 */
@Component
class SharedConventions implements OpenApiCustomizer {

  /** Paths whose first segment is not their feature. */
  private static final Map<String, String> FEATURE_OF_SEGMENT =
      Map.of(".well-known", "profile", "ui", "order", "codec", "admin");

  @Override
  public void customise(OpenAPI api) {
    api.getPaths()
        .forEach(
            (path, item) -> item.readOperations().forEach(operation -> applyTo(path, operation)));
  }

  private static void applyTo(String path, Operation operation) {
    operation.setTags(List.of(feature(path)));
    boolean needsToken = operation.getSecurity() == null;
    operation.setSecurity(
        needsToken ? List.of(new SecurityRequirement().addList(ApiDocument.BEARER)) : null);

    ApiResponses responses = operation.getResponses();
    boolean takesInput =
        (operation.getParameters() != null && !operation.getParameters().isEmpty())
            || operation.getRequestBody() != null;
    if (takesInput) {
      share(responses, "400", "BadRequest");
    }
    if (operation.getRequestBody() != null) {
      share(responses, "413", "PayloadTooLarge");
      share(responses, "415", "UnsupportedMediaType");
    }
    if (needsToken) {
      // The token's session is looked up in the database on every call.
      share(responses, "401", "Unauthorized");
      share(responses, "503", "ServiceUnavailable");
    }
    responses.forEach((status, answer) -> describeAsProblem(status, answer));
  }

  private static String feature(String path) {
    String segment = path.substring(1).split("/", 2)[0];
    return FEATURE_OF_SEGMENT.getOrDefault(segment, segment);
  }

  private static void share(ApiResponses responses, String status, String name) {
    responses.putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + name));
  }

  /**
   * Every error is a problem+json, whatever the controller returns when it succeeds; springdoc
   * would give an error a controller declares by status and description the success body.
   */
  private static void describeAsProblem(String status, ApiResponse answer) {
    boolean error = status.startsWith("4") || status.startsWith("5");
    if (error && answer.get$ref() == null) {
      answer.setContent(ApiDocument.problemContent());
    }
  }
}
