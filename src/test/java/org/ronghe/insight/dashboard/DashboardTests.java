package org.ronghe.insight.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The command dashboard counts records and each of its numbers is the total of the list it links to, as the same
 * person sees it: overdue calls per organ, today's calls, open calls per community, and the trends. A year of demo
 * calls gives the overdue chart its organs.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=dashboard", "ronghe.demo.calls=400"})
class DashboardTests {

    @Autowired
    Api api;
    @Autowired
    Pages pages;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void eachOrgansOverdueBarEqualsThatOrgansOverdueCallList() {
        // The demo year's calls still open, and one raised now, are overdue a month and a half later.
        new CallsClient(context).raiseId("community", "ELDERLY", "独居老人助餐（超时）");
        clock.advance(Duration.ofDays(45));
        JsonNode overdue = ok("committee", "/api/v1/dashboard/overdue-by-organ?limit=100");
        JsonNode items = overdue.get("items");
        assertThat(items.size()).as("organs with overdue calls").isGreaterThan(1);
        assertThat(overdue.get("organs").asInt()).isEqualTo(items.size());
        long previous = Long.MAX_VALUE;
        for (JsonNode item : items) {
            String organ = item.get("organCode").asString();
            long count = item.get("count").asLong();
            assertThat(count).isPositive().isLessThanOrEqualTo(previous);
            previous = count;
            assertThat(item.get("link").asString()).isEqualTo("/calls?organ=" + organ + "&overdue=true");
            assertThat(total("committee", item.get("link").asString())).as(organ).isEqualTo(count);
            assertThat(overdueCallsOf(organ)).as(organ).isEqualTo(count);
        }
        assertThat(ok("committee", "/api/v1/dashboard/overdue-by-organ?limit=3").get("items").size()).isEqualTo(Math.min(3, items.size()));
    }

    @Test
    void anOrganSecretarySeesOnlyTheirOwnOrgansFigures() {
        CallsClient calls = new CallsClient(context);
        long late = calls.raiseId("community", "ELDERLY", "独居老人助餐（看板）");
        clock.advance(Duration.ofDays(40));
        JsonNode mine = ok("secretary", "/api/v1/dashboard/overdue-by-organ").get("items");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("organCode").asString()).isEqualTo("JG001");
        assertThat(mine.get(0).get("count").asLong()).isEqualTo(total("secretary", mine.get(0).get("link").asString()))
                .isEqualTo(overdueCallsOf("JG001"));
        assertThat(calls.listed("secretary", CallsClient.byOrgan("JG001").withOverdue())).contains(late);

        JsonNode today = ok("secretary", "/api/v1/dashboard/today");
        assertThat(today.get("overdue").get("count").asLong()).isEqualTo(total("secretary", "/calls?overdue=true"))
                .isEqualTo(overdueCallsOf("JG001"));

