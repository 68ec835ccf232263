package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.MeetingsClient.meeting;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** Decisions become work: a decision raised as a call, atomically, once; the meeting follows the call; the figures. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_decisions")
class MeetingDecisionTests {

    static final String COMMUNITY = "440103001001";

    @Autowired
    ApplicationContext context;
    @Autowired
    Pages pages;
    @Autowired
    TestClock clock;

    MeetingsClient client;
    String branch;
    List<String> full;

    @BeforeEach
    void client() {
        client = new MeetingsClient(context);
        branch = client.branches().get(0);
        full = client.members(branch, "FULL");
    }

    private Map<String, Object> withCall(String category) {
        Map<String, Object> body = new LinkedHashMap<>(meeting(branch, "THEMED_DAY", LocalDate.now().minusDays(2).toString(),
                full.get(0), full, true));
        body.put("decisions", List.of(Map.of("text", "为辖区独居老人开展助餐服务", "call", Map.of("category", category, "community", COMMUNITY)),
                "整理支部台账"));
        return body;
    }

    private long count(String table) {
        return client.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aDecisionBecomesACallInTheSameTransactionAndABadCategoryLeavesNothing() {
        long meetings = count("meeting");
        long calls = count("call");
        Api.Response refused = client.post("committee", "/api/v1/meetings", withCall("NO_SUCH_CATEGORY"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("诉求类别不存在");
        assertThat(count("meeting")).isEqualTo(meetings);
        assertThat(count("call")).isEqualTo(calls);

        JsonNode recorded = client.ok("committee", "/api/v1/meetings", withCall("ELDERLY"));
        JsonNode decisions = recorded.get("decisions");
        assertThat(decisions).hasSize(2);
        long call = decisions.get(0).get("callId").asLong();
        assertThat(call).isPositive();
        assertThat(client.jdbc.sql("SELECT origin FROM call WHERE id = :c").param("c", call).query(String.class).single())
                .isEqualTo("MEETING");
        assertThat(client.jdbc.sql("SELECT title FROM call WHERE id = :c").param("c", call).query(String.class).single())
                .isEqualTo("为辖区独居老人开展助餐服务");
        assertThat(decisions.get(0).get("callState").asString()).isEqualTo(client.calls.state(call));
        assertThat(decisions.get(0).get("delivered").asBoolean()).isFalse();
        // A decision that produced nothing is visible as such.
        assertThat(decisions.get(1).get("callId").isNull()).isTrue();
        assertThat(decisions.get(1).get("followUp").asString()).isEqualTo("未落实");
        assertThat(count("call")).isEqualTo(calls + 1);
    }

    @Test
    void theMeetingFollowsItsCallUntilDeliveredAndADecisionIsRaisedOnce() {
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "THEMED_DAY",
                LocalDate.now().minusDays(3).toString(), full.get(0), full, false));
        long id = recorded.get("meeting").get("id").asLong();
        long calls = count("call");
        Api.Response bad = client.post("secretary", "/api/v1/meetings/" + id + "/decisions/1/call",
                Map.of("category", "NO_SUCH_CATEGORY", "community", COMMUNITY));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(count("call")).isEqualTo(calls);
        assertThat(client.post("secretary", "/api/v1/meetings/" + id + "/decisions/9/call",
                Map.of("category", "ELDERLY", "community", COMMUNITY)).status()).isEqualTo(404);
        assertThat(client.post("member", "/api/v1/meetings/" + id + "/decisions/1/call",
                Map.of("category", "ELDERLY", "community", COMMUNITY)).status()).isEqualTo(403);

        JsonNode raised = client.ok("secretary", "/api/v1/meetings/" + id + "/decisions/1/call",
                Map.of("category", "ELDERLY", "community", COMMUNITY, "title", "主题党日决定：助餐"));
        long call = raised.get("decisions").get(0).get("callId").asLong();
        assertThat(raised.get("decisions").get(1).get("followUp").asString()).isEqualTo("未落实");
        Api.Response again = client.post("committee", "/api/v1/meetings/" + id + "/decisions/1/call",
                Map.of("category", "ELDERLY", "community", COMMUNITY));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(count("call")).isEqualTo(calls + 1);

        String organ = client.jdbc.sql("SELECT o.code FROM call_handler h JOIN organ o ON o.id = h.organ_id WHERE h.call_id = :c")
                .param("c", call).query(String.class).single();
        client.calls.ok(client.calls.secretaryOf(organ), call, "accept", null);
        assertThat(decision(id, 0).get("callState").asString()).isEqualTo("ACCEPTED");
        client.calls.ok(client.calls.secretaryOf(organ), call, "reply", Map.of("text", "已安排社区食堂送餐"));
        assertThat(decision(id, 0).get("callState").asString()).isEqualTo("REPLIED");
        assertThat(decision(id, 0).get("delivered").asBoolean()).isFalse();
        client.calls.ok(client.calls.account("staff-" + COMMUNITY, "COMMUNITY_STAFF", COMMUNITY), call, "rate",
                Map.of("rating", "SATISFIED", "solved", true));
        JsonNode delivered = decision(id, 0);
        assertThat(delivered.get("callState").asString()).isEqualTo("CLOSED");
        assertThat(delivered.get("delivered").asBoolean()).isTrue();
        assertThat(delivered.get("followUp").asString()).isEqualTo("已落实");
        assertThat(client.read("committee", "/api/v1/meetings/" + id).get("events").toString())
                .contains("DECISION_RAISED", "DECISION_DELIVERED");

        // The meeting page shows it; the call page links back to the meeting for whoever may see it.
        assertThat(pages.open("committee", "/meetings/" + id).html()).contains("已落实", "未落实", "/calls/" + call);
        assertThat(pages.open("committee", "/meetings/decisions?delivered=true").html()).contains("/meetings/" + id);
        assertThat(pages.open("secretary", "/calls/" + call).html()).contains("会议决定", "href=\"/meetings/" + id + "\"");
        if (!organ.equals("JG001")) {
            assertThat(pages.open(client.calls.secretaryOf(organ), "/calls/" + call).html()).doesNotContain("href=\"/meetings/" + id + "\"");
        }

        figuresEqualTheirLists();
    }

    @Test
    void aDecisionGivenAsATaskIsDeliveredWhenItsOwnerReportsAndOverdueUntilThen() {
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "COMMITTEE_MEETING",
                LocalDate.now().minusDays(1).toString(), full.get(0), full, true));
        long id = recorded.get("meeting").get("id").asLong();
        String owner = full.get(1);
        String outsider = client.jdbc.sql("SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id"
                + " WHERE p.code <> :b AND p.parent_id IS NOT NULL").param("b", branch).query(String.class).single();
        String due = LocalDate.now().plusDays(3).toString();
        Api.Response notOnRoll = client.post("secretary", "/api/v1/meetings/" + id + "/decisions/1/task",
                Map.of("owner", outsider, "dueOn", due));
        assertThat(notOnRoll.status()).as(notOnRoll.text()).isEqualTo(400);
        assertThat(notOnRoll.text()).contains("责任人须为本组织党员");
        Api.Response past = client.post("secretary", "/api/v1/meetings/" + id + "/decisions/1/task",
                Map.of("owner", owner, "dueOn", LocalDate.now().minusDays(1).toString()));
        assertThat(past.status()).as(past.text()).isEqualTo(400);
        assertThat(client.post("member", "/api/v1/meetings/" + id + "/decisions/1/task",
                Map.of("owner", owner, "dueOn", due)).status()).isEqualTo(403);
        assertThat(decision(id, 0).get("followUp").asString()).isEqualTo("未落实");

