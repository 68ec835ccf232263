package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.MINUTE;
import static org.ronghe.calls.CallsClient.instant;
import static org.ronghe.calls.CallsClient.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TimerDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 吹哨报到 (the street blows the whistle, the summoned organs check in within 30 minutes or are
 * reported to the organ and the leaders liaising with the street) and 市有呼唤、全区必应 (the
 * committee's directives: every unit acknowledges and reports completion, the silent ones are urged at
 * 80 % of the time and recorded as missed at the deadline).
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_whistle")
class WhistleAndDirectiveTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TimerDriver timers;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    JsonNode handler(JsonNode call, String organ) {
        for (JsonNode h : call.get("handlers")) {
            if (h.get("organCode").asString().equals(organ)) {
                return h;
            }
        }
        throw new AssertionError("no handler " + organ + " in " + call.get("handlers"));
    }

    /** Check-ins that will be missed, as the whistle plans them. */
    long pendingCheckIns(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE :p").param("p", "check_in-" + id + "-%")
                .query(Long.class).single();
    }

    @Test
    void theStreetBlowsTheWhistleAndTheSummonedOrgansCheckIn() {
        long id = calls.raiseId("community", "ELDERLY", "老旧小区加装电梯协调");
        calls.ok("secretary", id, "accept", null);
        Instant blown = clock.instant();
        JsonNode whistled = calls.ok("street", id, "whistle", Map.of("organs", List.of("JG002", "JG003")));
        assertThat(texts(whistled.get("timeline"), "type")).endsWith("WHISTLED", "WHISTLED");
        assertThat(handler(whistled, "JG002").get("role").asString()).isEqualTo("WHISTLED");
        assertThat(instant(handler(whistled, "JG002").get("checkInBy"))).isCloseTo(blown.plus(Duration.ofMinutes(30)), MINUTE);
        assertThat(handler(whistled, "JG001").get("role").asString()).isEqualTo("LEAD");
        assertThat(pendingCheckIns(id)).isEqualTo(2);

        // a summoned organ sees the call, may check in, but is not its lead
        String generalOffice = calls.secretaryOf("JG002");
        JsonNode seen = calls.call(generalOffice, id);
        assertThat(texts(seen.get("actions"), null)).containsExactly("CHECK_IN");
        JsonNode checkedIn = calls.ok(generalOffice, id, "checkin", null);
        assertThat(handler(checkedIn, "JG002").get("checkedInAt").isNull()).isFalse();
        assertThat(checkedIn.get("timeline").get(checkedIn.get("timeline").size() - 1).get("note").asString()).isEqualTo("按时报到");
        assertThat(calls.act(generalOffice, id, "checkin", null).status()).isEqualTo(409);
        assertThat(calls.act(generalOffice, id, "reply", Map.of("text", "我来答复")).status()).isEqualTo(403);

        // an organ nobody summoned cannot check in; whistling an organ still due to check in is refused
        assertThat(calls.act("secretary", id, "checkin", null).status()).isEqualTo(409);
        Api.Response again = calls.act("street", id, "whistle", Map.of("organs", List.of("JG003")));
        assertThat(again.status()).isEqualTo(400);
        assertThat(calls.ok("committee", id, "whistle", Map.of("organs", List.of("JG004"))).get("handlers")).hasSize(4);
    }

    @Test
    void anOrganThatDoesNotCheckInWithinHalfAnHourIsReportedToItselfAndTheLiaisonLeaders() {
        long id = calls.raiseId("community", "ELDERLY", "违建拆除需多部门到场");
        calls.ok("street", id, "whistle", Map.of("organs", List.of("JG002", "JG003")));
        calls.ok(calls.secretaryOf("JG002"), id, "checkin", null);
        timers.advance(Duration.ofMinutes(29));
        assertThat(calls.events(id, CallEvent.Type.CHECK_IN_MISSED)).isZero();
        timers.advance(Duration.ofMinutes(2));
        assertThat(calls.events(id, CallEvent.Type.CHECK_IN_MISSED)).isEqualTo(1);
        assertThat(calls.noticeOrgans(id, "CHECK_IN_MISSED")).containsExactly("JG003");
        assertThat(calls.noticeLeaders(id, "CHECK_IN_MISSED")).isEqualTo(calls.liaisonLeaders("440103001")).isNotEmpty();
        JsonNode view = calls.call("street", id);
        assertThat(handler(view, "JG003").get("missed").asBoolean()).isTrue();
        assertThat(handler(view, "JG002").get("missed").asBoolean()).isFalse();

        // the late organ may still check in, and it is noted as late; the timer does not fire twice
        JsonNode late = calls.ok(calls.secretaryOf("JG003"), id, "checkin", null);
        assertThat(late.get("timeline").get(late.get("timeline").size() - 1).get("note").asString()).isEqualTo("逾时报到");
        timers.advance(Duration.ofHours(1));
        assertThat(calls.events(id, CallEvent.Type.CHECK_IN_MISSED)).isEqualTo(1);
        assertThat(calls.notices(id, "CHECK_IN_MISSED")).isEqualTo(1 + calls.liaisonLeaders("440103001").size());
    }

    @Test
    void aCheckInTimerFiresOnlyForTheCheckInItWasSetFor() {
        long id = calls.raiseId("community", "ELDERLY", "按时报到后无提醒");
        calls.ok("street", id, "whistle", Map.of("organs", List.of("JG004")));
        calls.ok(calls.secretaryOf("JG004"), id, "checkin", null);
        timers.advance(Duration.ofHours(1));
        assertThat(calls.events(id, CallEvent.Type.CHECK_IN_MISSED)).isZero();
        assertThat(calls.notices(id, "CHECK_IN_MISSED")).isZero();
        assertThat(pendingCheckIns(id)).isZero();
    }

    @Test
    void onlyTheCallsStreetOrTheCommandCentreMayBlowTheWhistle() {
        long id = calls.raiseId("community", "ELDERLY", "谁能吹哨");
        assertThat(calls.act("community", id, "whistle", Map.of("organs", List.of("JG002"))).status()).isEqualTo(403);
        assertThat(calls.act("secretary", id, "whistle", Map.of("organs", List.of("JG002"))).status()).isEqualTo(403);
        String otherStreet = calls.account("street-hualin", "STREET_STAFF", "440103003");
        assertThat(calls.act(otherStreet, id, "whistle", Map.of("organs", List.of("JG002"))).status()).isEqualTo(403);
        assertThat(calls.act("street", id, "whistle", Map.of("organs", List.of())).status()).isEqualTo(400);
        assertThat(calls.act("street", id, "whistle", Map.of("organs", List.of("JG999"))).status()).isEqualTo(400);
        assertThat(texts(calls.call("street", id).get("actions"), null)).contains("WHISTLE");
        calls.ok("street", id, "whistle", Map.of("organs", List.of("JG005")));
    }

    // --- directives ----------------------------------------------------------------------------------------------

    Api.Response issue(String by, Map<String, Object> body, String... headers) {
        return calls.post(by, "/api/v1/directives", body, headers);
    }

    static Map<String, Object> directive(String title, Instant deadline, String audience, Object... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("title", title, "body", "请各单位落实",
                "deadline", deadline.toString(), "audience", audience));
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    Api.Response answer(String user, long id, String action, String report) {
        return calls.post(user, "/api/v1/directives/" + id + "/replies",
                report == null ? Map.of("action", action) : Map.of("action", action, "report", report));
    }

    long directiveNotices(long id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE directive_id = :d AND kind = :k")
                .param("d", id).param("k", kind).query(Long.class).single();
    }

    @Test
    void theCommitteeIssuesADirectiveToAllOrgansAndSeesWhoHasNotAnswered() {
        Api.Response issued = issue("committee", directive("开展消防安全大检查", clock.instant().plus(Duration.ofDays(10)), "ALL_ORGANS"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        assertThat(issued.json().get("units").asInt()).isEqualTo(5);
        assertThat(issued.json().get("unanswered")).hasSize(5);

        JsonNode acknowledged = answer("secretary", id, "ACKNOWLEDGE", null).json();
        assertThat(acknowledged.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(acknowledged.get("ownReply").get("acknowledgedBy").asString()).isEqualTo("secretary");
        assertThat(answer("secretary", id, "ACKNOWLEDGE", null).status()).isEqualTo(409);
        assertThat(answer("secretary", id, "COMPLETE", " ").status()).isEqualTo(400);

        Api.Response completed = answer("secretary", id, "COMPLETE", "已完成 12 处隐患整改");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("completed").asInt()).isEqualTo(1);
        // A receiving organ sees the totals, but of the units only itself: the others lie outside its data scope.
        assertThat(completed.json().get("units").asInt()).isEqualTo(5);
        assertThat(completed.json().get("unanswered")).isEmpty();
        assertThat(texts(completed.json().get("replies"), "name")).containsExactly("区民政局");
        assertThat(answer("secretary", id, "COMPLETE", "再报一次").status()).isEqualTo(409);

        // an organ completing without acknowledging first acknowledges with it
        JsonNode direct = answer(calls.secretaryOf("JG002"), id, "COMPLETE", "已检查").json();
        assertThat(direct.get("acknowledged").asInt()).isEqualTo(2);
        assertThat(direct.get("completed").asInt()).isEqualTo(2);

        JsonNode seen = calls.get("committee", "/api/v1/directives/" + id).json();
        assertThat(texts(seen.get("timeline"), "type")).containsExactly("ISSUED", "ACKNOWLEDGED", "COMPLETED", "ACKNOWLEDGED",
                "COMPLETED");
        assertThat(calls.get("street", "/api/v1/directives/" + id).status()).isEqualTo(403);
        assertThat(calls.get("community", "/api/v1/directives/" + id).status()).isEqualTo(403);
        assertThat(calls.get("secretary", "/api/v1/directives/" + id).status()).isEqualTo(200);
        JsonNode list = calls.get("street", "/api/v1/directives").json();
        assertThat(list.get("items")).noneMatch(item -> item.get("id").asLong() == id);
    }

    @Test
    void unitsThatHaveNotCompletedAreUrgedAtEightyPercentAndRecordedAsMissedAtTheDeadline() {
        Instant deadline = clock.instant().plus(Duration.ofHours(10));
        Api.Response issued = issue("committee", directive("排查独居老人安全", deadline, "CHOSEN",
                "organs", List.of("JG001", "JG002"), "streets", List.of("440103001"), "communities", List.of("440103001001")));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        assertThat(issued.json().get("units").asInt()).isEqualTo(4);
        assertThat(answer("secretary", id, "COMPLETE", "已排查 35 户").status()).isEqualTo(200);
        assertThat(answer("community", id, "ACKNOWLEDGE", null).status()).isEqualTo(200);

        timers.advance(Duration.ofHours(7).plusMinutes(50));
        assertThat(directiveNotices(id, "DIRECTIVE_URGED")).isZero();
        timers.advance(Duration.ofMinutes(20));
        assertThat(directiveNotices(id, "DIRECTIVE_URGED")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE directive_id = :d AND kind = 'DIRECTIVE_URGED' AND organ_id = "
                + "(SELECT id FROM organ WHERE code = 'JG001')")
                .param("d", id).query(Long.class).single()).isZero();

        assertThat(answer("street", id, "COMPLETE", "街道已排查").status()).isEqualTo(200);
        timers.advance(Duration.ofHours(2));
        assertThat(directiveNotices(id, "DIRECTIVE_MISSED")).isEqualTo(2);
        JsonNode view = calls.get("committee", "/api/v1/directives/" + id).json();
        assertThat(texts(view.get("timeline"), "type")).containsSubsequence("URGED", "COMPLETED", "MISSED").endsWith("MISSED");
        assertThat(view.get("unanswered")).hasSize(2).allSatisfy(u -> assertThat(u.get("reply").get("missedAt").isNull()).isFalse());
        timers.advance(Duration.ofHours(1));
        assertThat(directiveNotices(id, "DIRECTIVE_URGED") + directiveNotices(id, "DIRECTIVE_MISSED")).isEqualTo(5);
    }

    @Test
    void theSameIdempotencyKeyIssuesTheDirectiveOnce() {
        Map<String, Object> body = directive("防汛值班安排", clock.instant().plus(Duration.ofDays(2)), "ALL_STREETS");
        Api.Response first = issue("committee", body, "Idempotency-Key", "flood-2027");
        assertThat(first.status()).isEqualTo(201);
        CallsClient.Sent again = calls.postWithHeaders("committee", "/api/v1/directives", body, "Idempotency-Key", "flood-2027");
        assertThat(again.response().status()).isEqualTo(200);
        assertThat(again.headers().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.response().json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM directive WHERE title = '防汛值班安排'").query(Long.class).single()).isEqualTo(1);
        assertThat(first.json().get("units").asInt()).isEqualTo(3);
    }

    @Test
    void onlyTheCommitteeIssuesDirectivesAndTheyNeedAFutureDeadlineAndKnownUnits() {
        Instant later = clock.instant().plus(Duration.ofDays(1));
        assertThat(issue("street", directive("街道自己发指令", later, "ALL_COMMUNITIES")).status()).isEqualTo(403);
        assertThat(issue("secretary", directive("机关自己发指令", later, "ALL_ORGANS")).status()).isEqualTo(403);
        assertThat(issue("committee", directive("过期的指令", clock.instant().minus(Duration.ofHours(1)), "ALL_ORGANS")).status())
                .isEqualTo(400);
        assertThat(issue("committee", directive("不存在的单位", later, "CHOSEN", "organs", List.of("JG999"))).status()).isEqualTo(400);
        assertThat(issue("committee", directive("没有单位", later, "CHOSEN")).status()).isEqualTo(400);
        Api.Response communities = issue("committee", directive("全部社区", later, "ALL_COMMUNITIES"));
        assertThat(communities.json().get("units").asInt()).isEqualTo(8);
        long id = communities.json().get("id").asLong();
        assertThat(answer("community", id, "ACKNOWLEDGE", null).status()).isEqualTo(200);
        assertThat(answer("leader", id, "ACKNOWLEDGE", null).status()).isEqualTo(403);
    }

    @Test
    void aUnitTheDirectiveWasNotSentToMayNotAnswerIt() {
        Api.Response issued = issue("committee", directive("仅发机关单位", clock.instant().plus(Duration.ofDays(1)), "ALL_ORGANS"));
        long id = issued.json().get("id").asLong();
        assertThat(answer("community", id, "ACKNOWLEDGE", null).status()).isEqualTo(403);
        assertThat(answer("street", id, "COMPLETE", "街道也做了").status()).isEqualTo(403);
    }
}
