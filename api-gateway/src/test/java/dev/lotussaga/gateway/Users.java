package dev.lotussaga.gateway;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Registers and logs in users through the public API. */
public final class Users {

  public static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Users() {}

  public record SignedIn(long id, String email, String token) {
    public String bearer() {
      return "Bearer " + token;
    }
  }

  public static String newEmail() {
    return "buyer-" + UUID.randomUUID() + "@example.test";
  }

  public static SignedIn newUser(MockMvc http) throws Exception {
    String email = newEmail();
    http.perform(
            post("/profile/register")
                .contentType(MediaType.APPLICATION_JSON)
                .content(credentials(email, PASSWORD)))
        .andExpect(status().isCreated());
    return login(http, email, PASSWORD);
  }

  public static SignedIn login(MockMvc http, String email, String password) throws Exception {
    String body =
        http.perform(
                post("/profile/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(credentials(email, password)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode answer = JSON.readTree(body);
    return new SignedIn(answer.get("userId").asLong(), email, answer.get("accessToken").asText());
  }

  public static String credentials(String email, String password) throws Exception {
    return JSON.writeValueAsString(java.util.Map.of("email", email, "password", password));
  }
}
