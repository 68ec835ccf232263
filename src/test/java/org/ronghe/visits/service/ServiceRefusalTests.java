package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.visits.service.ServiceClient.COMMUNITY;
import static org.ronghe.visits.service.ServiceClient.OTHER_COMMUNITY;
import static org.ronghe.visits.service.ServiceClient.body;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** What the platform refuses, in Chinese, changing nothing; and a retried create that returns the first record. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=service_refusals")
class ServiceRefusalTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;

    ServiceClient service;

    @BeforeEach
    void client() {
        service = new ServiceClient(context);
    }

    /** A member checked in and confirmed at {@link ServiceClient#COMMUNITY}. */
    private ServiceClient.Member checkedIn(String username) {
        ServiceClient.Member member = service.newcomer(username, COMMUNITY);
        long id = service.ok(member.username(), "/api/v1/checkins", body()).get("id").asLong();
        service.ok("community", "/api/v1/checkins/" + id + "/confirm", null);
        return member;
    }

    @Test
    void aMemberOfAnotherCommunityCannotClaimItsItems() {
        ServiceClient.Member neighbour = service.newcomer("svc-neighbour", OTHER_COMMUNITY);
        service.ok("committee", "/api/v1/checkins", body("member", neighbour.code()));
        long item = service.ok("community", "/api/v1/service-items", body("kind", "NEED", "title", "楼道清理")).get("id").asLong();
        service.api.token(neighbour.username());
        Map<String, String> before = DatabaseDigest.of(dataSource);
        Api.Response refused = service.post(neighbour.username(), "/api/v1/service-items/" + item + "/claim", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("不在您的数据范围内");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void aMemberWhoseCheckInIsNotConfirmedCannotClaimYet() {
        ServiceClient.Member member = service.newcomer("svc-waiting", COMMUNITY);
        service.ok(member.username(), "/api/v1/checkins", body());
        long item = service.ok("community", "/api/v1/service-items", body("kind", "POST", "title", "周末值班")).get("id").asLong();
        Api.Response refused = service.post(member.username(), "/api/v1/service-items/" + item + "/claim", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("尚未在该社区报到");
    }

    @Test
    void staffOfAnotherCommunityCannotConfirmACheckInOrALog() {
        ServiceClient.Member member = checkedIn("svc-elsewhere");
        long pending = service.ok(member.username(), "/api/v1/service-logs", body("date", LocalDate.now(clock).toString(),
                "hours", 3)).get("id").asLong();
        ServiceClient.Member waiting = service.newcomer("svc-elsewhere-2", COMMUNITY);
        long checkIn = service.ok(waiting.username(), "/api/v1/checkins", body()).get("id").asLong();
        String stranger = service.calls.account("svc-staff-2", "COMMUNITY_STAFF", OTHER_COMMUNITY);
        service.api.token(stranger);
        service.api.token("street");
        Map<String, String> before = DatabaseDigest.of(dataSource);
        assertThat(service.post(stranger, "/api/v1/checkins/" + checkIn + "/confirm", null).status()).isEqualTo(403);
        assertThat(service.post(stranger, "/api/v1/service-logs/" + pending + "/confirm", null).status()).isEqualTo(403);
        assertThat(service.post("street", "/api/v1/service-logs/" + pending + "/confirm", null).status()).isEqualTo(403);
        assertThat(service.post(member.username(), "/api/v1/service-logs/" + pending + "/confirm", null).status()).isEqualTo(403);
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void aLogOfNoHoursOrMoreThanADayIsRefusedInChineseAndChangesNothing() {
        ServiceClient.Member member = checkedIn("svc-hours");
        String today = LocalDate.now(clock).toString();
        Map<String, String> before = DatabaseDigest.of(dataSource);
        for (Object hours : new Object[]{0, 25, -1, 2.25}) {
            Api.Response refused = service.post(member.username(), "/api/v1/service-logs", body("date", today, "hours", hours));
            assertThat(refused.status()).as("hours " + hours).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).as("hours " + hours).contains("服务时长");
        }
        Api.Response future = service.post(member.username(), "/api/v1/service-logs",
                body("date", LocalDate.now(clock).plusDays(1).toString(), "hours", 2));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).isEqualTo("服务日期不能晚于今天");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();

        service.ok(member.username(), "/api/v1/service-logs", body("date", today, "hours", 20));
        Api.Response overDay = service.post(member.username(), "/api/v1/service-logs", body("date", today, "hours", 4.5));
        assertThat(overDay.status()).isEqualTo(400);
        assertThat(overDay.json().get("detail").asString()).contains("同一天的服务时长合计不能超过 24 小时");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameRecord() {
        ServiceClient.Member member = checkedIn("svc-retry");
        String today = LocalDate.now(clock).toString();
        long logs = service.count("service_log");
        Api.Response first = service.post(member.username(), "/api/v1/service-logs", body("date", today, "hours", 1.5),
                "Idempotency-Key", "log-once");
        Api.Response again = service.post(member.username(), "/api/v1/service-logs", body("date", today, "hours", 1.5),
                "Idempotency-Key", "log-once");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(service.count("service_log")).isEqualTo(logs + 1);

        long items = service.count("service_item");
        long item = service.ok("community", "/api/v1/service-items", body("kind", "WISH", "title", "送一套书包"),
                "Idempotency-Key", "wish-once").get("id").asLong();
        assertThat(service.ok("community", "/api/v1/service-items", body("kind", "WISH", "title", "送一套书包"),
                "Idempotency-Key", "wish-once").get("id").asLong()).isEqualTo(item);
        assertThat(service.count("service_item")).isEqualTo(items + 1);

        ServiceClient.Member newcomer = service.newcomer("svc-retry-2", COMMUNITY);
        long checkIn = service.ok(newcomer.username(), "/api/v1/checkins", body(), "Idempotency-Key", "report-once").get("id").asLong();
        assertThat(service.ok(newcomer.username(), "/api/v1/checkins", body(), "Idempotency-Key", "report-once").get("id").asLong())
                .isEqualTo(checkIn);
    }

    @Test
    void onlyTheRightRolesCreate() {
        assertThat(service.post("street", "/api/v1/service-items", body("kind", "NEED", "title", "x")).status()).isEqualTo(403);
        assertThat(service.post("secretary", "/api/v1/checkins", body("member", "DY000001")).status()).isEqualTo(403);
        assertThat(service.post("community", "/api/v1/service-logs", body("date", "2026-01-01", "hours", 1)).status()).isEqualTo(403);
        assertThat(service.post("community", "/api/v1/service-items", body("kind", "NEED", "title", "x", "community", OTHER_COMMUNITY))
                .status()).isEqualTo(403);
        Api.Response noTitle = service.post("community", "/api/v1/service-items", body("kind", "NEED"));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("detail").asString()).isEqualTo("服务项目标题不能为空");
    }
}
