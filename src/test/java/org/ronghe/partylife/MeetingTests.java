package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.MeetingsClient.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Recording meetings, the quorum, refusals, idempotency, compliance per rule and across a year boundary, reminders. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_meetings")
class MeetingTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    Reminders reminders;

    MeetingsClient client;
    String branch;
    String peer;
    List<String> full;
    List<String> probationary;
    int lastYear;

    @BeforeEach
    void client() {
        client = new MeetingsClient(context);
        List<String> branches = client.branches();
        branch = branches.get(0);
        peer = branches.get(1);
        full = client.members(branch, "FULL");
        probationary = client.members(branch, "PROBATIONARY");
        // Two years back: before the demo district's year of meetings.
        lastYear = LocalDate.now(SHANGHAI).getYear() - 2;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> fullPresent(int count) {
        return full.subList(0, count);
    }

    private int half() {
        return full.size() / 2;
    }

    @Test
    void aMeetingWithMoreThanHalfTheFullMembersPresentIsQuorateAndHeldInItsQuarter() {
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "GENERAL_MEETING", lastYear + "-02-10",
                full.get(0), fullPresent(half() + 1), true));
        assertThat(recorded.get("meeting").get("quorate").asBoolean()).isTrue();
        assertThat(recorded.get("decisions")).hasSize(2);
        assertThat(recorded.get("attendance")).hasSize(full.size() + probationary.size());
        assertThat(client.cell("committee", branch, lastYear, "GENERAL_MEETING", lastYear + "-Q1")).isEqualTo("HELD");
        assertThat(client.cell("committee", branch, lastYear, "GENERAL_MEETING", lastYear + "-Q2")).isEqualTo("MISSING");
    }

    @Test
    void probationaryMembersAttendButDoNotCountForTheQuorum() {
        List<String> present = new java.util.ArrayList<>(fullPresent(half()));
        present.addAll(probationary);
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting(branch, "LECTURE", lastYear + "-05-10", full.get(0),
                present, true));
        assertThat(recorded.get("meeting").get("fullPresent").asInt()).isEqualTo(half());
        assertThat(recorded.get("meeting").get("quorate").asBoolean()).isFalse();
        assertThat(client.cell("committee", branch, lastYear, "LECTURE", lastYear + "-Q2")).isEqualTo("NO_QUORUM");
    }

    @Test
    void aCommitteeMeetingCountsItsQuorumOverTheCommitteeMembersOnly() {
        String withCommittee = client.jdbc.sql("""
                SELECT MIN(p.code) FROM party_org p WHERE p.kind = 'BRANCH' AND p.has_committee AND p.dissolved_on IS NULL
                AND (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL'
                     AND m.position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'FIRST_SECRETARY', 'COMMITTEE_MEMBER')) >= 3""")
                .query(String.class).single();
        List<String> committee = client.jdbc.sql("""
                SELECT m.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :p AND m.status = 'FULL'
                AND m.position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'FIRST_SECRETARY', 'COMMITTEE_MEMBER') ORDER BY m.code""")
                .param("p", withCommittee).query(String.class).list();
        List<String> others = client.members(withCommittee, "FULL").stream().filter(c -> !committee.contains(c)).toList();
        // Every other member present, but no more than half the committee: no quorum.
        List<String> present = new java.util.ArrayList<>(others);
        present.addAll(committee.subList(0, committee.size() / 2));
        JsonNode short_ = client.ok("committee", "/api/v1/meetings", meeting(withCommittee, "COMMITTEE_MEETING", lastYear + "-03-05",
                committee.get(0), present, true));
        assertThat(short_.get("meeting").get("fullMembers").asInt()).isEqualTo(committee.size());
        assertThat(short_.get("meeting").get("quorate").asBoolean()).isFalse();
        assertThat(client.cell("committee", withCommittee, lastYear, "COMMITTEE_MEETING", lastYear + "-03")).isEqualTo("NO_QUORUM");
        // More than half the committee and nobody else: quorate, though most of the branch is absent.
        JsonNode held = client.ok("committee", "/api/v1/meetings", meeting(withCommittee, "COMMITTEE_MEETING", lastYear + "-04-05",
                committee.get(0), committee.subList(0, committee.size() / 2 + 1), true));
        assertThat(held.get("meeting").get("quorate").asBoolean()).isTrue();
        assertThat(client.cell("committee", withCommittee, lastYear, "COMMITTEE_MEETING", lastYear + "-04")).isEqualTo("HELD");
        // Other kinds still count every full member.
        JsonNode lecture = client.ok("committee", "/api/v1/meetings", meeting(withCommittee, "LECTURE", lastYear + "-04-06",
                committee.get(0), committee.subList(0, committee.size() / 2 + 1), true));
        assertThat(lecture.get("meeting").get("fullMembers").asInt()).isEqualTo(client.members(withCommittee, "FULL").size());
        assertThat(lecture.get("meeting").get("quorate").asBoolean()).isFalse();
    }

    @Test
    void theSecretaryGivesALectureOnceAYearBesideTheQuarterlyLectures() {
        // A year no other scenario here records meetings in.
        int year = lastYear - 1;
        String secretary = client.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id
                WHERE p.code = :p AND m.position = 'SECRETARY' AND m.status = 'FULL'""").param("p", branch).query(String.class).single();
        assertThat(secretary).as("the branch's secretary").isNotNull();
        // A member holding no post gives the first lecture.
        String other = client.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id
                WHERE p.code = :p AND m.position IS NULL AND m.status = 'FULL'""").param("p", branch).query(String.class).single();
        client.ok("committee", "/api/v1/meetings", meeting(branch, "LECTURE", year + "-02-12", other, full, true));
        assertThat(client.cell("committee", branch, year, "LECTURE", year + "-Q1")).isEqualTo("HELD");
        assertThat(client.cell("committee", branch, year, "LECTURE_BY_SECRETARY", String.valueOf(year))).isEqualTo("MISSING");
        client.ok("committee", "/api/v1/meetings", meeting(branch, "LECTURE", year + "-09-12", secretary, full, true));
        assertThat(client.cell("committee", branch, year, "LECTURE_BY_SECRETARY", String.valueOf(year))).isEqualTo("HELD");
        // The rule can be switched off, and only a lecture rule carries it.
        Api.Response wrongKind = client.post("committee", "/api/v1/compliance/rules", Map.of("orgKind", "BRANCH", "kind", "THEMED_DAY",
                "cadence", "MONTHLY", "active", true, "secretaryYearly", true));
        assertThat(wrongKind.status()).as(wrongKind.text()).isEqualTo(400);
        try {
            client.ok("committee", "/api/v1/compliance/rules", Map.of("orgKind", "BRANCH", "kind", "LECTURE", "cadence", "QUARTERLY",
                    "active", true, "secretaryYearly", false));
            JsonNode grid = client.read("committee", "/api/v1/compliance?org=" + branch + "&year=" + year);
            List<String> keys = new java.util.ArrayList<>();
            grid.get("lines").forEach(l -> keys.add(l.get("key").asString()));
            assertThat(keys).contains("LECTURE").doesNotContain("LECTURE_BY_SECRETARY");
        } finally {
            client.ok("committee", "/api/v1/compliance/rules", Map.of("orgKind", "BRANCH", "kind", "LECTURE", "cadence", "QUARTERLY",
                    "active", true, "secretaryYearly", true));
        }
    }

    @Test
    void aMeetingWithoutTheFirstItemStudyIsHeldWithoutTheFirstItem() {
        client.ok("secretary", "/api/v1/meetings", meeting(branch, "THEMED_DAY", lastYear + "-07-01", full.get(0),
                fullPresent(full.size()), false));
        assertThat(client.cell("secretary", branch, lastYear, "THEMED_DAY", lastYear + "-07")).isEqualTo("NO_FIRST_ITEM");
        assertThat(client.cell("secretary", branch, lastYear, "THEMED_DAY", lastYear + "-08")).isEqualTo("MISSING");
    }

    @Test
    void everyRuleOfABranchIsComputedAndThePeriodStillRunningIsOpenNotMissing() {
        JsonNode grid = client.read("committee", "/api/v1/compliance?org=" + branch);
        List<String> kinds = new java.util.ArrayList<>();
        grid.get("lines").forEach(l -> kinds.add(l.get("kind").asString()));
        assertThat(kinds).contains("GENERAL_MEETING", "LECTURE", "THEMED_DAY", "LIFE_MEETING", "DEMOCRATIC_REVIEW")
                .doesNotContain("GROUP_MEETING");
        LocalDate today = LocalDate.now(SHANGHAI);
        String month = "%d-%02d".formatted(today.getYear(), today.getMonthValue());
        String status = client.cell("committee", branch, today.getYear(), "THEMED_DAY", month);
        assertThat(status).isIn("OPEN", "HELD", "NO_QUORUM", "NO_FIRST_ITEM");
        if (today.getMonthValue() < 12) {
            String next = "%d-%02d".formatted(today.getYear(), today.getMonthValue() + 1);
            assertThat(client.cell("committee", branch, today.getYear(), "THEMED_DAY", next)).isEqualTo("NOT_DUE");
        }
        assertThat(client.cell("committee", branch, lastYear, "LIFE_MEETING", String.valueOf(lastYear))).isIn("MISSING", "HELD",
                "NO_QUORUM", "NO_FIRST_ITEM");
    }

    @Test
    void aMeetingOnTheLastDayOfTheYearCountsForThatYearInShanghaiTime() {
        // 16:30 UTC on 31 December is already 00:30 on 1 January in Shanghai.
        int year = LocalDate.now(SHANGHAI).getYear();
        Instant newYearInShanghai = LocalDateTime.of(year, 12, 31, 16, 30).toInstant(java.time.ZoneOffset.UTC);
        clock.advance(Duration.between(Instant.now(), newYearInShanghai));
        client.ok("committee", "/api/v1/meetings", meeting(branch, "THEMED_DAY", year + "-12-31", full.get(0),
                fullPresent(full.size()), true));
        client.ok("committee", "/api/v1/meetings", meeting(branch, "THEMED_DAY", (year + 1) + "-01-01", full.get(0),
                fullPresent(full.size()), true));
        assertThat(client.read("committee", "/api/v1/compliance?org=" + branch).get("year").asInt()).isEqualTo(year + 1);
        assertThat(client.cell("committee", branch, year, "THEMED_DAY", year + "-12")).isEqualTo("HELD");
        assertThat(client.cell("committee", branch, year + 1, "THEMED_DAY", (year + 1) + "-01")).isEqualTo("HELD");
        assertThat(client.cell("committee", branch, year + 1, "THEMED_DAY", (year + 1) + "-02")).isEqualTo("NOT_DUE");
    }

    @Test
    void aFutureDateAnUnknownKindOrAChairOutsideTheOrganisationIsRefusedInChineseChangingNothing() {
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        String stranger = client.members(peer, "FULL").get(0);
        Map<String, String> before = DatabaseDigest.of(dataSource);
        Api.Response future = client.post("committee", "/api/v1/meetings", meeting(branch, "LECTURE", tomorrow, full.get(0), List.of(), true));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("会议日期不能晚于今天");
        Api.Response kind = client.post("committee", "/api/v1/meetings", meeting(branch, "PICNIC", lastYear + "-03-01", full.get(0), List.of(), true));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("detail").asString()).contains("未知的会议类型");
        Api.Response chair = client.post("committee", "/api/v1/meetings", meeting(branch, "LECTURE", lastYear + "-03-01", stranger, List.of(), true));
        assertThat(chair.status()).isEqualTo(400);
        assertThat(chair.json().get("detail").asString()).contains("主持人不是该党组织的党员");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyRecordsTheMeetingOnce() {
        Map<String, Object> body = meeting(branch, "COMMITTEE_MEETING", lastYear + "-09-09", full.get(0), fullPresent(full.size()), true);
        Api.Response first = client.post("committee", "/api/v1/meetings", body, "Idempotency-Key", "mtg-once-1");
        Api.Response again = client.post("committee", "/api/v1/meetings", body, "Idempotency-Key", "mtg-once-1");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("meeting").get("id").asLong()).isEqualTo(first.json().get("meeting").get("id").asLong());
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM meeting WHERE idempotency_key = 'mtg-once-1'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aMemberOfAPeerBranchCannotSeeTheMeetingButTheBranchAndTheOrganSecretaryCan() {
        long id = client.ok("committee", "/api/v1/meetings", meeting(branch, "THEMED_DAY", lastYear + "-10-01", full.get(0),
                fullPresent(full.size()), true)).get("meeting").get("id").asLong();
        String own = client.calls.account("pl-own", "MEMBER", full.get(1));
        String neighbour = client.calls.account("pl-peer", "MEMBER", client.members(peer, "FULL").get(0));
        assertThat(client.get(own, "/api/v1/meetings/" + id).status()).isEqualTo(200);
        assertThat(client.get("secretary", "/api/v1/meetings/" + id).status()).isEqualTo(200);
        assertThat(client.get(neighbour, "/api/v1/meetings/" + id).status()).isEqualTo(403);
        assertThat(client.read(neighbour, "/api/v1/meetings?org=" + branch + "&size=200").get("total").asLong()).isZero();
        assertThat(client.get(neighbour, "/api/v1/compliance?org=" + branch).status()).isEqualTo(403);
        assertThat(client.read(own, "/api/v1/compliance?org=" + branch).get("orgCode").asString()).isEqualTo(branch);
        assertThat(client.get("community", "/api/v1/meetings/" + id).status()).isEqualTo(403);
        // A member of the organisation above the branch sees it, if the demo places members there.
        List<String> above = client.jdbc.sql("""
                SELECT m.code FROM member m JOIN party_org b ON b.parent_id = m.party_org_id WHERE b.code = :b ORDER BY m.code""")
                .param("b", branch).query(String.class).list();
        if (!above.isEmpty()) {
            String superior = client.calls.account("pl-above", "MEMBER", above.get(0));
            assertThat(client.get(superior, "/api/v1/meetings/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void onlyTheCommitteeAndTheOrganSecretaryRecordAndOnlyTheCommitteeChangesARule() {
        Map<String, Object> body = meeting(branch, "LECTURE", lastYear + "-03-03", full.get(0), List.of(), true);
        assertThat(client.post("member", "/api/v1/meetings", body).status()).isEqualTo(403);
        assertThat(client.post("community", "/api/v1/meetings", body).status()).isEqualTo(403);
        assertThat(client.post("secretary", "/api/v1/compliance/rules", Map.of("orgKind", "BRANCH", "kind", "LECTURE",
                "cadence", "MONTHLY")).status()).isEqualTo(403);
        JsonNode changed = client.ok("committee", "/api/v1/compliance/rules", Map.of("orgKind", "GROUP", "kind", "LECTURE",
                "cadence", "YEARLY"));
        assertThat(changed.get("cadence").asString()).isEqualTo("YEARLY");
        assertThat(client.read("member", "/api/v1/compliance/rules").toString()).contains("\"orgKind\":\"GROUP\",\"kind\":\"LECTURE\"");
    }

    @Test
    void remindersAreWrittenDaysBeforeAPeriodEndsOnlyWhereTheMeetingIsStillMissingAndOnlyOnce() {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate nextMonth = today.withDayOfMonth(1).plusMonths(2);
        LocalDate end = nextMonth.plusMonths(1).minusDays(1);
        String period = "%d-%02d".formatted(nextMonth.getYear(), nextMonth.getMonthValue());
        clock.advance(Duration.between(Instant.now(), end.minusDays(10).atTime(9, 0).atZone(SHANGHAI).toInstant()));
        reminders.remind();
        assertThat(reminded(branch, period)).isZero();
        clock.advance(Duration.ofDays(5));
        client.ok("committee", "/api/v1/meetings", meeting(peer, "THEMED_DAY", end.minusDays(5).toString(),
                client.members(peer, "FULL").get(0), List.of(), true));
        assertThat(reminders.remind()).isPositive();
        assertThat(reminded(branch, period)).isEqualTo(1);
        assertThat(reminded(peer, period)).isZero();
        assertThat(reminders.remind()).isZero();
        JsonNode listed = client.read("secretary", "/api/v1/compliance/reminders?org=" + branch + "&size=200");
        assertThat(listed.toString()).contains(period).contains("THEMED_DAY");
    }

    @Test
    void theReminderTaskIsRegisteredWithTheScheduler() {
        assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class).values())
                .anyMatch(t -> t.getName().equals("meeting-reminders"));
    }

    @Test
    void theFiguresEqualTheListAndTheComplianceTheyLinkTo() {
        client.ok("committee", "/api/v1/meetings", meeting(branch, "THEMED_DAY", LocalDate.now(SHANGHAI).toString(), full.get(0),
                fullPresent(full.size()), true));
        for (String user : List.of("committee", "secretary", "member", "community")) {
            JsonNode figures = client.read(user, "/api/v1/figures");
            assertThat(figures.get("meetings").asLong()).as(user)
                    .isEqualTo(client.read(user, "/api/v1/meetings").get("total").asLong());
            JsonNode rollup = client.read(user, "/api/v1/compliance");
            if (rollup.get("rate").isNull()) {
                assertThat(figures.get("meetingCompliance").isNull()).as(user).isTrue();
            } else {
                assertThat(figures.get("meetingCompliance").asDouble()).as(user).isEqualTo(rollup.get("rate").asDouble());
            }
        }
        assertThat(client.read("committee", "/api/v1/figures").get("meetings").asLong()).isPositive();
    }

    private long reminded(String org, String period) {
        return client.jdbc.sql("""
                SELECT COUNT(*) FROM meeting_reminder r JOIN party_org p ON p.id = r.party_org_id
                WHERE p.code = :o AND r.kind = 'THEMED_DAY' AND r.period_code = :p""").param("o", org).param("p", period)
                .query(Long.class).single();
    }
}
