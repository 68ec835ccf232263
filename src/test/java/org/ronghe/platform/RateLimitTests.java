package org.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.platform.security.SignInThrottledException;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-ins and Open311 submissions are limited per key and per client address, in the database so
 * the limits hold across nodes; beyond a limit the answer is 429 with {@code Retry-After}.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=ratelimits",
        "ronghe.rate-limits.login-per-username=3/10m", "ronghe.rate-limits.login-per-address=6/1h",
        "ronghe.rate-limits.open311-per-key=2/1h", "ronghe.rate-limits.open311-per-address=4/1h"})
@DirtiesContext
class RateLimitTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

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
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RateLimits limits;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFourthTokenRequestForOneUsernameWithinAMinuteIsRefusedUntilABucketRefills() throws Exception {
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThat(token("streets-" + address, "Wrong#Pass1", address).getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult refused = token("streets-" + address, "Wrong#Pass1", address);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // one token every 200 s; the test clock follows real time, so a little of it may have refilled already
        assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(140, 200);
        assertThat(json.readTree(refused.getResponse().getContentAsString()).get("detail").asString()).contains("过于频繁");

        clock.advance(Duration.ofSeconds(200));
        assertThat(token("streets-" + address, "Wrong#Pass1", address).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aThrottledAttemptDoesNotCountTowardsTheLockout() throws Exception {
        String address = address();
        String username = "throttled-" + address;
        accounts.createIfAbsent(new Accounts.NewAccount(username, "限流测试", Role.STREET_STAFF, "440103001", "Right#Pass1",
                false, Accounts.PasswordSource.OWN));
        for (int i = 0; i < 3; i++) {
            token(username, "Wrong#Pass1", address);
        }
        assertThat(token(username, "Wrong#Pass1", address).getResponse().getStatus()).isEqualTo(429);
        assertThat(jdbc.sql("SELECT failed_attempts FROM account WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(200));
        assertThat(token(username, "Right#Pass1", address).getResponse().getStatus()).isEqualTo(201);
    }

    @Autowired
    Accounts accounts;

    @Test
    void oneAddressTryingManyUsernamesIsRefusedOnTheSignInPageInChinese() throws Exception {
        String address = address();
        for (int i = 0; i < 6; i++) {
            MvcResult attempt = form("guess-" + i, "Wrong#Pass1", address);
            assertThat(attempt.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        MvcResult refused = form("guess-7", "Wrong#Pass1", address);
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        String wait = refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER);
        assertThat(Integer.parseInt(wait)).isBetween(540, 600);
        assertThat(refused.getResponse().getForwardedUrl()).isEqualTo("/login/throttled");
        // MockMvc does not follow forwards: open the page the way the forward does
        MvcResult page = mvc.perform(post("/login/throttled").with(csrf())
                .requestAttr(SignInThrottledException.REQUEST_ATTRIBUTE, refused.getRequest()
                        .getAttribute(SignInThrottledException.REQUEST_ATTRIBUTE))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(429);
        assertThat(page.getResponse().getContentAsString()).contains("登录尝试过于频繁，请 " + wait + " 秒后再试").contains("name=\"password\"");
        assertThat(form("guess-8", "Wrong#Pass1", address()).getResponse().getRedirectedUrl())
                .as("another address is not held back").isEqualTo("/login?error");
    }

    @Test
    void anOpen311ClientBeyondItsLimitGets429InTheOpen311ErrorFormat() throws Exception {
        String key = registerClient();
        for (int i = 0; i < 2; i++) {
            assertThat(submit(key, address()).getResponse().getStatus()).isEqualTo(200);
        }
        MvcResult refused = submit(key, address());
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1740, 1800);
        JsonNode errors = json.readTree(refused.getResponse().getContentAsString());
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(429);
        assertThat(errors.get(0).get("description").asString()).contains("过于频繁");
    }

    @Test
    void oneAddressSubmittingForManyClientsIsHeldBackToo() throws Exception {
        String address = address();
        for (int i = 0; i < 4; i++) {
            assertThat(submit(registerClient(), address).getResponse().getStatus()).isEqualTo(200);
        }
        assertThat(submit(registerClient(), address).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void twoNodesShareTheBucketsThroughTheDatabase() {
        RateLimits otherNode = new RateLimits(jdbc, clock, transactions);
        RateLimit limit = new RateLimit("shared-test", 2, Duration.ofHours(1));
        String key = address();
        assertThat(limits.take(limit, key).allowed()).isTrue();
        assertThat(otherNode.take(limit, key).allowed()).isTrue();
        RateLimits.Decision third = limits.take(limit, key);
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isBetween(1740L, 1800L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_bucket WHERE bucket LIKE '%" + key + "%'").query(Long.class).single())
                .as("keys are stored hashed").isZero();
    }

    @Test
    void aLimitReadsRequestsPerPeriod() {
        assertThat(RateLimit.parse("x", "10/5m")).isEqualTo(new RateLimit("x", 10, Duration.ofMinutes(5)));
        assertThat(RateLimit.parse("x", " 60 / 1m ").per()).isEqualTo(Duration.ofMinutes(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimit.parse("x", "0/1m"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateLimit.parse("x", "10"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String address() {
        return "10.0." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    private MvcResult token(String username, String password, String address) throws Exception {
        return mvc.perform(from(address, post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("username", username, "password", password))))).andReturn();
    }

    private MvcResult form(String username, String password, String address) throws Exception {
        return mvc.perform(from(address, post("/login").with(csrf()).param("username", username).param("password", password)))
                .andReturn();
    }

    private MvcResult submit(String key, String address) throws Exception {
        return mvc.perform(from(address, post("/open311/v2/requests.json").param("api_key", key)
                .param("service_code", "ELDERLY").param("description", "限流测试").param("lat", "23.1").param("long", "113.2")))
                .andReturn();
    }

    private String registerClient() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"限流测试 " + address() + "\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("apiKey").asString();
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

}
