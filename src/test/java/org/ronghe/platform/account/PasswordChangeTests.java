package org.ronghe.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.platform.Accounts.PasswordSource;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A password someone else chose is changed at the first sign-in, and any password once it is older
 * than the maximum age; passwords from the operator's configuration work for the API at once.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=passwords")
// Its own schema and pool: closed after the class, so the PostgreSQL pass holds fewer connections at once
@DirtiesContext
class PasswordChangeTests {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAccountAnAdministratorOpenedChangesItsPasswordBeforeSeeingAnything() throws Exception {
        String username = newAccount("Start#Pass1");
        MvcResult signedIn = form(username, "Start#Pass1");
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        Cookie session = sessionOf(signedIn);

        assertThat(mvc.perform(get("/members").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/account/password");
        MvcResult fragment = mvc.perform(get("/members").header("HX-Request", "true").cookie(session)).andReturn();
        assertThat(fragment.getResponse().getHeader("HX-Redirect")).isEqualTo("/account/password");
        String page = mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("首次登录：请先把管理员为您设置的初始密码改为只有您知道的密码");

        String same = change(session, "Start#Pass1", "Start#Pass1");
        assertThat(same).contains("新密码不能与当前密码相同");
        assertThat(mvc.perform(get("/members").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(302);

        assertThat(change(session, "Start#Pass1", "Mine#Pass22")).contains("密码已修改");
        assertThat(mvc.perform(get("/members").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :u AND action = 'PASSWORD_CHANGED'")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
        assertThat(form(username, "Mine#Pass22").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void noTokenForAnInitialPasswordUntilTheOwnerChangesItThroughTheApi() throws Exception {
        String username = newAccount("Start#Pass1");
        MvcResult refused = token(username, "Start#Pass1");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var problem = json.readTree(refused.getResponse().getContentAsString());
        assertThat(problem.get("type").asString()).endsWith("/password-change-required");
        assertThat(problem.get("reason").asString()).isEqualTo("FIRST_SIGN_IN");
        assertThat(problem.get("detail").asString()).contains("POST /api/v1/auth/password");

        assertThat(api.changePassword(username, "Wrong#Pass1", "Mine#Pass22")).isEqualTo(401);
        assertThat(api.changePassword(username, "Start#Pass1", "Start#Pass1")).isEqualTo(400);
        assertThat(api.changePassword(username, "Start#Pass1", "weak")).isEqualTo(400);
        assertThat(api.changePassword(username, "Start#Pass1", "Mine#Pass22")).isEqualTo(204);
        assertThat(token(username, "Mine#Pass22").getResponse().getStatus()).isEqualTo(201);
        assertThat(token(username, "Start#Pass1").getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aPasswordOlderThanNinetyDaysIsChangedBeforeAnotherPageOrToken() throws Exception {
        String username = newAccount("Start#Pass1");
        assertThat(api.changePassword(username, "Start#Pass1", "Mine#Pass22")).isEqualTo(204);
        clock.advance(Duration.ofDays(89));
        assertThat(token(username, "Mine#Pass22").getResponse().getStatus()).isEqualTo(201);
        assertThat(form(username, "Mine#Pass22").getResponse().getRedirectedUrl()).isEqualTo("/");

        clock.advance(Duration.ofDays(2));
        MvcResult expired = token(username, "Mine#Pass22");
        assertThat(expired.getResponse().getStatus()).isEqualTo(403);
        assertThat(json.readTree(expired.getResponse().getContentAsString()).get("reason").asString()).isEqualTo("EXPIRED");
        MvcResult signedIn = form(username, "Mine#Pass22");
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(mvc.perform(get("/account/password").cookie(sessionOf(signedIn)))
                .andReturn().getResponse().getContentAsString()).contains("您的密码已超过有效期");
    }

    @Test
    void passwordsFromTheConfigurationWorkForTheApiAtOnceAndDoNotAgeThere() throws Exception {
        assertThat(jdbc.sql("SELECT DISTINCT password_source FROM account WHERE demo OR username = 'admin'")
                .query(String.class).list()).containsExactly("CONFIGURED");
        assertThat(token("admin", Api.ADMIN_PASSWORD).getResponse().getStatus()).isEqualTo(201);
        assertThat(form("street", Api.DEMO_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        clock.advance(Duration.ofDays(200));
        assertThat(token("street", Api.DEMO_PASSWORD).getResponse().getStatus()).isEqualTo(201);
        assertThat(form("street", Api.DEMO_PASSWORD).getResponse().getRedirectedUrl())
                .as("the pages still ask for a new one once it is old").isEqualTo("/account/password");
    }

    @Test
    void theMaximumAgeIsASettingAndZeroTurnsAgeingOff() {
        Clock now = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
        OffsetDateTime fortyDaysAgo = OffsetDateTime.now(now).minusDays(40);
        assertThat(new PasswordRules(null, now, Duration.ofDays(30)).reason(PasswordSource.OWN, fortyDaysAgo, false))
                .contains(PasswordRules.Reason.EXPIRED);
        assertThat(new PasswordRules(null, now, Duration.ofDays(90)).reason(PasswordSource.OWN, fortyDaysAgo, false)).isEmpty();
        assertThat(new PasswordRules(null, now, Duration.ZERO).reason(PasswordSource.OWN, fortyDaysAgo.minusYears(3), true))
                .isEmpty();
        assertThat(new PasswordRules(null, now, Duration.ZERO).reason(PasswordSource.INITIAL, fortyDaysAgo, true))
                .contains(PasswordRules.Reason.FIRST_SIGN_IN);
    }

    private String newAccount(String password) throws Exception {
        String username = "pw-" + PEOPLE.incrementAndGet();
        MvcResult created = mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("committee"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("username", username,
                        "displayName", "密码测试", "role", "STREET_STAFF", "scopeCode", "440103001", "password", password))))
                .andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        return username;
    }

    private MvcResult form(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password)).andReturn();
    }

    /** The page session a sign-in opened: kept in the database (Spring Session), named by its cookie. */
    private static Cookie sessionOf(MvcResult signedIn) {
        Cookie cookie = signedIn.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie of the sign-in").isNotNull();
        return cookie;
    }

    private MvcResult token(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", username, "password", password)))).andReturn();
    }

    private String change(Cookie session, String current, String replacement) throws Exception {
        return mvc.perform(post("/account/password").with(csrf()).cookie(session).param("current", current)
                        .param("replacement", replacement).param("confirmation", replacement))
                .andReturn().getResponse().getContentAsString();
    }
}