        Set<String> paired = Set.copyOf(jdbc.sql("SELECT c.code FROM pairing p JOIN organ o ON o.id = p.organ_id JOIN community c"
                + " ON c.id = p.community_id WHERE o.code = 'JG001' AND p.ended_on IS NULL").query(String.class).list());
        for (String measure : List.of("openCalls", "visitCoverage")) {
            JsonNode points = ok("secretary", "/api/v1/dashboard/communities?measure=" + measure).get("items");
            assertThat(codes(points, "code")).as(measure).isNotEmpty().isSubsetOf(paired);
        }
    }

    @Test
    void todaysCountsMoveWhenACallIsRaisedRepliedAndLeftLate() {
        CallsClient calls = new CallsClient(context);
        JsonNode before = ok("committee", "/api/v1/dashboard/today");
        long raised = calls.raiseId("community", "ELDERLY", "长者饭堂就餐名额（看板）", "urgency", "URGENT");
        JsonNode after = ok("committee", "/api/v1/dashboard/today");
        assertThat(count(after, "raised")).isEqualTo(count(before, "raised") + 1);
        assertThat(count(after, "urgent")).isEqualTo(count(before, "urgent") + 1);
        assertThat(stateCount(after, "DISPATCHED")).isEqualTo(stateCount(before, "DISPATCHED") + 1);

        calls.ok("secretary", raised, "accept", null);
        calls.ok("secretary", raised, "reply", Map.of("text", "已安排就餐"));
        JsonNode replied = ok("committee", "/api/v1/dashboard/today");
        assertThat(count(replied, "replied")).isEqualTo(count(after, "replied") + 1);
        assertThat(stateCount(replied, "REPLIED")).isEqualTo(stateCount(after, "REPLIED") + 1);
        assertThat(ids("committee", "/api/v1/calls?size=200&repliedOn=" + LocalDate.now(clock))).contains(raised);
        assertThat(ids("committee", "/api/v1/calls?size=200&urgency=URGENT&from=" + LocalDate.now(clock))).contains(raised);
        assertThat(ids("committee", "/api/v1/calls?size=200&urgency=NORMAL")).doesNotContain(raised);
        assertThat(ids("committee", "/api/v1/calls?size=200&repliedOn=" + LocalDate.now(clock).minusDays(1))).doesNotContain(raised);
        assertEveryTodayFigureEqualsItsList("committee", replied);
        assertEveryTodayFigureEqualsItsList("street", ok("street", "/api/v1/dashboard/today"));

        // Tomorrow the call raised today is yesterday's, and one accepted but never answered turns late.
        long late = calls.raiseId("community", "ELDERLY", "助餐服务未答复（看板）");
        calls.ok("secretary", late, "accept", null);
        long overdueBefore = count(ok("committee", "/api/v1/dashboard/today"), "overdue");
        clock.advance(Duration.ofDays(30));
        JsonNode later = ok("committee", "/api/v1/dashboard/today");
        assertThat(later.get("day").asString()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(count(later, "overdue")).isGreaterThan(overdueBefore);
        assertThat(calls.listed("committee", CallsClient.byOrgan("JG001").withOverdue())).contains(late);
        assertEveryTodayFigureEqualsItsList("committee", later);
    }

    @Test
    void theOpenCallsOfEachCommunityAndEveryTrendEqualTheirLists() {
        for (String user : List.of("committee", "street", "community")) {
            JsonNode points = ok(user, "/api/v1/dashboard/communities?measure=openCalls").get("items");
            assertThat(points.size()).as(user).isPositive();
            for (JsonNode point : points) {
                assertThat(point.get("value").asLong()).as(user + " " + point.get("code").asString())
                        .isEqualTo(total(user, point.get("link").asString()));
            }
        }
        List<String> streetCommunities = jdbc.sql("SELECT c.code FROM community c JOIN street s ON s.id = c.street_id"
                + " JOIN account a ON a.scope_code = s.code WHERE a.username = 'street'").query(String.class).list();
        assertThat(codes(ok("street", "/api/v1/dashboard/communities?measure=visitCoverage").get("items"), "code"))
                .containsExactlyInAnyOrderElementsOf(streetCommunities);

        for (String user : List.of("committee", "secretary")) {
            JsonNode trends = ok(user, "/api/v1/dashboard/trends");
            assertThat(trends.get("calls").size()).isEqualTo(30);
            long raisedInThirtyDays = 0;
            for (JsonNode day : trends.get("calls")) {
                assertThat(day.get("raised").get("count").asLong())
                        .isEqualTo(day.get("closed").get("count").asLong() + day.get("open").get("count").asLong());
                for (String part : List.of("raised", "closed", "open")) {
                    assertThat(day.get(part).get("count").asLong()).as(user + " " + day.get("day").asString() + " " + part)
                            .isEqualTo(total(user, day.get(part).get("link").asString()));
                }
                raisedInThirtyDays += day.get("raised").get("count").asLong();
            }
            assertThat(raisedInThirtyDays).as(user + ": the demo's recent calls").isPositive();
            for (String series : List.of("visits", "meetings")) {
                assertThat(trends.get(series).size()).isEqualTo(12);
                for (JsonNode month : trends.get(series)) {
                    assertThat(month.get("count").asLong()).as(user + " " + series + " " + month.get("monthOfYear").asInt())
                            .isEqualTo(total(user, month.get("link").asString()));
                }
            }
        }
    }

    @Test
    void aYearWithoutAnAssessmentRunShowsNoResultsAndBadInputIsAProblem() {
        JsonNode none = ok("committee", "/api/v1/dashboard/rankings?year=2001");
        assertThat(none.get("available").asBoolean()).isFalse();
        assertThat(none.get("items").size()).isZero();
        for (String bad : List.of("/communities?measure=households", "/rankings?year=1899", "/trends?days=0",
                "/overdue-by-organ?limit=1000")) {
            Api.Response answer = api.get("committee", "/api/v1/dashboard" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).contains("problem+json");
        }
    }

    @Test
    void theDashboardAndTheWallScreenOpenForEveryRole() {
        for (String user : List.of("committee", "leader", "secretary", "street", "community", "member")) {
            Pages.Page page = pages.open(user, "/dashboard");
            assertThat(page.status()).as(user).isEqualTo(200);
            assertThat(page.html()).contains("id=\"overdue-chart\"", "/js/dashboard.js", "id=\"nav-dashboard\"").doesNotContain("<script>");
        }
        Pages.Page wall = pages.open("committee", "/dashboard/wall");
        assertThat(wall.status()).isEqualTo(200);
        assertThat(wall.html()).contains("wall-body", "data-refresh=\"60\"").doesNotContain("main-nav");
    }

    @Test
    void thePagesReadTheSameAnswersAsTheApiWithTheirSession() {
        tools.jackson.databind.json.JsonMapper json = context.getBean(tools.jackson.databind.json.JsonMapper.class);
        for (String user : List.of("secretary", "street")) {
            for (String panel : List.of("today", "overdue-by-organ", "communities?measure=visitCoverage", "rankings", "trends")) {
                Pages.Page page = pages.open(user, "/dashboard/data/" + panel);
                assertThat(page.status()).as(user + " " + panel).isEqualTo(200);
                assertThat(json.readTree(page.html())).as(user + " " + panel).isEqualTo(ok(user, "/api/v1/dashboard/" + panel));
            }
        }
    }

    // ---------------------------------------------------------------- the rules in words, and the lists

    /** Calls now waiting past a limit that the organ takes or took part in, counted from the plain rows. */
    private long overdueCallsOf(String organ) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM call c WHERE c.state IN ('DISPATCHED', 'ACCEPTED')
                        AND (c.reply_by < :now OR (c.state = 'DISPATCHED' AND c.accept_by < :now))
                        AND EXISTS (SELECT 1 FROM call_handler h JOIN organ o ON o.id = h.organ_id WHERE h.call_id = c.id AND o.code = :o)""")
                .param("now", java.time.OffsetDateTime.now(clock)).param("o", organ).query(Long.class).single();
    }

    private void assertEveryTodayFigureEqualsItsList(String user, JsonNode today) {
        for (String figure : List.of("raised", "urgent", "replied", "overdue")) {
            assertThat(count(today, figure)).as(user + " " + figure).isEqualTo(total(user, today.get(figure).get("link").asString()));
        }
        long byState = 0;
        for (JsonNode state : today.get("byState")) {
            assertThat(state.get("count").asLong()).as(user + " " + state.get("state").asString())
                    .isEqualTo(total(user, state.get("link").asString()));
            byState += state.get("count").asLong();
        }
        assertThat(byState).isEqualTo(count(today, "raised"));
    }

    /** The total of the list a dashboard link opens, asked from the same list's API as the same person. */
    private long total(String user, String link) {
        String path = link.startsWith("/calls?") ? "/api/v1/calls?" + link.substring(7)
                : link.startsWith("/visits/list?") ? "/api/v1/visits?" + link.substring(13)
                : link.startsWith("/meetings?") ? "/api/v1/meetings?" + link.substring(10)
                : null;
        assertThat(path).as("a list with an API: " + link).isNotNull();
        return ok(user, path).get("total").asLong();
    }

    private List<Long> ids(String user, String path) {
        List<Long> ids = new ArrayList<>();
        ok(user, path).get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private JsonNode ok(String user, String path) {
        Api.Response answer = api.get(user, path);
        assertThat(answer.status()).as(user + " " + path + ": " + answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static long count(JsonNode today, String figure) {
        return today.get(figure).get("count").asLong();
    }

    private static long stateCount(JsonNode today, String state) {
        for (JsonNode s : today.get("byState")) {
            if (s.get("state").asString().equals(state)) {
                return s.get("count").asLong();
            }
        }
        return 0;
    }

    private static List<String> codes(JsonNode items, String field) {
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.get(field).asString()));
        return codes;
    }
}
