package dev.lotussaga.gateway.profile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class ProfileApiTest {

  @Autowired MockMvc http;

  @Test
  void registersAndLogsInWithABearerToken() throws Exception {
    String email = Users.newEmail();
    register("{\"email\":\"" + email + "\",\"password\":\"long enough\",\"firstName\":\"Ann\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.email").value(email))
        .andExpect(jsonPath("$.id").isNumber())
        .andExpect(header().string("Location", Matchers.startsWith("/profile/")));

    http.perform(
            post("/profile/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Users.credentials(email, "long enough")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.tokenType").value("Bearer"))
        .andExpect(jsonPath("$.expiresIn").value(900))
        .andExpect(jsonPath("$.userId").isNumber())
        .andExpect(
            jsonPath("$.accessToken")
                .value(Matchers.matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+")));
  }

  @Test
  void anEmailCanBeRegisteredOnceWhateverItsCase() throws Exception {
    String email = Users.newEmail();
    register(Users.credentials(email, "long enough")).andExpect(status().isCreated());
    problem(register(Users.credentials(email.toUpperCase(), "long enough")), 409);
  }

  @Test
  void rejectsInvalidRegistrationsAsProblems() throws Exception {
    String email = Users.newEmail();
    problem(register(Users.credentials(email, "short")), 400)
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("password")));
    problem(register(Users.credentials("not-an-email", "long enough")), 400);
    problem(register("{\"email\":\"" + email + "\""), 400);
    problem(
            register(
                "{\"email\":\"" + email + "\",\"password\":\"long enough\",\"role\":\"STAFF\"}"),
            400)
        .andExpect(jsonPath("$.detail").value("Unknown field 'role'"));
    problem(register("{\"email\":\"" + email + "\",\"password\":12345678}"), 400);
    problem(register("[]"), 400);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsBadInputNotAnError() throws Exception {
    String seventyTwoCharacters = "ü".repeat(72);
    problem(register(Users.credentials(Users.newEmail(), seventyTwoCharacters)), 400)
        .andExpect(jsonPath("$.detail").value("password must be at most 72 bytes (UTF-8)"));
    problem(login(Users.credentials(Users.newEmail(), seventyTwoCharacters)), 401);
  }

  @Test
  void controlCharactersInTextAreBadInputNotAnError() throws Exception {
    problem(login(Users.credentials("a\u0000b@example.test", Users.PASSWORD)), 400)
        .andExpect(jsonPath("$.detail").value("Field 'email' has an invalid value"));
    problem(
        register(
            "{\"email\":\""
                + Users.newEmail()
                + "\",\"password\":\"long enough\",\"firstName\":\"Ann\\u0000\"}"),
        400);
  }

  @Test
  void wrongCredentialsAreUnauthorized() throws Exception {
    var user = Users.newUser(http);
    problem(login(Users.credentials(user.email(), "wrong password")), 401);
    problem(login(Users.credentials(Users.newEmail(), Users.PASSWORD)), 401);
  }

  @Test
  void theStaffAccountFromConfigurationCanLogIn() throws Exception {
    login(Users.credentials("staff@lotus.local", "lotus-staff-local")).andExpect(status().isOk());
  }

  private ResultActions register(String body) throws Exception {
    return http.perform(
        post("/profile/register").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions login(String body) throws Exception {
    return http.perform(
        post("/profile/login").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  static ResultActions problem(ResultActions result, int status) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").isString())
        .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
  }
}
