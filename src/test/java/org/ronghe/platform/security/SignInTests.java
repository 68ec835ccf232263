package org.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.Role;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in through the form: CSRF, lockout after five failures, idle timeout. */
@RongheTest
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    ServerProperties server;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForTenMinutes() throws Exception {
        String username = "lockout-" + System.nanoTime();
        accounts.createIfAbsent(new Accounts.NewAccount(username, "锁定测试", Role.STREET_STAFF, "440103001", "Right#Pass1", false,
                Accounts.PasswordSource.OWN));
        for (int i = 0; i < 4; i++) {
            assertThat(formLogin(username, "Wrong#Pass" + i)).isEqualTo("/login?error");
        }
        assertThat(formLogin(username, "Wrong#Pass5")).isEqualTo("/login?locked");
        assertThat(formLogin(username, "Right#Pass1")).isEqualTo("/login?locked");
        assertThat(tokenStatus(username, "Right#Pass1")).isEqualTo(401);

        clock.advance(Duration.ofMinutes(9));
        assertThat(formLogin(username, "Right#Pass1")).isEqualTo("/login?locked");
        clock.advance(Duration.ofMinutes(2));
        assertThat(formLogin(username, "Right#Pass1")).isEqualTo("/");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :u AND action = 'ACCOUNT_LOCKED'").param("u", username)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLockCountsTokenRequestsToo() {
        String username = "api-lockout-" + System.nanoTime();
        accounts.createIfAbsent(new Accounts.NewAccount(username, "锁定测试", Role.STREET_STAFF, "440103001", "Right#Pass1", false,
                Accounts.PasswordSource.OWN));
        for (int i = 0; i < 5; i++) {
            assertThat(tokenStatus(username, "bad")).isEqualTo(401);
        }
        assertThat(tokenStatus(username, "Right#Pass1")).isEqualTo(401);
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", "committee").param("password", Api.DEMO_PASSWORD)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void pagesAskForSignInAndTheLoginPageSpeaksChinese() throws Exception {
        MvcResult home = mvc.perform(get("/")).andReturn();
        assertThat(home.getResponse().getStatus()).isEqualTo(302);
        assertThat(home.getResponse().getRedirectedUrl()).endsWith("/login");
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("登录").contains("用户名").contains("name=\"_csrf\"");
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    private String formLogin(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private int tokenStatus(String username, String password) {
        return api.signInStatus(username, password);
    }
}
