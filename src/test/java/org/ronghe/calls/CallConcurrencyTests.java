package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two people acting on the same call at the same instant: exactly one wins, the other is told with
 * 409, and the call records the step once. Each race is run several times so that both the truly
 * simultaneous case (the version check refuses the second write) and the nearly simultaneous one
 * (the state refuses the second step) occur.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_concurrency")
class CallConcurrencyTests {

    static final int ROUNDS = 6;
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallDesk desk;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Runs both at the same instant and gives their results in order. */
    static <T> List<T> race(Supplier<T> first, Supplier<T> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<T> a = POOL.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return first.get();
        });
        Future<T> b = POOL.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return second.get();
        });
        return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    }

    @Test
    void twoClerksOfTheSameOrganAcceptAtOnceAndOnlyOneSucceeds() throws Exception {
        String colleague = calls.account("secretary-2", "ORGAN_SECRETARY", "JG001");
        calls.signIn("community", "secretary", colleague);
        for (int round = 0; round < ROUNDS; round++) {
            long id = calls.raiseId("community", "ELDERLY", "同时签收 " + round);
            List<Api.Response> answers = race(() -> calls.act("secretary", id, "accept", null),
                    () -> calls.act(colleague, id, "accept", null));
            assertThat(answers).extracting(Api.Response::status).as("round " + round).containsExactlyInAnyOrder(200, 409);
            Api.Response loser = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(calls.events(id, CallEvent.Type.ACCEPTED)).isEqualTo(1);
            assertThat(calls.state(id)).isEqualTo("ACCEPTED");
            assertThat(jdbc.sql("SELECT version FROM call WHERE id = :id").param("id", id).query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void theLeadAcceptingAndReturningAtOnceEndsInExactlyOneOfThem() throws Exception {
        CurrentUser secretary = calls.user("secretary");
        CurrentUser colleague = calls.user(calls.account("secretary-3", "ORGAN_SECRETARY", "JG001"));
        for (int round = 0; round < ROUNDS; round++) {
            long id = calls.raiseId("community", "ELDERLY", "签收与退单同时 " + round);
            List<String> outcomes = race(() -> outcome(() -> desk.accept(secretary, id)),
                    () -> outcome(() -> desk.giveBack(colleague, id, "不属本单位职责")));
            assertThat(outcomes).as("round " + round).containsOnlyOnce("ok").contains("conflict");
            String state = calls.state(id);
            assertThat(state).isIn("ACCEPTED", "RETURNED");
            assertThat(calls.events(id, CallEvent.Type.ACCEPTED) + calls.events(id, CallEvent.Type.RETURNED)).isEqualTo(1);
        }
    }

    @Test
    void twoRatingsAtOnceCloseTheCallOnce() throws Exception {
        CurrentUser community = calls.user("community");
        CurrentUser street = calls.user("street");
        for (int round = 0; round < ROUNDS; round++) {
            long id = calls.raiseId("community", "ELDERLY", "同时评价 " + round);
            calls.ok("secretary", id, "accept", null);
            calls.ok("secretary", id, "reply", Map.of("text", "已处理"));
            List<String> outcomes = race(() -> outcome(() -> desk.rate(community, id, Rating.SATISFIED, true, null)),
                    () -> outcome(() -> desk.rate(street, id, Rating.UNSATISFIED, false, "街道不满意")));
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("ok", "conflict");
            assertThat(calls.events(id, CallEvent.Type.RATED)).isEqualTo(1);
        }
    }

    @Test
    void theSameIdempotencyKeySentTwiceAtOnceRaisesOneCall() throws Exception {
        calls.signIn("community");
        for (int round = 0; round < ROUNDS; round++) {
            String key = "double-click-" + round;
            Map<String, Object> body = CallsClient.body("ELDERLY", "双击提交 " + round);
            List<CallsClient.Sent> answers = race(
                    () -> calls.postWithHeaders("community", "/api/v1/calls", body, "Idempotency-Key", key),
                    () -> calls.postWithHeaders("community", "/api/v1/calls", body, "Idempotency-Key", key));
            assertThat(answers).extracting(s -> s.response().status()).as("round " + round).containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).response().json().get("id").asLong())
                    .isEqualTo(answers.get(1).response().json().get("id").asLong());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM call WHERE idempotency_key = :k").param("k", key).query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void theSameDirectiveSentTwiceAtOnceIsIssuedOnce() throws Exception {
        calls.signIn("committee");
        for (int round = 0; round < ROUNDS; round++) {
            String key = "directive-double-click-" + round;
            Map<String, Object> body = Map.of("title", "双击下发 " + round, "deadline",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString(), "audience", "ALL_ORGANS");
            List<CallsClient.Sent> answers = race(
                    () -> calls.postWithHeaders("committee", "/api/v1/directives", body, "Idempotency-Key", key),
                    () -> calls.postWithHeaders("committee", "/api/v1/directives", body, "Idempotency-Key", key));
            assertThat(answers).extracting(s -> s.response().status()).as("round " + round).containsExactlyInAnyOrder(201, 200);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM directive WHERE idempotency_key = :k").param("k", key)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    static String outcome(Runnable step) {
        try {
            step.run();
            return "ok";
        } catch (ConflictException e) {
            return "conflict";
        } catch (RuntimeException e) {
            List<String> chain = new ArrayList<>();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.add(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
            return "error " + chain;
        }
    }
}
