package org.ronghe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.security.AccountPrincipal;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * While the database cannot be reached (here: every new connection is refused the way Hikari refuses
 * one when its timeout passes), requests are answered 503 — a problem detail for the API, the error
 * page for pages — and everything works again as soon as it is back, without a restart.
 */
@RongheTest
@Import(DatabaseOutageTests.Outage.class)
@TestPropertySource(properties = "ronghe.test.schema=outage")
class DatabaseOutageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    Accounts accounts;
    @Autowired
    Outage outage;

    @AfterEach
    void databaseBack() {
        outage.down = false;
    }

    @Test
    void anApiRequestWhileTheDatabaseIsAwayIs503AsAProblemAndSucceedsOnceItIsBack() throws Exception {
        String token = api.token("community");
        outage.down = true;

        MvcResult away = mvc.perform(get("/api/v1/calls").header("Authorization", "Bearer " + token)).andReturn();

        assertThat(away.getResponse().getStatus()).isEqualTo(503);
        assertThat(away.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(away.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(away.getResponse().getContentAsString())
                .contains("\"status\":503").contains("/problems/service-unavailable").contains("数据库暂时无法连接");

        outage.down = false;
        assertThat(mvc.perform(get("/api/v1/calls").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void raisingACallWhileTheDatabaseIsAwayIs503NotAServerError() throws Exception {
        String token = api.token("community");
        outage.down = true;

        MvcResult away = mvc.perform(post("/api/v1/calls").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "outage-1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"电梯停运\",\"category\":\"ELDERLY\",\"community\":\"440103001001\"}")).andReturn();

        assertThat(away.getResponse().getStatus()).isEqualTo(503);
        assertThat(away.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void signingInWhileTheDatabaseIsAwayIs503NotAWrongPassword() throws Exception {
        outage.down = true;

        MvcResult away = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"community\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}")).andReturn();

        assertThat(away.getResponse().getStatus()).isEqualTo(503);
        assertThat(away.getResponse().getContentAsString()).contains("/problems/service-unavailable");

        outage.down = false;
        assertThat(api.signInStatus("community", Api.DEMO_PASSWORD)).isEqualTo(201);
    }

    @Test
    void aPageWhileTheDatabaseIsAwayShowsTheErrorPageWith503InTheReadersLanguage() throws Exception {
        // Signed in before the outage: the session holds the account, as it does in a browser.
        var principal = new AccountPrincipal(accounts.byUsername("committee").orElseThrow(), null, true, false);
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        outage.down = true;

        MvcResult chinese = mvc.perform(get("/calls").with(signedIn)).andReturn();
        MvcResult english = mvc.perform(get("/calls?lang=en").with(signedIn)).andReturn();

        assertThat(chinese.getResponse().getStatus()).isEqualTo(503);
        assertThat(chinese.getResponse().getContentAsString())
                .contains("503").contains("数据库暂时无法连接").contains("返回首页");
        assertThat(english.getResponse().getStatus()).isEqualTo(503);
        assertThat(english.getResponse().getContentAsString()).contains("The database cannot be reached");

        outage.down = false;
        assertThat(mvc.perform(get("/calls").with(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** Wraps the application's data source so that a test can make every new connection fail. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {

        volatile boolean down;

        @Bean
        static BeanPostProcessor outageDataSource(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource) || bean instanceof Switched) {
                        return bean;
                    }
                    return new Switched(dataSource, outage);
                }
            };
        }
    }

    static final class Switched extends DelegatingDataSource {

        private final org.springframework.beans.factory.ObjectProvider<Outage> outage;

        Switched(DataSource target, org.springframework.beans.factory.ObjectProvider<Outage> outage) {
            super(target);
            this.outage = outage;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (outage.getObject().down) {
                throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms.");
            }
            return super.getConnection();
        }
    }
}
