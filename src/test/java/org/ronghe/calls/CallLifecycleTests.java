package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.instant;
import static org.ronghe.calls.CallsClient.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The life of a call through the API, step by step: routing (straight to the one organ answering for
 * the category, or to the dispatcher queue), re-routing, returning, replying, rating, reopening,
 * extensions; every refused step answered with 409 naming the state, 403 for the wrong person, 400
 * for bad input; and the idempotent raise.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_lifecycle")
class CallLifecycleTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
        // In the small demo every category has exactly one organ; a second one for NOISE sends its calls to the queue.
        calls.alsoAnswers("JG005", "NOISE");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anElderlyCareCallGoesStraightToTheCivilAffairsBureauAndClosesWhenTheCommunityIsSatisfied() {
        JsonNode raised = calls.raise("community", "ELDERLY", "独居老人需要助餐服务");
        long id = raised.get("id").asLong();
        assertThat(raised.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(raised.get("lead").get("code").asString()).isEqualTo("JG001");
        assertThat(raised.get("community").get("code").asString()).isEqualTo("440103001001");
        assertThat(raised.get("origin").asString()).isEqualTo("COMMUNITY");
        assertThat(instant(raised.get("acceptBy"))).isAfter(instant(raised.get("raisedAt")));
        assertThat(instant(raised.get("replyBy"))).isAfter(instant(raised.get("acceptBy")));
        assertThat(texts(raised.get("timeline"), "type")).containsExactly("RAISED", "DISPATCHED");
        assertThat(raised.get("timeline").get(1).get("actor").asString()).isEqualTo("system");
        assertThat(texts(raised.get("handlers"), "role")).containsExactly("LEAD");

        assertThat(texts(calls.call("secretary", id).get("actions"), null)).contains("ACCEPT", "RETURN").doesNotContain("REPLY");
        JsonNode accepted = calls.ok("secretary", id, "accept", null);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(texts(accepted.get("actions"), null)).contains("REPLY", "EXTEND");

        JsonNode replied = calls.ok("secretary", id, "reply", Map.of("text", "已协调社区长者饭堂每日送餐"));
        assertThat(replied.get("state").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("reply").asString()).isEqualTo("已协调社区长者饭堂每日送餐");
        assertThat(texts(calls.call("community", id).get("actions"), null)).contains("RATE");

        JsonNode rated = calls.ok("community", id, "rate", Map.of("rating", "SATISFIED", "solved", true, "comment", "很及时"));
        assertThat(rated.get("state").asString()).isEqualTo("CLOSED");
        assertThat(rated.get("rating").asString()).isEqualTo("SATISFIED");
        assertThat(rated.get("solved").asBoolean()).isTrue();
        assertThat(texts(rated.get("timeline"), "type")).containsExactly("RAISED", "DISPATCHED", "ACCEPTED", "REPLIED", "RATED");
        assertThat(rated.get("timeline").get(4).get("note").asString()).isEqualTo("满意，已解决：很及时");
        assertThat(texts(rated.get("actions"), null)).doesNotContain("REOPEN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject = 'call' AND subject_key = :k AND action LIKE 'CALL_%'")
                .param("k", String.valueOf(id)).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aNoiseCallAnsweredByTwoOrgansWaitsInTheQueueUntilTheDispatcherSendsItWithACoHandler() {
        JsonNode raised = calls.raise("community", "NOISE", "夜间装修噪音扰民");
        long id = raised.get("id").asLong();
        assertThat(raised.get("state").asString()).isEqualTo("RAISED");
        assertThat(raised.get("lead").isNull()).isTrue();
        assertThat(calls.listed("committee", CallQueries.Filter.none().withQueue())).contains(id);
        assertThat(texts(calls.call("committee", id).get("actions"), null)).contains("DISPATCH");

        JsonNode dispatched = calls.ok("committee", id, "dispatch", Map.of("lead", "JG002", "coHandlers", List.of("JG005")));
        assertThat(dispatched.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("lead").get("code").asString()).isEqualTo("JG002");
        assertThat(dispatched.get("handlers")).extracting(h -> h.get("organCode").asString() + ":" + h.get("role").asString())
                .containsExactlyInAnyOrder("JG002:LEAD", "JG005:CO");
        assertThat(dispatched.get("timeline").get(1).get("actor").asString()).isEqualTo("committee");
        assertThat(calls.listed("committee", CallQueries.Filter.none().withQueue())).doesNotContain(id);
        assertThat(calls.listed("committee", CallsClient.byOrgan("JG005"))).contains(id);
        assertThat(calls.listed("committee", CallQueries.Filter.none().withLead("JG002"))).contains(id);

        // the co-handler sees the call but may not accept it
        String coHandler = calls.secretaryOf("JG005");
        assertThat(calls.act(coHandler, id, "accept", null).status()).isEqualTo(403);
        assertThat(calls.ok(calls.secretaryOf("JG002"), id, "accept", null).get("state").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theDispatcherReRoutesACallBeforeItIsAcceptedAndTheNewLeadTakesItOver() {
        long id = calls.raiseId("community", "NOISE", "广场舞音响过大");
        calls.ok("committee", id, "dispatch", Map.of("lead", "JG002"));
        JsonNode rerouted = calls.ok("committee", id, "dispatch", Map.of("lead", "JG003"));
        assertThat(rerouted.get("lead").get("code").asString()).isEqualTo("JG003");
        assertThat(texts(rerouted.get("timeline"), "type")).containsExactly("RAISED", "DISPATCHED", "REROUTED");
        assertThat(rerouted.get("assignments")).hasSize(2);
        assertThat(rerouted.get("assignments").get(0).get("reroutedAt").isNull()).isFalse();
        assertThat(rerouted.get("assignments").get(1).get("reroutedAt").isNull()).isTrue();
        assertThat(rerouted.get("handlers")).filteredOn(h -> h.get("organCode").asString().equals("JG002"))
                .singleElement().satisfies(h -> assertThat(h.get("active").asBoolean()).isFalse());

        assertThat(calls.act(calls.secretaryOf("JG002"), id, "accept", null).status()).isEqualTo(403);
        calls.ok(calls.secretaryOf("JG003"), id, "accept", null);

        Api.Response tooLate = calls.act("committee", id, "dispatch", Map.of("lead", "JG004"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(tooLate.json().get("detail").asString()).isEqualTo("诉求当前状态为「已签收」，不能派单");
    }

    @Test
    void anOrganReturnsACallThatIsNotItsBusinessAndItGoesBackToTheQueueForAnotherOrgan() {
        long id = calls.raiseId("community", "ELDERLY", "小区电梯故障");
        Api.Response noReason = calls.act("secretary", id, "return", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).isEqualTo("退单须说明理由");

        JsonNode returned = calls.ok("secretary", id, "return", Map.of("reason", "电梯维修属住建部门职责"));
        assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("lead").isNull()).isTrue();
        assertThat(returned.get("timeline").get(2).get("note").asString()).isEqualTo("电梯维修属住建部门职责");
        assertThat(calls.listed("committee", CallQueries.Filter.none().withQueue())).contains(id);
        assertThat(calls.act("secretary", id, "accept", null).status()).isEqualTo(409);

        JsonNode redispatched = calls.ok("committee", id, "dispatch", Map.of("lead", "JG004"));
        assertThat(redispatched.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(redispatched.get("assignments")).hasSize(2);
        assertThat(redispatched.get("assignments").get(0).get("returnedAt").isNull()).isFalse();
        calls.ok(calls.secretaryOf("JG004"), id, "accept", null);
    }

    @Test
    void anUnsatisfiedCommunityReopensTheCallTwiceButNotAThirdTime() {
        long id = calls.raiseId("community", "SOCIAL_AID", "低保申请迟迟未批");
        Instant firstReplyBy = null;
        for (int round = 1; round <= 3; round++) {
            calls.ok("secretary", id, "accept", null);
            JsonNode replied = calls.ok("secretary", id, "reply", Map.of("text", "第 " + round + " 次答复"));
            if (firstReplyBy == null) {
                firstReplyBy = instant(replied.get("replyBy"));
            }
            JsonNode rated = calls.ok("community", id, "rate", Map.of("rating", "UNSATISFIED", "solved", false));
            if (round == 3) {
                assertThat(texts(rated.get("actions"), null)).doesNotContain("REOPEN");
                break;
            }
            assertThat(texts(rated.get("actions"), null)).contains("REOPEN");
            clock.advance(Duration.ofDays(1));
            JsonNode reopened = calls.ok("community", id, "reopen", Map.of("reason", "问题仍未解决"));
            assertThat(reopened.get("state").asString()).isEqualTo("DISPATCHED");
            assertThat(reopened.get("lead").get("code").asString()).isEqualTo("JG001");
            assertThat(reopened.get("round").asInt()).isEqualTo(round + 1);
            assertThat(reopened.get("reopens").asInt()).isEqualTo(round);
            assertThat(reopened.get("rating").isNull()).isTrue();
            assertThat(instant(reopened.get("replyBy"))).isAfterOrEqualTo(firstReplyBy);
            assertThat(reopened.get("assignments")).hasSize(round + 1);
        }
        Api.Response third = calls.act("community", id, "reopen", Map.of("reason", "第三次"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("detail").asString()).isEqualTo("诉求当前状态为「已关闭」，不能重办：已重办 2 次");
        assertThat(calls.events(id, CallEvent.Type.REOPENED)).isEqualTo(2);
        assertThat(calls.call("committee", id).get("assignments")).hasSize(3);
    }

    @Test
    void aSatisfiedCallCannotBeReopened() {
        long id = calls.raiseId("community", "HEALTH", "社区卫生站药品短缺");
        calls.ok("secretary", id, "accept", null);
        calls.ok("secretary", id, "reply", Map.of("text", "已补货"));
        calls.ok("community", id, "rate", Map.of("rating", "BASICALLY_SATISFIED", "solved", true));
        Api.Response reopen = calls.act("community", id, "reopen", Map.of("reason", "再看看"));
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.json().get("detail").asString()).isEqualTo("诉求当前状态为「已关闭」，不能重办：只有评价为不满意的诉求可以重办");
    }

    @Test
    void aStepTheStateDoesNotAllowIsAnsweredWith409NamingTheState() {
        long id = calls.raiseId("community", "ELDERLY", "养老院床位咨询");
        Api.Response early = calls.act("community", id, "rate", Map.of("rating", "SATISFIED", "solved", true));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("detail").asString()).isEqualTo("诉求当前状态为「已派单」，不能评价");
        assertThat(early.json().get("state").asString()).isEqualTo("DISPATCHED");
        Api.Response replyFirst = calls.act("secretary", id, "reply", Map.of("text", "已答复"));
        assertThat(replyFirst.status()).isEqualTo(409);
        assertThat(replyFirst.json().get("detail").asString()).isEqualTo("诉求当前状态为「已派单」，不能办结答复");

        calls.ok("secretary", id, "accept", null);
        Api.Response twice = calls.act("secretary", id, "accept", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asString()).isEqualTo("诉求当前状态为「已签收」，不能签收");
        assertThat(twice.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(calls.act("secretary", id, "return", Map.of("reason", "不归我管")).json().get("state").asString())
                .isEqualTo("ACCEPTED");

        calls.ok("secretary", id, "reply", Map.of("text", "已答复"));
        Api.Response whistle = calls.act("street", id, "whistle", Map.of("organs", List.of("JG002")));
        assertThat(whistle.status()).isEqualTo(409);
        assertThat(whistle.json().get("detail").asString()).isEqualTo("诉求当前状态为「已办结」，不能吹哨");
        Api.Response extend = calls.act("secretary", id, "extend",
                Map.of("until", Instant.now().plus(Duration.ofDays(30)).toString(), "reason", "需要时间"));
        assertThat(extend.status()).isEqualTo(409);

        calls.ok("community", id, "rate", Map.of("rating", "SATISFIED", "solved", true));
        Api.Response dispatch = calls.act("committee", id, "dispatch", Map.of("lead", "JG002"));
        assertThat(dispatch.status()).isEqualTo(409);
        assertThat(dispatch.json().get("detail").asString()).isEqualTo("诉求当前状态为「已关闭」，不能派单");
        assertThat(dispatch.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(calls.act("community", id, "rate", Map.of("rating", "UNSATISFIED")).status()).isEqualTo(409);
        assertThat(calls.eventTypes(id)).containsExactly("RAISED", "DISPATCHED", "ACCEPTED", "REPLIED", "RATED");
    }

    @Test
    void onlyTheRightPeopleMayTakeEachStep() {
        assertThat(calls.post("secretary", "/api/v1/calls", CallsClient.body("ELDERLY", "机关也想提诉求")).status()).isEqualTo(403);
        assertThat(calls.post("member", "/api/v1/calls", CallsClient.body("ELDERLY", "党员个人诉求")).status()).isEqualTo(403);
        assertThat(calls.post("leader", "/api/v1/calls", CallsClient.body("ELDERLY", "领导诉求")).status()).isEqualTo(403);
        assertThat(calls.post("community", "/api/v1/calls",
                CallsClient.body("ELDERLY", "替别的社区提诉求", "community", "440103002001")).status()).isEqualTo(403);

        long id = calls.raiseId("street", "ELDERLY", "街道转来的养老诉求", "community", "440103001002");
        assertThat(calls.call("street", id).get("origin").asString()).isEqualTo("STREET");
        assertThat(calls.act("community", id, "dispatch", Map.of("lead", "JG002")).status()).isEqualTo(403);
        assertThat(calls.act("street", id, "dispatch", Map.of("lead", "JG002")).status()).isEqualTo(403);
        assertThat(calls.act("committee", id, "accept", null).status()).isEqualTo(403);
        assertThat(calls.act(calls.secretaryOf("JG002"), id, "accept", null).status()).isEqualTo(403);
        calls.ok("secretary", id, "accept", null);
        assertThat(calls.act("street", id, "reply", Map.of("text", "街道代答")).status()).isEqualTo(403);
        calls.ok("secretary", id, "reply", Map.of("text", "已安排"));
        // the raising side is the raiser or the staff of the call's community or street; not another street, not an organ
        String otherStreet = calls.account("street-lingnan", "STREET_STAFF", "440103002");
        assertThat(calls.act(otherStreet, id, "rate", Map.of("rating", "SATISFIED", "solved", true)).status()).isEqualTo(403);
        assertThat(calls.act("secretary", id, "rate", Map.of("rating", "SATISFIED", "solved", true)).status()).isEqualTo(403);
        assertThat(calls.act("committee", id, "rate", Map.of("rating", "SATISFIED", "solved", true)).status()).isEqualTo(403);
        String neighbour = calls.account("community-taizhuang", "COMMUNITY_STAFF", "440103001002");
        calls.ok(neighbour, id, "rate", Map.of("rating", "SATISFIED", "solved", true));
    }

    @Test
    void badInputIsAnsweredWith400() {
        assertThat(calls.post("community", "/api/v1/calls", CallsClient.body("NO_SUCH", "不存在的类别")).status()).isEqualTo(400);
        Api.Response untitled = calls.post("community", "/api/v1/calls", CallsClient.body("ELDERLY", " "));
        assertThat(untitled.status()).isEqualTo(400);
        assertThat(untitled.json().get("detail").asString()).isEqualTo("诉求标题不能为空");
        assertThat(calls.post("committee", "/api/v1/calls", CallsClient.body("ELDERLY", "找不到社区")).status()).isEqualTo(400);
        long id = calls.raiseId("community", "NOISE", "商铺外放音乐");
        assertThat(calls.act("committee", id, "dispatch", Map.of("lead", "JG999")).status()).isEqualTo(400);
        assertThat(calls.act("committee", id, "dispatch", Map.of()).status()).isEqualTo(400);
        calls.ok("committee", id, "dispatch", Map.of("lead", "JG002"));
        calls.ok(calls.secretaryOf("JG002"), id, "accept", null);
        assertThat(calls.act(calls.secretaryOf("JG002"), id, "reply", Map.of("text", "")).status()).isEqualTo(400);
        assertThat(calls.get("committee", "/api/v1/calls/999999").status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyRaisesTheCallOnlyOnce() {
        Map<String, Object> body = CallsClient.body("ELDERLY", "重复提交的诉求");
        CallsClient.Sent first = calls.postWithHeaders("community", "/api/v1/calls", body, "Idempotency-Key", "grid-7-0001");
        assertThat(first.response().status()).isEqualTo(201);
        long id = first.response().json().get("id").asLong();
        assertThat(first.headers().get("Location")).isEqualTo("/api/v1/calls/" + id);

        CallsClient.Sent again = calls.postWithHeaders("community", "/api/v1/calls", body, "Idempotency-Key", "grid-7-0001");
        assertThat(again.response().status()).isEqualTo(200);
        assertThat(again.headers().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.response().json().get("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call WHERE title = '重复提交的诉求'").query(Long.class).single()).isEqualTo(1);
        assertThat(calls.events(id, CallEvent.Type.RAISED)).isEqualTo(1);

        // another account may use the same key for a call of its own; no key means a new call each time
        CallsClient.Sent otherRaiser = calls.postWithHeaders("street", "/api/v1/calls",
                CallsClient.body("ELDERLY", "重复提交的诉求", "community", "440103001001"), "Idempotency-Key", "grid-7-0001");
        assertThat(otherRaiser.response().status()).isEqualTo(201);
        assertThat(otherRaiser.response().json().get("id").asLong()).isNotEqualTo(id);
        assertThat(calls.post("community", "/api/v1/calls", body).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call WHERE title = '重复提交的诉求'").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theLeadAsksForMoreTimeAndTheDispatcherGrantsItOnce() {
        long id = calls.raiseId("community", "VETERANS", "退役军人优待证办理");
        JsonNode accepted = calls.ok("secretary", id, "accept", null);
        Instant replyBy = instant(accepted.get("replyBy"));
        assertThat(calls.act("secretary", id, "extend", Map.of("until", replyBy.minus(Duration.ofHours(1)).toString(),
                "reason", "需要协调")).status()).isEqualTo(400);
        assertThat(calls.act("committee", id, "extend", Map.of("approve", true)).status()).isEqualTo(409);

        Instant until = replyBy.plus(Duration.ofDays(5));
        JsonNode requested = calls.ok("secretary", id, "extend", Map.of("until", until.toString(), "reason", "需市级部门会签"));
        assertThat(requested.get("extension").get("state").asString()).isEqualTo("REQUESTED");
        assertThat(texts(requested.get("actions"), null)).doesNotContain("EXTEND");
        assertThat(texts(calls.call("committee", id).get("actions"), null)).contains("DECIDE_EXTENSION");
        assertThat(calls.act("secretary", id, "extend", Map.of("approve", true)).status()).isEqualTo(403);
        assertThat(calls.act("secretary", id, "extend", Map.of("until", until.plus(Duration.ofDays(1)).toString(),
                "reason", "再延")).status()).isEqualTo(409);

        JsonNode approved = calls.ok("committee", id, "extend", Map.of("approve", true));
        assertThat(approved.get("extension").get("state").asString()).isEqualTo("APPROVED");
        assertThat(instant(approved.get("replyBy"))).isEqualTo(until);
        assertThat(instant(approved.get("assignments").get(0).get("replyBy"))).isEqualTo(until);
        assertThat(texts(approved.get("timeline"), "type")).endsWith("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        assertThat(calls.act("committee", id, "extend", Map.of("approve", false)).status()).isEqualTo(409);
    }

    @Test
    void theDispatcherMayRefuseAnExtensionAndTheDeadlineStays() {
        long id = calls.raiseId("community", "MUNICIPAL", "路灯不亮");
        Instant replyBy = instant(calls.ok("secretary", id, "accept", null).get("replyBy"));
        calls.ok("secretary", id, "extend", Map.of("until", replyBy.plus(Duration.ofDays(2)).toString(), "reason", "备件未到"));
        JsonNode refused = calls.ok("committee", id, "extend", Map.of("approve", false));
        assertThat(refused.get("extension").get("state").asString()).isEqualTo("REFUSED");
        assertThat(instant(refused.get("replyBy"))).isEqualTo(replyBy);
        assertThat(texts(refused.get("timeline"), "type")).endsWith("EXTENSION_REFUSED");
    }

    @Test
    void theFiguresAreGroupedAsAsked() {
        long id = calls.raiseId("community", "HOUSING", "公租房申请进度");
        calls.ok("secretary", id, "accept", null);
        Api.Response byOrgan = calls.get("committee", "/api/v1/calls/metrics?groupBy=organ");
        assertThat(byOrgan.status()).as(byOrgan.text()).isEqualTo(200);
        assertThat(byOrgan.json().isArray()).isTrue();
        for (String group : List.of("street", "community", "category")) {
            assertThat(calls.get("committee", "/api/v1/calls/metrics?groupBy=" + group).status()).isEqualTo(200);
        }
        assertThat(calls.get("committee", "/api/v1/calls/metrics?groupBy=colour").status()).isEqualTo(400);
    }
}
