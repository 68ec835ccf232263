package org.ronghe.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ronghe.support.Api;
import org.ronghe.support.IsolatedDatabase;
import org.ronghe.support.Node;
import org.ronghe.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the platform on one database, each on its own port with its own timers, reached
 * alternately as a load balancer without sticky sessions would: a page session opened on one is signed
 * in on the other (and survives a restart), a directive issued on one is seen and answered on the other,
 * a request repeated on the other node with its idempotency key makes nothing twice, and every due timer
 * fires exactly once across both nodes' schedulers.
 * <p>
 * One command: {@code ./mvnw test -Dtest=TwoNodeTests} (H2: two nodes in one JVM share an in-memory
 * database); on PostgreSQL add {@code RONGHE_TEST_POSTGRES_URL=jdbc:postgresql://…?user=…}, which also runs it a second time there.
 */
@Tag("sql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeTests {

    static final String SCHEMA = "two_nodes";
    static final int CALLS = 12;
    /** Both nodes read the same clock, as servers kept in time by NTP do; the test moves it to make timers due. */
    static final TestClock CLOCK = new TestClock(ZoneId.of("Asia/Shanghai"));

    static final List<String> DATABASE = new ArrayList<>();
    static Node a;
    static Node b;

    @BeforeAll
    static void startTwoNodes() {
        DATABASE.addAll(IsolatedDatabase.arguments(SCHEMA));
        a = start("node-a");
        b = start("node-b");
    }

    static Node start(String name) {
        List<String> settings = new ArrayList<>(DATABASE);
        settings.addAll(List.of("--ronghe.demo.calls=0", "--ronghe.timers.mode=polling",
                "--ronghe.timers.polling-interval=200ms", "--ronghe.timers.node-name=" + name));
        return Node.start(name, Node.arguments(settings),
                context -> context.registerBean("testClock", TestClock.class, () -> CLOCK, bean -> bean.setPrimary(true)));
    }

    @AfterAll
    static void stop() {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (a != null) {
                a.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPageSessionOpenedOnOneNodeIsSignedInOnTheOtherAndEndsOnBoth() {
        String committee = a.jdbc().sql("SELECT display_name FROM account WHERE username = 'committee'").query(String.class).single();
        assertThat(b.page("/", null).statusCode()).as("node b without a session").isEqualTo(302);
        // the database-backed session keeps the cookie's protections
        assertThat(a.page("/login", null).headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));

        String session = a.signIn("committee", Api.DEMO_PASSWORD);
        HttpResponse<String> home = b.page("/", session);
        assertThat(home.statusCode()).as("node b with the session opened on node a").isEqualTo(200);
        assertThat(home.body()).contains(committee);
        assertThat(a.page("/", session).statusCode()).isEqualTo(200);

        // signing out on node b, with the CSRF token of node b's page, ends the session on node a too
        HttpResponse<String> out = b.submit(home.body(), "/logout", session, Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        HttpResponse<String> after = a.page("/", session);
        assertThat(after.statusCode()).as("node a after signing out on node b").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    @Order(2)
    void aDirectiveIssuedOnOneNodeIsSeenAndAnsweredOnTheOther() {
        String committee = a.token("committee", Api.DEMO_PASSWORD);
        String key = "two-nodes-directive-" + System.nanoTime();
        Node.Json issued = a.post(committee, "/api/v1/directives",
                directive("两个节点都能看到的指令", CLOCK.instant().plus(Duration.ofDays(10))), "Idempotency-Key", key);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long id = issued.json().get("id").asLong();

        // the token issued by node a works on node b, which reads the same directive
        Node.Json seen = b.get(committee, "/api/v1/directives/" + id);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.json().get("title").asString()).isEqualTo("两个节点都能看到的指令");
        assertThat(seen.json().get("units").asInt()).isEqualTo(5);
        // the same request sent again, now to node b, issues nothing new
        Node.Json again = b.post(committee, "/api/v1/directives",
                directive("两个节点都能看到的指令", CLOCK.instant().plus(Duration.ofDays(10))), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertThat(a.jdbc().sql("SELECT COUNT(*) FROM directive WHERE title = '两个节点都能看到的指令'").query(Long.class).single())
                .isEqualTo(1);

        // the directives page of node b, signed in on node a, lists it
        String session = a.signIn("committee", Api.DEMO_PASSWORD);
        HttpResponse<String> page = b.page("/directives", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("两个节点都能看到的指令");

        // an organ acknowledges on node b; node a counts it
        String secretary = b.token("secretary", Api.DEMO_PASSWORD);
        assertThat(b.post(secretary, "/api/v1/directives/" + id + "/replies", Map.of("action", "ACKNOWLEDGE")).status()).isEqualTo(200);
        assertThat(a.get(committee, "/api/v1/directives/" + id).json().get("acknowledged").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void everyDueTimerFiresExactlyOnceAcrossBothNodesAndNoCallIsRaisedTwice() throws Exception {
        // calls raised alternately on node a and node b, each request then repeated on the other node
        String community = a.token("community", Api.DEMO_PASSWORD);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Node first = i % 2 == 0 ? a : b;
            Node other = i % 2 == 0 ? b : a;
            String key = "two-nodes-call-" + i + "-" + System.nanoTime();
            Map<String, Object> call = Map.of("title", "两个节点 " + i, "category", "ELDERLY", "community", "440103001001");
            Node.Json raised = first.post(community, "/api/v1/calls", call, "Idempotency-Key", key);
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            long id = raised.json().get("id").asLong();
            Node.Json repeated = other.post(community, "/api/v1/calls", call, "Idempotency-Key", key);
            assertThat(repeated.status()).as("the same request on the other node").isEqualTo(200);
            assertThat(repeated.json().get("id").asLong()).isEqualTo(id);
            ids.add(id);
        }
        JdbcClient jdbc = a.jdbc();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call WHERE title LIKE '两个节点 %'").query(Long.class).single()).isEqualTo(CALLS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'call-timer' AND task_instance LIKE 'escalate-%'")
                .query(Long.class).single()).as("an escalation timer per call").isEqualTo(CALLS);

        String committee = b.token("committee", Api.DEMO_PASSWORD);
        Node.Json directive = b.post(committee, "/api/v1/directives",
                directive("两个节点的催办", CLOCK.instant().plus(Duration.ofDays(10))));
        assertThat(directive.status()).as(directive.body()).isEqualTo(201);
        long directiveId = directive.json().get("id").asLong();

        // every accept limit, urging, escalation, second escalation and the directive's urging and deadline are now due
        CLOCK.advance(Duration.ofDays(40));
        int movedOn = waitForTimers(jdbc);

        Map<String, Long> once = new TreeMap<>(Map.of("ACCEPT_OVERDUE", 1L, "URGED", 1L, "ESCALATED", 1L, "ESCALATED_AGAIN", 1L));
        for (long id : ids) {
            Map<String, Long> fired = new TreeMap<>();
            jdbc.sql("SELECT type, COUNT(*) FROM call_event WHERE call_id = :id AND actor = 'system' AND type <> 'DISPATCHED' "
                            + "GROUP BY type").param("id", id)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> fired.put(e.getKey(), e.getValue()));
            assertThat(fired).as("timer events of call " + id).isEqualTo(once);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE kind = 'ESCALATED' AND call_id IN (:ids)").param("ids", ids)
                .query(Long.class).single()).as("escalation notices").isEqualTo(CALLS);
        // five organs, none answered: each urged once, each recorded as missed once
        assertThat(notices(jdbc, directiveId, "DIRECTIVE_URGED")).isEqualTo(5);
        assertThat(notices(jdbc, directiveId, "DIRECTIVE_MISSED")).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call WHERE title LIKE '两个节点 %'").query(Long.class).single()).isEqualTo(CALLS);
        System.out.println("Two nodes: " + CALLS + " calls raised alternately (each repeated on the other node), " + 4 * CALLS
                + " call timers and 10 directive timers fired once each; the clock moved on " + movedOn
                + " time(s) for timers retried after a conflict");
    }

    @Test
    @Order(4)
    void aPageSessionOutlivesTheRestartOfTheNodeThatOpenedIt() {
        String session = b.signIn("street", Api.DEMO_PASSWORD);
        b.close();
        b = null;
        assertThat(a.page("/", session).statusCode()).as("node a while node b is down").isEqualTo(200);
        b = start("node-b");
        assertThat(b.page("/", session).statusCode()).as("node b after its restart").isEqualTo(200);
    }

    /** Waits until no timer is left, moving the clock past the retry delay of timers that lost a race for their call. */
    private static int waitForTimers(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int movedOn = 0;
        while (pending(jdbc) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long pending = pending(jdbc);
            if (pending > 0 && jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'call-timer' AND picked = FALSE "
                    + "AND consecutive_failures > 0").query(Long.class).single() == pending) {
                CLOCK.advance(Duration.ofMinutes(6));
                movedOn++;
            }
        }
        assertThat(pending(jdbc)).as("timers left").isZero();
        return movedOn;
    }

    private static long pending(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'call-timer'").query(Long.class).single();
    }

    private static long notices(JdbcClient jdbc, long directive, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE directive_id = :d AND kind = :k")
                .param("d", directive).param("k", kind).query(Long.class).single();
    }

    private static Map<String, Object> directive(String title, Instant deadline) {
        return Map.of("title", title, "body", "请各单位落实", "deadline", deadline.toString(), "audience", "ALL_ORGANS");
    }
}