        JsonNode assigned = client.ok("secretary", "/api/v1/meetings/" + id + "/decisions/1/task", Map.of("owner", owner, "dueOn", due));
        JsonNode task = assigned.get("decisions").get(0);
        assertThat(task.get("ownerCode").asString()).isEqualTo(owner);
        assertThat(task.get("dueOn").asString()).isEqualTo(due);
        assertThat(task.get("followUp").asString()).isEqualTo("任务办理中");
        Api.Response twice = client.post("committee", "/api/v1/meetings/" + id + "/decisions/1/call",
                Map.of("category", "ELDERLY", "community", COMMUNITY));
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);

        clock.advance(java.time.Duration.ofDays(5));
        try {
            assertThat(decision(id, 0).get("followUp").asString()).isEqualTo("任务逾期");
            assertThat(decision(id, 0).get("overdue").asBoolean()).isTrue();
            String stranger = client.calls.account(("member-" + full.get(2)).toLowerCase(), "MEMBER", full.get(2));
            assertThat(client.post(stranger, "/api/v1/meetings/" + id + "/decisions/1/report", Map.of("report", "已完成")).status())
                    .isEqualTo(403);
            String me = client.calls.account(("member-" + owner).toLowerCase(), "MEMBER", owner);
            assertThat(client.post(me, "/api/v1/meetings/" + id + "/decisions/1/report", Map.of("report", " ")).status())
                    .isEqualTo(400);
            JsonNode reported = client.read(me, "/api/v1/meetings/" + id);
            assertThat(reported.get("decisions").get(0).get("delivered").asBoolean()).isFalse();
            client.ok(me, "/api/v1/meetings/" + id + "/decisions/1/report", Map.of("report", "已走访全部独居老人并建立台账"));
            JsonNode delivered = decision(id, 0);
            assertThat(delivered.get("delivered").asBoolean()).isTrue();
            assertThat(delivered.get("overdue").asBoolean()).isFalse();
            assertThat(delivered.get("followUp").asString()).isEqualTo("已落实");
            assertThat(delivered.get("report").asString()).isEqualTo("已走访全部独居老人并建立台账");
            assertThat(client.post(me, "/api/v1/meetings/" + id + "/decisions/1/report", Map.of("report", "再报一次")).status())
                    .isEqualTo(409);
            assertThat(client.read("committee", "/api/v1/meetings/" + id).get("events").toString())
                    .contains("DECISION_ASSIGNED", "DECISION_DELIVERED");
            assertThat(pages.open("secretary", "/meetings/" + id).html()).contains("已落实", "已走访全部独居老人并建立台账");
        } finally {
            clock.reset();
        }
        figuresEqualTheirLists();
    }

    @Test
    void aDecisionIssuedAsADirectiveIsDeliveredWhenEveryOrganHasCompletedIt() {
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "COMMITTEE_MEETING",
                LocalDate.now().minusDays(1).toString(), full.get(0), full, true));
        long id = recorded.get("meeting").get("id").asLong();
        String deadline = LocalDate.now().plusDays(10).toString();
        Map<String, Object> body = Map.of("organs", List.of("JG001", "JG002"), "deadline", deadline);
        assertThat(client.post("secretary", "/api/v1/meetings/" + id + "/decisions/1/directive", body).status()).isEqualTo(403);
        Api.Response unknown = client.post("committee", "/api/v1/meetings/" + id + "/decisions/1/directive",
                Map.of("organs", List.of("NO_SUCH_ORGAN"), "deadline", deadline));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        long directives = count("directive");

        JsonNode directed = client.ok("committee", "/api/v1/meetings/" + id + "/decisions/1/directive", body).get("decisions").get(0);
        long directive = directed.get("directiveId").asLong();
        assertThat(count("directive")).isEqualTo(directives + 1);
        assertThat(directed.get("directiveUnits").asInt()).isEqualTo(2);
        assertThat(directed.get("followUp").asString()).isEqualTo("指令已完成 0/2");
        assertThat(client.post("committee", "/api/v1/meetings/" + id + "/decisions/1/task",
                Map.of("owner", full.get(1), "dueOn", deadline)).status()).isEqualTo(409);

        client.ok("secretary", "/api/v1/directives/" + directive + "/replies", Map.of("action", "COMPLETE", "report", "已部署"));
        assertThat(decision(id, 0).get("followUp").asString()).isEqualTo("指令已完成 1/2");
        assertThat(decision(id, 0).get("delivered").asBoolean()).isFalse();
        client.ok(client.calls.secretaryOf("JG002"), "/api/v1/directives/" + directive + "/replies",
                Map.of("action", "COMPLETE", "report", "已落实"));
        JsonNode delivered = decision(id, 0);
        assertThat(delivered.get("delivered").asBoolean()).isTrue();
        assertThat(delivered.get("followUp").asString()).isEqualTo("已落实");
        assertThat(client.read("committee", "/api/v1/meetings/" + id).get("events").toString())
                .contains("DECISION_DIRECTED", "DECISION_DIRECTIVE_STEP", "DECISION_DELIVERED");
        assertThat(pages.open("committee", "/meetings/" + id).html()).contains("/directives/" + directive);
        figuresEqualTheirLists();
    }

    @Test
    void theMeetingPageTurnsADecisionIntoACallAfterwards() {
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "COMMITTEE_MEETING",
                LocalDate.now().minusDays(1).toString(), full.get(0), full, true));
        long id = recorded.get("meeting").get("id").asLong();
        String page = pages.open("secretary", "/meetings/" + id).html();
        assertThat(page).contains("转为诉求", "交办任务", "/meetings/" + id + "/decisions/1/call");
        Pages.Page posted = pages.open("secretary", MockMvcRequestBuilders.post("/meetings/" + id + "/decisions/1/call").with(csrf())
                .param("category", "ELDERLY").param("community", COMMUNITY));
        assertThat(posted.status()).as(posted.html()).isEqualTo(302);
        assertThat(decision(id, 0).get("callId").asLong()).isPositive();
        assertThat(pages.open("secretary", "/meetings/" + id).html()).doesNotContain("/meetings/" + id + "/decisions/1/call\"");
    }

    private JsonNode decision(long meeting, int index) {
        return client.read("committee", "/api/v1/meetings/" + meeting).get("decisions").get(index);
    }

    @Test
    void figuresEqualTheirLists() {
        for (String user : List.of("committee", "secretary", "member", "street")) {
            JsonNode figures = client.read(user, "/api/v1/figures");
            assertThat(figures.get("firstItemStudies").asLong()).as(user)
                    .isEqualTo(client.read(user, "/api/v1/meetings?firstItemStudy=true").get("total").asLong());
            assertThat(figures.get("decisions").asLong()).as(user)
                    .isEqualTo(client.read(user, "/api/v1/meetings/decisions").get("total").asLong());
            assertThat(figures.get("decisionsDelivered").asLong()).as(user)
                    .isEqualTo(client.read(user, "/api/v1/meetings/decisions?delivered=true").get("total").asLong());
        }
        assertThat(client.read("committee", "/api/v1/figures").get("decisions").asLong()).isPositive();
    }
}
