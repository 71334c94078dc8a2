package dev.lotussaga.gateway.profile;

import static dev.lotussaga.gateway.profile.ProfileApiTest.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A password or role change revokes the tokens issued before it. */
@GatewayTest
class CredentialChangeApiTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";

  @Autowired MockMvc http;

  private Users.SignedIn user;
  private LoginPair session;
  private LoginPair otherSession;

  @BeforeEach
  void twoSessionsOfOneUser() throws Exception {
    user = Users.newUser(http);
    session = LoginPair.login(http, user.email(), Users.PASSWORD);
    otherSession = LoginPair.login(http, user.email(), Users.PASSWORD);
  }

  @Test
  void aPasswordChangeRevokesEverySessionAndAnswersAFreshLogin() throws Exception {
    LoginPair fresh =
        LoginPair.of(
            changePassword(session, Users.PASSWORD, NEW_PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.userId").value(user.id())));

    for (LoginPair old : new LoginPair[] {session, otherSession}) {
      problem(http.perform(get("/order").header("Authorization", old.bearer())), 401);
      problem(LoginPair.refresh(http, old.refreshToken()), 401);
    }
    problem(http.perform(get("/order").header("Authorization", user.bearer())), 401);
    http.perform(get("/order").header("Authorization", fresh.bearer())).andExpect(status().isOk());
    LoginPair.refresh(http, fresh.refreshToken()).andExpect(status().isOk());
    LoginPair.login(http, user.email(), NEW_PASSWORD);
    problem(login(user.email(), Users.PASSWORD), 401);
  }

  @Test
  void aWrongCurrentPasswordIsForbiddenAndChangesNothing() throws Exception {
    problem(changePassword(session, "not the password", NEW_PASSWORD), 403)
        .andExpect(jsonPath("$.detail").value("The current password is wrong"));

    http.perform(get("/order").header("Authorization", session.bearer()))
        .andExpect(status().isOk());
    LoginPair.login(http, user.email(), Users.PASSWORD);
  }

  @Test
  void aNewPasswordFollowsTheRegistrationRules() throws Exception {
    problem(changePassword(session, Users.PASSWORD, "short"), 400)
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("newPassword")));
    problem(changePassword(session, Users.PASSWORD, "ü".repeat(72)), 400)
        .andExpect(jsonPath("$.detail").value("newPassword must be at most 72 bytes (UTF-8)"));
    for (String body :
        new String[] {
          "{}",
          "{\"currentPassword\":\"" + Users.PASSWORD + "\"}",
          "{\"currentPassword\":\"" + Users.PASSWORD + "\",\"newPassword\":12345678}",
          "{\"currentPassword\":\"x\",\"newPassword\":\"long enough\",\"role\":\"STAFF\"}",
          "[]"
        }) {
      problem(passwordRequest(session, body), 400);
    }
    http.perform(get("/order").header("Authorization", session.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void aPasswordChangeNeedsABearerToken() throws Exception {
    problem(
        http.perform(
            put("/profile/password")
                .contentType(MediaType.APPLICATION_JSON)
                .content(passwordChange(Users.PASSWORD, NEW_PASSWORD))),
        401);
  }

  @Test
  void staffChangingARoleRevokesThatUsersSessions() throws Exception {
    LoginPair staff = staff();
    http.perform(roleChange(staff, user.id(), "STAFF"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(user.id()))
        .andExpect(jsonPath("$.email").value(user.email()))
        .andExpect(jsonPath("$.role").value("STAFF"));

    for (LoginPair old : new LoginPair[] {session, otherSession}) {
      problem(http.perform(get("/order").header("Authorization", old.bearer())), 401);
      problem(LoginPair.refresh(http, old.refreshToken()), 401);
    }
    LoginPair promoted = LoginPair.login(http, user.email(), Users.PASSWORD);
    http.perform(get("/admin/stuck").header("Authorization", promoted.bearer()))
        .andExpect(status().isOk());

    http.perform(roleChange(staff, user.id(), "USER")).andExpect(status().isOk());
    problem(http.perform(get("/admin/stuck").header("Authorization", promoted.bearer())), 401);
    http.perform(get("/order").header("Authorization", staff.bearer())).andExpect(status().isOk());
  }

  @Test
  void settingTheRoleAUserHasRevokesNothing() throws Exception {
    http.perform(roleChange(staff(), user.id(), "USER"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("USER"));
    http.perform(get("/order").header("Authorization", session.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void onlyStaffChangeRoles() throws Exception {
    problem(http.perform(roleChange(session, user.id(), "STAFF")), 403);
    problem(
        http.perform(
            put("/admin/users/{id}/role", user.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"STAFF\"}")),
        401);
  }

  @Test
  void badRoleChangesAreProblems() throws Exception {
    LoginPair staff = staff();
    problem(http.perform(roleChange(staff, Long.MAX_VALUE, "STAFF")), 404);
    problem(http.perform(roleChange(staff, user.id(), "ADMIN")), 400)
        .andExpect(jsonPath("$.detail").value("Field 'role' has an invalid value"));
    problem(http.perform(roleChange(staff, 0, "USER")), 400);
    for (String body : new String[] {"{}", "{\"role\":null}", "{\"role\":1}", "[]"}) {
      problem(
          http.perform(
              put("/admin/users/{id}/role", user.id())
                  .header("Authorization", staff.bearer())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body)),
          400);
    }
    problem(
        http.perform(
            put("/admin/users/abc/role")
                .header("Authorization", staff.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"USER\"}")),
        400);
  }

  @Test
  void theStaffAccountFromConfigurationStaysStaff() throws Exception {
    LoginPair staff = staff();
    problem(http.perform(roleChange(staff, staff.userId(), "USER")), 409);
    http.perform(get("/admin/stuck").header("Authorization", staff.bearer()))
        .andExpect(status().isOk());
  }

  private LoginPair staff() throws Exception {
    return LoginPair.login(http, "staff@lotus.local", "lotus-staff-local");
  }

  private ResultActions changePassword(LoginPair pair, String current, String next)
      throws Exception {
    return passwordRequest(pair, passwordChange(current, next));
  }

  private ResultActions passwordRequest(LoginPair pair, String body) throws Exception {
    return http.perform(
        put("/profile/password")
            .with(LoginPair.anotherAddress())
            .header("Authorization", pair.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static String passwordChange(String current, String next) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(java.util.Map.of("currentPassword", current, "newPassword", next));
  }

  private static org.springframework.test.web.servlet.RequestBuilder roleChange(
      LoginPair by, long userId, String role) {
    return put("/admin/users/{id}/role", userId)
        .header("Authorization", by.bearer())
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"role\":\"" + role + "\"}");
  }

  private ResultActions login(String email, String password) throws Exception {
    return http.perform(
        post("/profile/login")
            .with(LoginPair.anotherAddress())
            .contentType(MediaType.APPLICATION_JSON)
            .content(Users.credentials(email, password)));
  }
}
