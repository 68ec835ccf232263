package org.ronghe.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The loop of a household visit: a member visits a household of a community paired with their organ,
 * every problem heard becomes a call in the same transaction, the organ handles it, and when the call
 * closes the household's follow-up falls due; the loop is closed when the household has heard back.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=visit_loop")
class VisitLoopTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.ronghe.support.Pages pages;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    /** A household in a community paired with the demo member's organ (JG001), one not visited before. */
    long householdOfTheMembersOrgan() {
        return jdbc.sql("""
                SELECT h.id FROM household h JOIN pairing p ON p.community_id = h.community_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code = 'JG001' AND p.ended_on IS NULL AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)
                ORDER BY h.id LIMIT 1""").query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    Api.Response visit(long household, List<Map<String, String>> problems, String... headers) {
        return calls.post("member", "/api/v1/visits", Map.of("household", household, "heard", "住户反映楼道照明和助餐的问题",
                "problems", problems), headers);
    }

    @Test
    void aVisitWithTwoProblemsRaisesTwoCallsFromTheVisitLinkedToTheHousehold() {
        long household = householdOfTheMembersOrgan();
        Api.Response recorded = visit(household, List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"),
                Map.of("summary", "独居老人希望助餐", "category", "ELDERLY", "detail", "每天中午一餐")));

        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        JsonNode problems = recorded.json().get("problems");
        assertThat(problems).hasSize(2);
        for (JsonNode problem : problems) {
            long call = problem.get("callId").asLong();
            assertThat(jdbc.sql("SELECT origin FROM call WHERE id = :id").param("id", call).query(String.class).single()).isEqualTo("VISIT");
            assertThat(problem.get("householdId").asLong()).isEqualTo(household);
            assertThat(problem.get("state").asString()).isEqualTo("OPEN");
        }
        String organ = jdbc.sql("SELECT o.code FROM call c JOIN organ o ON o.id = c.lead_organ_id WHERE c.id = :id")
                .param("id", problems.get(0).get("callId").asLong()).query(String.class).single();
        assertThat(pages.open(calls.secretaryOf(organ), "/calls/" + problems.get(0).get("callId").asLong()).html())
                .contains("id=\"call-source\"").contains("/visits/" + recorded.json().get("visit").get("id").asLong());
        assertThat(jdbc.sql("SELECT title FROM call WHERE id IN (:ids) ORDER BY id")
                .param("ids", List.of(problems.get(0).get("callId").asLong(), problems.get(1).get("callId").asLong()))
                .query(String.class).list()).containsExactly("楼道照明损坏", "独居老人希望助餐");
    }

    @Test
    void aProblemTheCallDeskRefusesLeavesNeitherTheVisitNorTheOtherCallBehind() {
        long household = householdOfTheMembersOrgan();
        long visits = count("visit");
        long callsBefore = count("call");
        long problems = count("visit_problem");

        Api.Response refused = visit(household, List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"),
                Map.of("summary", "一个没有类别的问题", "category", "NO_SUCH_CATEGORY")));

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("诉求类别不存在");
        assertThat(count("visit")).isEqualTo(visits);
        assertThat(count("call")).isEqualTo(callsBefore);
        assertThat(count("visit_problem")).isEqualTo(problems);
    }

    @Test
    void whenTheCallClosesTheFollowUpFallsDueAndTheLoopClosesWhenTheHouseholdHearsBack() {
        long household = householdOfTheMembersOrgan();
        JsonNode problem = visit(household, List.of(Map.of("summary", "独居老人希望助餐", "category", "ELDERLY"))).json()
                .get("problems").get(0);
        long id = problem.get("id").asLong();
        long call = problem.get("callId").asLong();

        Api.Response early = calls.post("member", "/api/v1/visits/problems/" + id + "/follow-up", Map.of("note", "告诉住户", "satisfied", true));
        assertThat(early.status()).as(early.text()).isEqualTo(409);

        String organ = jdbc.sql("SELECT o.code FROM call_handler h JOIN organ o ON o.id = h.organ_id WHERE h.call_id = :c")
                .param("c", call).query(String.class).single();
        calls.ok(calls.secretaryOf(organ), call, "accept", null);
        calls.ok(calls.secretaryOf(organ), call, "reply", Map.of("text", "已安排社区食堂送餐"));
        assertThat(state(id)).isEqualTo("OPEN");
        String community = jdbc.sql("SELECT c.code FROM household h JOIN community c ON c.id = h.community_id WHERE h.id = :h")
                .param("h", household).query(String.class).single();
        calls.ok(calls.account("staff-" + community, "COMMUNITY_STAFF", community), call, "rate",
                Map.of("rating", "SATISFIED", "solved", true));

        assertThat(state(id)).isEqualTo("DUE");
        Api.Response back = calls.post("member", "/api/v1/visits/problems/" + id + "/follow-up",
                Map.of("note", "已告知住户送餐安排，住户满意", "satisfied", true));
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(back.json().get("state").asString()).isEqualTo("FOLLOWED_UP");
        assertThat(jdbc.sql("SELECT type FROM visit_event WHERE subject = 'PROBLEM' AND subject_id = :id ORDER BY id").param("id", id)
                .query(String.class).list()).containsExactly("HEARD", "FOLLOW_UP_DUE", "FOLLOWED_UP");

        Api.Response twice = calls.post("member", "/api/v1/visits/problems/" + id + "/follow-up", Map.of("note", "再次回访", "satisfied", true));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aRetriedVisitIsRecordedOnce() {
        long household = householdOfTheMembersOrgan();
        long callsBefore = count("call");
        Api.Response first = visit(household, List.of(Map.of("summary", "小区路面破损", "category", "MUNICIPAL")), "Idempotency-Key", "visit-retry-1");
        Api.Response again = visit(household, List.of(Map.of("summary", "小区路面破损", "category", "MUNICIPAL")), "Idempotency-Key", "visit-retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("visit").get("id").asLong()).isEqualTo(first.json().get("visit").get("id").asLong());
        assertThat(count("call")).isEqualTo(callsBefore + 1);
    }

    @Test
    void aVisitInTheFutureOrWithoutAHouseholdIsRefusedInChinese() {
        long household = householdOfTheMembersOrgan();
        Api.Response future = calls.post("member", "/api/v1/visits", Map.of("household", household, "visitedOn", "2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text()).contains("走访日期不能晚于今天");
        Api.Response none = calls.post("member", "/api/v1/visits", Map.of("heard", "没有住户"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text()).contains("请选择走访的住户");
    }

    @Test
    void aMemberCannotVisitAHouseholdOutsideTheirOrgansCommunitiesAndAStreetWorkerRecordsNoVisits() {
        long elsewhere = jdbc.sql("""
                SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM pairing p JOIN organ o ON o.id = p.organ_id
                WHERE p.community_id = h.community_id AND o.code = 'JG001') ORDER BY h.id LIMIT 1""").query(Long.class).single();
        assertThat(visit(elsewhere, List.of()).status()).isEqualTo(403);
        assertThat(calls.post("street", "/api/v1/visits", Map.of("household", householdOfTheMembersOrgan())).status()).isEqualTo(403);
    }

    @Test
    void aPhotoIsKeptWithTheVisitWhenOneIsTakenAndAFileThatIsNoPictureIsRefusedWithNothingRecorded() throws Exception {
        long household = householdOfTheMembersOrgan();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        var recorded = pages.open("member", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/visits/record")
                .file(new org.springframework.mock.web.MockMultipartFile("photo", "door.png", "image/png", png))
                .param("household", String.valueOf(household)).param("heard", "住户一切安好").param("key", "photo-1")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        assertThat(recorded.status()).as(recorded.html()).isEqualTo(302);
        String location = recorded.result().getResponse().getRedirectedUrl();
        long visit = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var photo = pages.open("member", "/visits/" + visit + "/photo");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.result().getResponse().getContentType()).isEqualTo("image/png");
        assertThat(photo.result().getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(pages.open(calls.secretaryOf("JG002"), "/visits/" + visit + "/photo").status()).isIn(403, 404);

        long visits = count("visit");
        var refused = pages.open("member", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/visits/record")
                .file(new org.springframework.mock.web.MockMultipartFile("photo", "door.jpg", "image/jpeg", "not a picture".getBytes()))
                .param("household", String.valueOf(household)).param("heard", "住户一切安好").param("key", "photo-2")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("照片应为 JPEG、PNG 或 WebP 图片");
        assertThat(count("visit")).isEqualTo(visits);
    }

    @Test
    void aMemberFindsAnyHouseholdOfTheOrgansPairedCommunitiesToVisitButNoneElsewhere() {
        long household = householdOfTheMembersOrgan();
        String address = jdbc.sql("SELECT address FROM household WHERE id = :h").param("h", household).query(String.class).single();
        var found = pages.open("member", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/visits/record")
                .param("q", address));
        assertThat(found.html()).contains("/visits/record?household=" + household);
        assertThat(pages.open("member", "/visits/record?household=" + household).html()).contains("id=\"visit-form\"");
        long elsewhere = jdbc.sql("""
                SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM pairing p JOIN organ o ON o.id = p.organ_id
                WHERE p.community_id = h.community_id AND o.code = 'JG001') ORDER BY h.id LIMIT 1""").query(Long.class).single();
        assertThat(pages.open("member", "/visits/record?household=" + elsewhere).status()).isEqualTo(404);
    }

    private String state(long problem) {
        return jdbc.sql("SELECT state FROM visit_problem WHERE id = :id").param("id", problem).query(String.class).single();
    }
}
