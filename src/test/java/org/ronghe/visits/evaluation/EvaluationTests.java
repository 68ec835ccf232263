package org.ronghe.visits.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 基层评议机关 through the API and the pages: a community rates the organ paired with it and revises the
 * rating while the period is open; what is refused is refused in Chinese and changes nothing; an organ
 * sees its own results beside its call outcomes and nobody else's; the figure equals its list.
 * <p>
 * In the small demo district community 440103001001 ({@code community}) is paired with JG001
 * ({@code secretary}) only; the demo gave last year a closed period and this year an open one, every
 * pairing rated.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=evaluations")
class EvaluationTests {

    static final String OWN = "440103001001";
    static final String ORGAN = "JG001";

    @Autowired
    ApplicationContext context;
    @Autowired
    Api api;
    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    int year() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    /** Opens a period of the coming years (whose ratings close far ahead) under a code of the test's own. */
    String openPeriod(String code) {
        int y = year();
        Api.Response opened = calls.post("committee", "/api/v1/evaluations/periods", Map.of("code", code, "name", code + " 测试评议",
                "startsOn", y + "-01-01", "endsOn", y + "-12-31", "ratingClosesOn", (y + 1) + "-01-31"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.json().get("state").asString()).isEqualTo("OPEN");
        return code;
    }

    Api.Response rate(String user, String period, String organ, String grade, String remarks, String... headers) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("period", period);
        body.put("organ", organ);
        body.put("grade", grade);
        if (remarks != null) {
            body.put("remarks", remarks);
        }
        return calls.post(user, "/api/v1/evaluations", body, headers);
    }

