package dev.lotussaga.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One internal endpoint against every caller it must refuse: no token, a forged one, one for
 * another service, the public API's token, an expired one (401 each), and a buyer acting for
 * another buyer or doing a staff action (403); and the callers it must let through, which must get
 * past the check (any answer but 401 and 403).
 */
public final class InternalAuthCampaign {

  /** Who may call an endpoint. */
  public sealed interface Access {
    /** The buyer whose data it is, and staff. */
    record Owner(long ownerId) implements Access {}

    /** Staff only. */
    record Staff() implements Access {}

    /** Any buyer or staff member the gateway vouches for. */
    record AnyCaller() implements Access {}
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SOMEONE = 424_242L;

  private final MockMvc http;
  private final String audience;

  public InternalAuthCampaign(MockMvc http, String audience) {
    this.http = http;
    this.audience = audience;
  }

  public Stream<DynamicTest> endpoint(
      String name, Supplier<MockHttpServletRequestBuilder> request, Access access) {
    Stream<DynamicTest> strangers =
        Stream.of(
            refused(name, "without a token", request, null, 401),
            refused(name, "with a forged token", request, InternalTokens.forged(audience, 1), 401),
            refused(
                name,
                "with a token for another service",
                request,
                InternalTokens.staff("lotus-another-service", 1),
                401),
            refused(
                name,
                "with the public API's token",
                request,
                InternalTokens.publicApiToken(1),
                401),
            refused(
                name, "with an expired token", request, InternalTokens.expired(audience, 1), 401),
            refused(name, "with a malformed token", request, "not.a.jwt", 401));
    return Stream.concat(strangers, byRole(name, request, access));
  }

  private Stream<DynamicTest> byRole(
      String name, Supplier<MockHttpServletRequestBuilder> request, Access access) {
    if (access instanceof Access.Owner owner) {
      return Stream.of(
          refused(
              name,
              "from a buyer for another buyer",
              request,
              InternalTokens.buyer(audience, owner.ownerId() + 1),
              403),
          allowed(name, "the owner", request, InternalTokens.buyer(audience, owner.ownerId())),
          allowed(name, "staff", request, InternalTokens.staff(audience, SOMEONE)));
    }
    if (access instanceof Access.Staff) {
      return Stream.of(
          refused(
              name,
              "from a buyer for a staff action",
              request,
              InternalTokens.buyer(audience, SOMEONE),
              403),
          allowed(name, "staff", request, InternalTokens.staff(audience, SOMEONE)));
    }
    return Stream.of(
        allowed(name, "a buyer", request, InternalTokens.buyer(audience, SOMEONE)),
        allowed(name, "staff", request, InternalTokens.staff(audience, SOMEONE)));
  }

  private DynamicTest refused(
      String name,
      String how,
      Supplier<MockHttpServletRequestBuilder> request,
      String token,
      int status) {
    return dynamicTest(
        name + " refuses a call " + how + " with " + status,
        () -> {
          MockHttpServletResponse response = perform(request, token);
          String body = response.getContentAsString(StandardCharsets.UTF_8);
          assertThat(response.getStatus()).as(body).isEqualTo(status);
          assertThat(MediaType.parseMediaType(response.getContentType()))
              .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
          assertThat(JSON.readTree(body).path("status").asInt()).isEqualTo(status);
          assertThat(body).doesNotContain("Exception", "\tat ");
          if (status == 401) {
            assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
          }
        });
  }

  private DynamicTest allowed(
      String name, String who, Supplier<MockHttpServletRequestBuilder> request, String token) {
    return dynamicTest(
        name + " lets " + who + " through",
        () -> {
          MockHttpServletResponse response = perform(request, token);
          assertThat(response.getStatus())
              .as(response.getContentAsString(StandardCharsets.UTF_8))
              .isNotIn(401, 403)
              .isLessThan(500);
        });
  }

  private MockHttpServletResponse perform(
      Supplier<MockHttpServletRequestBuilder> request, String token) throws Exception {
    MockHttpServletRequestBuilder builder = request.get();
    if (token != null) {
      builder.header(HttpHeaders.AUTHORIZATION, InternalTokens.bearer(token));
    }
    return http.perform(builder).andReturn().getResponse();
  }
}
