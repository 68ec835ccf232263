package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.visits.service.ServiceClient.COMMUNITY;
import static org.ronghe.visits.service.ServiceClient.body;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A member reports to their community, the community confirms, publishes a micro-wish the member claims,
 * the member logs the service, the community confirms it with a remark, and the organ's quarterly
 * feedback sheet shows exactly that; next quarter the sheet asks for more.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=service_lifecycle")
class ServiceLifecycleTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    ServiceClient service;

    @BeforeEach
    void client() {
        service = new ServiceClient(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMemberChecksInClaimsAWishLogsServiceAndTheOrgansQuarterlySheetShowsIt() {
        ServiceClient.Member member = service.newcomer("svc-life", COMMUNITY);
        JsonNode reported = service.ok(member.username(), "/api/v1/checkins", body());
        long checkIn = reported.get("id").asLong();
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");
        assertThat(reported.get("communityCode").asString()).isEqualTo(COMMUNITY);
        assertThat(service.get("community", "/api/v1/checkins?state=REPORTED&member=" + member.code()).get("total").asLong()).isEqualTo(1);

        JsonNode confirmed = service.ok("community", "/api/v1/checkins/" + checkIn + "/confirm", null);
        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("decidedBy").asString()).isEqualTo("community");

        JsonNode wish = service.ok("community", "/api/v1/service-items", body("kind", "WISH", "title", "为独居老人修理收音机 svc-life",
                "plannedHours", 2, "dueOn", LocalDate.now(clock).plusDays(10).toString()));
        long item = wish.get("id").asLong();
        assertThat(wish.get("state").asString()).isEqualTo("OPEN");
        assertThat(wish.get("kindLabel").asString()).isEqualTo("微心愿");

        JsonNode claimed = service.ok(member.username(), "/api/v1/service-items/" + item + "/claim", null);
        assertThat(claimed.get("state").asString()).isEqualTo("CLAIMED");
        assertThat(claimed.get("claimedByMe").asBoolean()).isTrue();

        LocalDate today = LocalDate.now(clock);
        JsonNode logged = service.ok(member.username(), "/api/v1/service-logs", body("date", today.toString(), "hours", 2.5,
                "item", item, "note", "上门修好了收音机"));
        long log = logged.get("id").asLong();
        assertThat(logged.get("state").asString()).isEqualTo("LOGGED");
        assertThat(logged.get("hours").decimalValue()).isEqualByComparingTo("2.5");

        JsonNode done = service.ok("community", "/api/v1/service-logs/" + log + "/confirm", body("remark", "耐心细致，老人很满意"));
        assertThat(done.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(service.ok("community", "/api/v1/service-items/" + item + "/done", null).get("state").asString()).isEqualTo("DONE");

        Quarter quarter = Quarter.of(today);
        JsonNode sheet = service.get("committee", "/api/v1/service-feedback?organ=" + member.organ() + "&quarter=" + quarter);
        JsonNode row = rowOf(sheet, member.code());
        assertThat(row.get("checkIn").asString()).isEqualTo("CONFIRMED");
        assertThat(row.get("communityCode").asString()).isEqualTo(COMMUNITY);
        assertThat(row.get("logs").asInt()).isEqualTo(1);
        assertThat(row.get("hoursInQuarter").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(row.get("hoursYearToDate").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(texts(row.get("items"))).containsExactly("为独居老人修理收音机 svc-life");
        assertThat(texts(row.get("remarks"))).containsExactly("耐心细致，老人很满意");
        assertThat(texts(row.get("findings"))).containsExactlyElementsOf(
                Thresholds.DEFAULTS.findings(true, true, 1, new BigDecimal("2.5"), quarter));
        assertThat(texts(row.get("findings"))).anyMatch(f -> f.startsWith("本年度服务时长不足 12 小时"));
        // the totals are the sum of the rows
        int logs = 0;
        BigDecimal hours = BigDecimal.ZERO;
        for (JsonNode r : sheet.get("rows")) {
            logs += r.get("logs").asInt();
            hours = hours.add(r.get("hoursInQuarter").decimalValue());
        }
        assertThat(sheet.get("totals").get("members").asInt()).isEqualTo(sheet.get("rows").size());
        assertThat(sheet.get("totals").get("logs").asInt()).isEqualTo(logs);
        assertThat(sheet.get("totals").get("hoursInQuarter").decimalValue()).isEqualByComparingTo(hours);

        // Events: every step wrote one, and was audited.
        assertThat(service.jdbc.sql("SELECT type FROM service_event WHERE subject = 'log' AND subject_id = :id ORDER BY id")
                .param("id", log).query(String.class).list()).containsExactly("LOGGED", "LOG_CONFIRMED");
        assertThat(service.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject IN ('service_checkin', 'service_item', 'service_log') "
                + "AND subject_key IN (:k)").param("k", List.of(String.valueOf(checkIn), String.valueOf(item), String.valueOf(log)))
                .query(Long.class).single()).isEqualTo(7);

        // Next quarter: the hours of the last one stay with it; this one has no service yet.
        clock.advance(Duration.ofDays(Quarter.of(today).last().toEpochDay() - today.toEpochDay() + 1));
        Quarter next = Quarter.of(LocalDate.now(clock));
        assertThat(next).isNotEqualTo(quarter);
        JsonNode nextRow = rowOf(service.get("committee", "/api/v1/service-feedback?organ=" + member.organ()), member.code());
        assertThat(nextRow.get("logs").asInt()).isZero();
        assertThat(texts(nextRow.get("findings"))).contains("本季度未参加社区服务");
        assertThat(nextRow.get("hoursYearToDate").decimalValue()).isEqualByComparingTo(next.year() == quarter.year() ? "2.5" : "0");
        JsonNode again = rowOf(service.get("committee", "/api/v1/service-feedback?organ=" + member.organ() + "&quarter=" + quarter),
                member.code());
        assertThat(again.get("hoursInQuarter").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void theCommunityDeclinesACheckInWithAReasonAndTheMemberMayReportAgain() {
        ServiceClient.Member member = service.newcomer("svc-decline", COMMUNITY);
        long first = service.ok(member.username(), "/api/v1/checkins", body()).get("id").asLong();
        assertThat(service.post(member.username(), "/api/v1/checkins", body()).status()).isEqualTo(409);
        assertThat(service.post("community", "/api/v1/checkins/" + first + "/decline", body()).status()).isEqualTo(400);
        JsonNode declined = service.ok("community", "/api/v1/checkins/" + first + "/decline", body("reason", "不在本社区居住"));
        assertThat(declined.get("state").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("reason").asString()).isEqualTo("不在本社区居住");
        assertThat(service.post("community", "/api/v1/checkins/" + first + "/confirm", null).status()).isEqualTo(409);
        assertThat(service.ok(member.username(), "/api/v1/checkins", body()).get("state").asString()).isEqualTo("REPORTED");
    }

    @Test
    void theWorkCommitteeRecordsACheckInThatCountsAtOnce() {
        ServiceClient.Member member = service.newcomer("svc-recorded", COMMUNITY);
        JsonNode recorded = service.ok("committee", "/api/v1/checkins", body("member", member.code()));
        assertThat(recorded.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(recorded.get("reportedBy").asString()).isEqualTo("committee");
    }

    static JsonNode rowOf(JsonNode sheet, String member) {
        for (JsonNode row : sheet.get("rows")) {
            if (row.get("memberCode").asString().equals(member)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + member);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