    @Test
    void aCommunityRatesItsPairedOrganAndRevisesTheRatingWhileThePeriodIsOpen() {
        String period = openPeriod(year() + "Q1");
        Api.Response rated = rate("community", period, ORGAN, "SATISFIED", "结对共建活动扎实");
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        long id = rated.json().get("id").asLong();
        assertThat(rated.json().get("grade").asString()).isEqualTo("SATISFIED");
        assertThat(rated.json().get("gradeLabel").asString()).isEqualTo("满意");
        assertThat(rated.json().get("organ").get("code").asString()).isEqualTo(ORGAN);
        assertThat(rated.json().get("community").get("code").asString()).isEqualTo(OWN);

        Api.Response revised = rate("community", period, ORGAN, "不满意", "反映的路灯问题仍未解决");
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        assertThat(revised.json().get("id").asLong()).isEqualTo(id);
        assertThat(revised.json().get("grade").asString()).isEqualTo("UNSATISFIED");
        assertThat(revised.json().get("remarks").asString()).isEqualTo("反映的路灯问题仍未解决");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT type || ':' || COALESCE(grade_before, '-') || '>' || grade_after FROM evaluation_event"
                        + " WHERE evaluation_id = :id ORDER BY id").param("id", id).query(String.class).list())
                .containsExactly("RATED:->SATISFIED", "REVISED:SATISFIED>UNSATISFIED");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject = 'evaluation' AND subject_key = :k ORDER BY id")
                .param("k", period + "/" + OWN + "/" + ORGAN).query(String.class).list())
                .containsExactly("EVALUATION_RATED", "EVALUATION_REVISED");

        // The same grade and remarks again change nothing.
        long events = jdbc.sql("SELECT COUNT(*) FROM evaluation_event").query(Long.class).single();
        assertThat(rate("community", period, ORGAN, "UNSATISFIED", "反映的路灯问题仍未解决").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_event").query(Long.class).single()).isEqualTo(events);

        Api.Response listed = api.get("community", "/api/v1/evaluations?period=" + period);
        assertThat(listed.json().get("total").asLong()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("grade").asString()).isEqualTo("UNSATISFIED");
    }

    @Test
    void ratingAnUnpairedOrganAClosedPeriodUnsatisfiedWithoutRemarksOrAnUnknownGradeIsRefusedInChineseAndChangesNothing() {
        String period = openPeriod(year() + "Q2");
        String closed = String.valueOf(year() - 1);
        assertThat(api.get("committee", "/api/v1/evaluations/periods").text()).contains("\"code\":\"" + closed + "\"");
        refused(rate("community", period, "JG002", "SATISFIED", null), 400, "未与");
        refused(rate("community", closed, ORGAN, "SATISFIED", null), 409, "已关闭");
        refused(rate("community", period, ORGAN, "UNSATISFIED", null), 400, "不满意");
        refused(rate("community", period, ORGAN, "UNSATISFIED", "   "), 400, "不满意");
        refused(rate("community", period, ORGAN, "很好", null), 400, "评议等次无效");
        refused(rate("community", "2999", ORGAN, "SATISFIED", null), 400, "评议期不存在");
        // Only a community rates, and only for itself.
        refused(rate("secretary", period, ORGAN, "SATISFIED", null), 403, "社区");
        refused(rate("committee", period, ORGAN, "SATISFIED", null), 403, "社区");
        refused(calls.post("community", "/api/v1/evaluations", Map.of("period", period, "organ", "JG002",
                "community", "440103002001", "grade", "SATISFIED")), 403, "数据范围");
        // A closed period takes no new rating and no revision, and closes only once.
        Api.Response close = calls.post("committee", "/api/v1/evaluations/periods/" + period + "/close", null);
        assertThat(close.status()).as(close.text()).isEqualTo(200);
        assertThat(close.json().get("state").asString()).isEqualTo("CLOSED");
        refused(rate("community", period, ORGAN, "SATISFIED", null), 409, "已关闭");
        refused(calls.post("committee", "/api/v1/evaluations/periods/" + period + "/close", null), 409, "已于此前关闭");
        refused(calls.post("street", "/api/v1/evaluations/periods/" + closed + "/close", null), 403, "工委");
        refused(calls.post("committee", "/api/v1/evaluations/periods", Map.of("code", "二〇二六", "startsOn", "2026-01-01",
                "endsOn", "2026-12-31")), 400, "编码");
        refused(calls.post("committee", "/api/v1/evaluations/periods", Map.of("code", "2031", "startsOn", "2031-12-01",
                "endsOn", "2031-01-01")), 400, "结束日期");
        refused(calls.post("committee", "/api/v1/evaluations/periods", Map.of("code", "2032", "startsOn", "2032-01-01",
                "endsOn", "2032-12-31")), 400, "评议截止日期");
        refused(calls.post("committee", "/api/v1/evaluations/periods", Map.of("code", closed, "startsOn", year() + "-01-01",
                "endsOn", year() + "-12-31", "ratingClosesOn", year() + "-12-31")), 409, "已存在");
    }

    private void refused(Api.Response response, int status, String words) {
        // That such refusals change no table is checked by aRefusedRatingChangesNoTable.
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).contains("problem+json");
        assertThat(response.json().get("detail").asString()).contains(words);
    }

    @Test
    void aRefusedRatingChangesNoTable() {
        String period = openPeriod(year() + "Q3");
        Map<String, String> before = DatabaseDigest.of(dataSource);
        rate("community", period, "JG002", "SATISFIED", null);
        rate("community", String.valueOf(year() - 1), ORGAN, "SATISFIED", null);
        rate("community", period, ORGAN, "UNSATISFIED", null);
        rate("community", period, ORGAN, "GOOD", null);
        rate("street", period, ORGAN, "SATISFIED", null);
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void theRatingIsVisibleToTheOrganRatedAndToNoOtherOrganNorToAMember() {
        String period = openPeriod(year() + "Q4");
        assertThat(rate("community", period, ORGAN, "FAIRLY_SATISFIED", "较好").status()).isEqualTo(201);

        JsonNode own = api.get("secretary", "/api/v1/evaluations?period=" + period).json();
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.get("items").get(0).get("remarks").asString()).isEqualTo("较好");
        assertThat(organsIn(api.get("secretary", "/api/v1/evaluations?size=200").json())).containsOnly(ORGAN);

        String other = calls.secretaryOf("JG002");
        assertThat(organsIn(api.get(other, "/api/v1/evaluations?size=200").json())).containsOnly("JG002");
        assertThat(api.get(other, "/api/v1/evaluations?organ=" + ORGAN).json().get("total").asLong()).isZero();
        assertThat(api.get(other, "/api/v1/evaluations/organs/" + ORGAN).status()).isEqualTo(403);
        assertThat(api.get("secretary", "/api/v1/evaluations/organs/JG002").status()).isEqualTo(403);
        assertThat(pages.open(other, "/evaluations/organs/" + ORGAN).status()).isEqualTo(403);

        assertThat(api.get("member", "/api/v1/evaluations").json().get("total").asLong()).isZero();
        assertThat(api.get("member", "/api/v1/evaluations/organs/" + ORGAN).status()).isEqualTo(403);
        assertThat(api.get("community", "/api/v1/evaluations/organs/" + ORGAN).status()).isEqualTo(403);

        // A street sees the ratings of its communities only; the committee sees every one.
        List<String> streetCommunities = jdbc.sql("""
                        SELECT c.code FROM community c JOIN street s ON s.id = c.street_id
                        JOIN account a ON a.scope_code = s.code WHERE a.username = 'street'""").query(String.class).list();
        JsonNode street = api.get("street", "/api/v1/evaluations?size=200").json();
        street.get("items").forEach(i -> assertThat(streetCommunities).contains(i.get("community").get("code").asString()));
        assertThat(api.get("committee", "/api/v1/evaluations").json().get("total").asLong())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM evaluation").query(Long.class).single());
    }

    private static List<String> organsIn(JsonNode page) {
        List<String> organs = new ArrayList<>();
        page.get("items").forEach(i -> organs.add(i.get("organ").get("code").asString()));
        return organs;
    }

    @Test
    void theOrgansPageShowsItsRatingBesideCallOutcomesEqualToTheCallsBehindThem() {
        String period = String.valueOf(year());
        long replied = calls.raiseId("community", "ELDERLY", "评议测试：老人助餐");
        calls.ok("secretary", replied, "accept", null);
        calls.ok("secretary", replied, "reply", Map.of("text", "已安排送餐"));
        calls.ok("community", replied, "rate", Map.of("rating", "SATISFIED", "solved", true));
        calls.raiseId("community", "ELDERLY", "评议测试：适老化改造");
        assertThat(rate("community", period, ORGAN, "SATISFIED", "诉求办理及时").status()).isIn(200, 201);

        JsonNode results = api.get("secretary", "/api/v1/evaluations/organs/" + ORGAN + "?period=" + period).json();
        assertThat(results.get("organ").get("code").asString()).isEqualTo(ORGAN);
        JsonNode periodResults = results.get("periods").get(0);
        JsonNode row = null;
        for (JsonNode r : periodResults.get("communities")) {
            if (r.get("community").get("code").asString().equals(OWN)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("grade").asString()).isEqualTo("SATISFIED");
        assertThat(row.get("remarks").asString()).isEqualTo("诉求办理及时");
        JsonNode outcome = row.get("calls");
        String behind = "/api/v1/calls?organ=" + ORGAN + "&community=" + OWN + "&from=" + year() + "-01-01&to=" + year() + "-12-31";
        long handled = api.get("committee", behind).json().get("total").asLong();
        assertThat(handled).isGreaterThanOrEqualTo(2);
        assertThat(outcome.get("calls").asLong()).isEqualTo(handled);
        assertThat(outcome.get("replied").asLong()).isEqualTo(api.get("committee", behind + "&state=REPLIED").json().get("total").asLong()
                + api.get("committee", behind + "&state=CLOSED").json().get("total").asLong());
        assertThat(outcome.get("overdue").asLong()).isEqualTo(api.get("committee", behind + "&overdue=true").json().get("total").asLong());
        assertThat(outcome.get("rated").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.get("satisfactionRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(outcome.get("resolutionRate").asDouble()).isBetween(0.0, 1.0);

        // Beside every paired community: JG001's other paired community is listed too, with its own figures.
        List<String> paired = jdbc.sql("SELECT c.code FROM pairing p JOIN organ o ON o.id = p.organ_id JOIN community c"
                + " ON c.id = p.community_id WHERE o.code = :o AND p.ended_on IS NULL").param("o", ORGAN).query(String.class).list();
        List<String> shown = new ArrayList<>();
        periodResults.get("communities").forEach(r -> shown.add(r.get("community").get("code").asString()));
        assertThat(shown).containsAll(paired);

        Pages.Page page = pages.open("secretary", "/evaluations/organs/" + ORGAN + "?period=" + period);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("诉求办理及时").contains("<td class=\"num calls\">" + handled + "</td>");
        assertThat(pages.open("secretary", "/evaluations").status()).isEqualTo(302);
        assertThat(pages.open("committee", "/evaluations/organs/" + ORGAN).status()).isEqualTo(200);
    }

    @Test
    void theFigureEqualsTheListBehindItForEveryRole() {
        for (String user : List.of("committee", "admin", "secretary", "street", "community", "leader", "member")) {
            JsonNode figures = api.get(user, "/api/v1/figures").json();
            long total = api.get(user, "/api/v1/evaluations").json().get("total").asLong();
            assertThat(figures.get("evaluations").asLong()).as(user).isEqualTo(total);
            Pages.Page list = pages.open(user, "/evaluations/list?page=1");
            assertThat(list.status()).as(user).isEqualTo(200);
        }
        assertThat(api.get("committee", "/api/v1/figures").json().get("evaluations").asLong()).isGreaterThanOrEqualTo(16);
        assertThat(pages.open("committee", "/").html()).contains("href=\"/evaluations/list\" id=\"figure-evaluations\"");
    }

    @Test
    void aRetriedRatingWithTheSameKeyReturnsTheSameRecordAndChangesNothing() {
        String period = openPeriod(year() + "H1");
        CallsClient.Sent first = calls.postWithHeaders("community", "/api/v1/evaluations",
                Map.of("period", period, "organ", ORGAN, "grade", "BASICALLY_SATISFIED"), "Idempotency-Key", "eval-retry-1");
        assertThat(first.response().status()).as(first.response().text()).isEqualTo(201);
        long events = jdbc.sql("SELECT COUNT(*) FROM evaluation_event").query(Long.class).single();
        CallsClient.Sent again = calls.postWithHeaders("community", "/api/v1/evaluations",
                Map.of("period", period, "organ", ORGAN, "grade", "SATISFIED"), "Idempotency-Key", "eval-retry-1");
        assertThat(again.response().status()).isEqualTo(200);
        assertThat(again.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(again.response().json().get("id").asLong()).isEqualTo(first.response().json().get("id").asLong());
        assertThat(again.response().json().get("grade").asString()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void theCommitteeSeesWhichCommunitiesHaveNotRatedAndTheSummaryPerOrgan() {
        String period = openPeriod(year() + "H2");
        assertThat(rate("community", period, ORGAN, "SATISFIED", null).status()).isEqualTo(201);
        Pages.Page page = pages.open("committee", "/evaluations?period=" + period);
        assertThat(page.status()).isEqualTo(200);
        long pairings = jdbc.sql("SELECT COUNT(*) FROM pairing WHERE ended_on IS NULL").query(Long.class).single();
        assertThat(page.html()).contains("已评 1 / 应评 " + pairings);
        String unrated = jdbc.sql("SELECT name FROM community WHERE code = '440103001002'").query(String.class).single();
        String ownName = jdbc.sql("SELECT name FROM community WHERE code = :c").param("c", OWN).query(String.class).single();
        String incomplete = page.html().substring(page.html().indexOf("id=\"incomplete\""));
        incomplete = incomplete.substring(0, incomplete.indexOf("</ul>"));
        assertThat(incomplete).contains(unrated).doesNotContain(ownName);
        assertThat(page.html()).contains("id=\"summary\"");
        // The community's own page has a form for its paired organ in each open period.
        Pages.Page form = pages.open("community", "/evaluations");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("name=\"_csrf\"").contains("value=\"" + period + "\"");
        assertThat(pages.open("member", "/evaluations").status()).isEqualTo(302);
    }
}
