package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.ResponsibilityClient.BASE;
import static org.ronghe.partylife.ResponsibilityClient.item;
import static org.ronghe.partylife.ResponsibilityClient.itemAt;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * 一书两单三会议: a letter issued and signed by its organ's secretary alone; items whose fulfilment follows the
 * records and the calendar; the three meetings held or missing; duty reports voted on once per participant or tallied
 * on paper; the data scope; refusals in Chinese. The demo's letters are switched off so each organ's year is free.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=partylife_responsibilities", "ronghe.demo.responsibilities=false"})
class ResponsibilityTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;

    ResponsibilityClient client;
    int year;

    @BeforeEach
    void client() {
        client = new ResponsibilityClient(context);
        year = client.today().getYear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long letterOf(String organ) {
        List<Long> existing = client.meetings.jdbc.sql("""
                SELECT l.id FROM responsibility_letter l JOIN organ o ON o.id = l.organ_id WHERE o.code = :o AND l.letter_year = :y""")
                .param("o", organ).param("y", year).query(Long.class).list();
        return existing.isEmpty() ? client.issue(organ, year).get("letter").get("id").asLong() : existing.get(0);
    }

    private String ownerIn(String organ) {
        return client.meetings.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code = :o AND m.position IS NOT NULL""").param("o", organ).query(String.class).single();
    }

    @Test
    void the_committee_issues_a_letter_once_and_only_the_organs_own_secretary_signs_it_once() {
        int next = year + 1;
        JsonNode issued = client.meetings.ok("committee", BASE, Map.of("organ", "JG003", "year", next), "Idempotency-Key", "letter-jg003");
        long id = issued.get("letter").get("id").asLong();
        assertThat(issued.get("letter").get("state").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("letter").get("title").asString()).contains(String.valueOf(next)).contains("责任书");
        Api.Response replayed = client.post("committee", BASE, Map.of("organ", "JG003", "year", next), "Idempotency-Key", "letter-jg003");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("letter").get("id").asLong()).isEqualTo(id);
        Api.Response twice = client.post("committee", BASE, Map.of("organ", "JG003", "year", next), "Idempotency-Key", "letter-jg003-b");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("每个单位每年一份");

        Api.Response byOtherSecretary = client.post(client.meetings.calls.secretaryOf("JG002"), BASE + "/" + id + "/sign", null);
        assertThat(byOtherSecretary.status()).isIn(403, 404);
        Api.Response byCommittee = client.post("committee", BASE + "/" + id + "/sign", null);
        assertThat(byCommittee.status()).isEqualTo(403);
        assertThat(byCommittee.json().get("detail").asString()).contains("本单位党组书记");
        assertThat(client.letter("committee", id).get("letter").get("state").asString()).isEqualTo("ISSUED");

        String own = client.meetings.calls.secretaryOf("JG003");
        JsonNode signed = client.meetings.ok(own, BASE + "/" + id + "/sign", null);
        assertThat(signed.get("letter").get("state").asString()).isEqualTo("SIGNED");
        assertThat(signed.get("letter").get("signedBy").asString()).isEqualTo(own);
        assertThat(client.post(own, BASE + "/" + id + "/sign", null).status()).isEqualTo(409);
        List<String> events = new ArrayList<>();
        signed.get("events").forEach(e -> events.add(e.get("type").asString()));
        assertThat(events).containsExactly("ISSUED", "SIGNED");
        assertThat(client.meetings.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('LETTER_ISSUED', 'LETTER_SIGNED') "
                + "AND subject_key = :k").param("k", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void an_item_measured_by_meetings_is_fulfilled_once_the_meeting_is_recorded_and_an_unfulfilled_one_is_overdue_after_its_due_date() {
        long letter = letterOf("JG001");
        String owner = ownerIn("JG001");
        LocalDate today = client.today();
        client.meetings.ok("secretary", BASE + "/" + letter + "/items", item("PARTY_BUILDING", "召开党建工作推进会", owner,
                today.plusDays(20), "MEETINGS", "RESPONSIBILITY_PROGRESS", 1));
        JsonNode added = client.meetings.ok("secretary", BASE + "/" + letter + "/items", item("INTEGRITY", "开展节前廉政提醒", owner,
                today.plusDays(5), null, null, null));
        int meetingItem = ResponsibilityClient.positionOf(added, "召开党建工作推进会");
        int recordsItem = ResponsibilityClient.positionOf(added, "开展节前廉政提醒");
        assertThat(client.status(letter, meetingItem)).isEqualTo("OPEN");
        assertThat(client.status(letter, recordsItem)).isEqualTo("OPEN");

        String branch = client.meetings.branches().get(0);
        long held = client.meeting("secretary", branch, "RESPONSIBILITY_PROGRESS", today,
                client.meetings.members(branch, "FULL"));
        JsonNode fulfilled = itemAt(client.letter("secretary", letter), meetingItem);
        assertThat(fulfilled.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("achieved").asDouble()).isEqualTo(1.0);
        assertThat(fulfilled.get("records").get(0).get("href").asString()).isEqualTo("/meetings/" + held);

        clock.advance(Duration.ofDays(6));
        assertThat(client.status(letter, recordsItem)).isEqualTo("OVERDUE");
        assertThat(client.status(letter, meetingItem)).isEqualTo("FULFILLED");
        assertThat(client.letter("committee", letter).get("letter").get("overdue").asInt()).isEqualTo(1);

        client.meetings.ok("secretary", BASE + "/" + letter + "/items/" + recordsItem + "/records", Map.of("meeting", held));
        assertThat(client.status(letter, recordsItem)).isEqualTo("FULFILLED");
        assertThat(client.post("secretary", BASE + "/" + letter + "/items/" + recordsItem + "/records", Map.of("meeting", held)).status())
                .isEqualTo(409);

        client.meetings.ok("committee", BASE + "/" + letter + "/items/" + meetingItem + "/withdraw", Map.of("reason", "并入其他事项"));
        JsonNode after = client.letter("committee", letter);
        assertThat(itemAt(after, meetingItem).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(client.post("secretary", BASE + "/" + letter + "/items/" + meetingItem + "/revise", item("PARTY_BUILDING", "改",
                owner, today.plusDays(20), null, null, null)).status()).isEqualTo(409);
        assertThat(client.meetings.jdbc.sql("SELECT COUNT(*) FROM duty_item WHERE letter_id = :l AND position = :p")
                .param("l", letter).param("p", meetingItem).query(Long.class).single()).as("never deleted").isEqualTo(1);
    }

    @Test
    void the_letter_shows_which_of_the_three_meetings_its_organ_held_this_year() {
        long letter = letterOf("JG002");
        JsonNode before = client.letter("committee", letter).get("meetings");
        assertThat(before).hasSize(3);
        before.forEach(m -> assertThat(m.get("held").asBoolean()).as(m.get("kind").asString()).isFalse());
        String top = client.top("JG002");
        List<String> members = client.meetings.members(top, "FULL");
        long deployment = client.meeting("committee", top, "RESPONSIBILITY_DEPLOYMENT", LocalDate.of(year, 2, 25), members);
        client.meeting("committee", top, "DUTY_REPORT", client.today().minusDays(1), members);
        // A meeting of last year is not this year's.
        client.meeting("committee", top, "RESPONSIBILITY_PROGRESS", LocalDate.of(year - 1, 7, 10), members);
        JsonNode after = client.letter("committee", letter).get("meetings");
        assertThat(after.get(0).get("kind").asString()).isEqualTo("RESPONSIBILITY_DEPLOYMENT");
        assertThat(after.get(0).get("held").asBoolean()).isTrue();
        assertThat(after.get(0).get("meetings").get(0).get("href").asString()).isEqualTo("/meetings/" + deployment);
        assertThat(after.get(1).get("held").asBoolean()).as("progress meeting").isFalse();
        assertThat(after.get(2).get("held").asBoolean()).as("duty report meeting").isTrue();
    }

    @Test
    void a_participant_votes_once_and_the_counts_equal_the_ballots_while_a_paper_tally_excludes_ballots() {
        String top = client.top("JG001");
        List<String> present = new ArrayList<>(client.meetings.members(top, "FULL"));
        String absent = present.remove(present.size() - 1);
        long meeting = client.meeting("secretary", top, "DUTY_REPORT", client.today().minusDays(2), present);
        List<String> branches = client.meetings.branches();
        String memberBranch = client.meetings.jdbc.sql("SELECT p.code FROM member m JOIN party_org p ON p.id = m.party_org_id "
                + "JOIN account a ON a.scope_code = m.code WHERE a.username = 'member'").query(String.class).single();
        String other = branches.stream().filter(b -> !b.equals(memberBranch)).findFirst().orElseThrow();

        // The member, secretary of their own branch, reports themself; the organ's secretary reports for another branch.
        JsonNode own = client.meetings.ok("member", BASE + "/duty-reports", Map.of("org", memberBranch, "meeting", meeting,
                "text", "本人述职述廉报告"));
        JsonNode report = client.meetings.ok("secretary", BASE + "/duty-reports", Map.of("org", other, "meeting", meeting,
                "text", "支部书记述职述廉报告"), "Idempotency-Key", "report-" + other);
        long id = report.get("report").get("id").asLong();
        assertThat(report.get("report").get("reporterCode").asString()).isEqualTo(client.secretaryOf(other));
        assertThat(client.post("secretary", BASE + "/duty-reports", Map.of("org", other, "meeting", meeting, "text", "再次"))
                .status()).isEqualTo(409);

        JsonNode voted = client.meetings.ok("member", BASE + "/duty-reports/" + id + "/votes", Map.of("grade", "GOOD"));
        assertThat(voted.get("report").get("good").asInt()).isEqualTo(1);
        Api.Response again = client.post("member", BASE + "/duty-reports/" + id + "/votes", Map.of("grade", "POOR"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("只能投一票");
        String voter = client.meetings.calls.account("resp-voter", "MEMBER", present.get(1));
        client.meetings.ok(voter, BASE + "/duty-reports/" + id + "/votes", Map.of("grade", "FAIRLY_GOOD"));
        String stayedAway = client.meetings.calls.account("resp-absent", "MEMBER", absent);
        assertThat(client.post(stayedAway, BASE + "/duty-reports/" + id + "/votes", Map.of("grade", "GOOD")).status()).isEqualTo(403);
        assertThat(client.post("member", BASE + "/duty-reports/" + own.get("report").get("id").asLong() + "/votes",
                Map.of("grade", "GOOD")).status()).as("no vote on one's own report").isEqualTo(409);

        JsonNode read = client.meetings.read("committee", BASE + "/duty-reports/" + id).get("report");
        Map<String, Long> ballots = new java.util.HashMap<>();
        client.meetings.jdbc.sql("SELECT grade, COUNT(*) FROM duty_report_ballot WHERE report_id = :r GROUP BY grade").param("r", id)
                .query(rs -> {
                    ballots.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(ballots).isEqualTo(Map.of("GOOD", 1L, "FAIRLY_GOOD", 1L));
        assertThat(read.get("good").asInt() + read.get("fairlyGood").asInt() + read.get("fair").asInt() + read.get("poor").asInt())
                .isEqualTo(read.get("votes").asInt()).isEqualTo(2);
        assertThat(read.get("result").asDouble()).isEqualTo(1.0);
        assertThat(client.post("committee", BASE + "/duty-reports/" + id + "/tallies", Map.of("good", 5, "fairlyGood", 1, "fair", 0,
                "poor", 0)).status()).isEqualTo(409);

        long paper = own.get("report").get("id").asLong();
        assertThat(client.post("committee", BASE + "/duty-reports/" + paper + "/tallies", Map.of("good", present.size(),
                "fairlyGood", 1, "fair", 0, "poor", 0)).status()).as("more votes than participants").isEqualTo(400);
        JsonNode tallied = client.meetings.ok("committee", BASE + "/duty-reports/" + paper + "/tallies", Map.of("good", 3,
                "fairlyGood", 0, "fair", 1, "poor", 0)).get("report");
        assertThat(tallied.get("evaluation").asString()).isEqualTo("PAPER");
        assertThat(tallied.get("result").asDouble()).isEqualTo(0.75);
        assertThat(client.post(voter, BASE + "/duty-reports/" + paper + "/votes", Map.of("grade", "GOOD")).status()).isEqualTo(409);
        assertThat(client.letter("member", letterOf("JG001")).get("dutyReports")).hasSize(2);
    }

    @Test
    void another_organs_people_see_none_of_an_organs_letters_items_and_reports() {
        long letter = letterOf("JG001");
        client.meetings.ok("committee", BASE + "/" + letter + "/items", item("PARTY_BUILDING", "落实三会一课", ownerIn("JG001"),
                client.today().plusDays(30), "COMPLIANCE", null, 90));
        String stranger = client.meetings.calls.secretaryOf("JG002");
        assertThat(client.meetings.get(stranger, BASE + "/" + letter).status()).isIn(403, 404);
        assertThat(client.meetings.read(stranger, BASE + "?organ=JG001").get("total").asLong()).isZero();
        assertThat(client.meetings.read(stranger, BASE + "/items?organ=JG001").get("total").asLong()).isZero();
        assertThat(client.meetings.read("community", BASE).get("total").asLong()).isZero();
        assertThat(client.meetings.read("member", BASE + "?organ=JG001").get("total").asLong()).isPositive();
        assertThat(client.meetings.get("member", BASE + "/" + letter).status()).isEqualTo(200);
        Map<String, String> before = DatabaseDigest.of(dataSource);
        assertThat(client.post(stranger, BASE + "/" + letter + "/items", item("INTEGRITY", "越界", ownerIn("JG002"),
                client.today().plusDays(3), null, null, null)).status()).isIn(403, 404);
        assertThat(client.post(stranger, BASE + "/" + letter + "/sign", null).status()).isIn(403, 404);
        assertThat(client.post("member", BASE + "/" + letter + "/items", item("INTEGRITY", "党员不能改", ownerIn("JG001"),
                client.today().plusDays(3), null, null, null)).status()).isEqualTo(403);
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void bad_input_is_refused_in_chinese_and_changes_nothing() {
        long letter = letterOf("JG004");
        String owner = ownerIn("JG004");
        Map<String, String> before = DatabaseDigest.of(dataSource);
        refused(client.post("committee", BASE, Map.of("organ", "JG004", "year", 1999)), 400, "年度");
        refused(client.post("committee", BASE, Map.of("organ", "JG999", "year", year)), 404, "不存在");
        refused(client.post("committee", BASE, Map.of("year", year)), 400, "organ");
        String items = BASE + "/" + letter + "/items";
        refused(client.post("committee", items, item("PARTY_BUILDING", "事项", ownerIn("JG001"), client.today(), null, null, null)), 400,
                "责任人不是本单位党员");
        refused(client.post("committee", items, item("PARTY_BUILDING", "事项", owner, client.today(), "MEETINGS", null, 2)), 400,
                "会议类型");
        refused(client.post("committee", items, item("PARTY_BUILDING", "事项", owner, client.today(), "COMPLIANCE", null, 101)), 400,
                "目标值");
        refused(client.post("committee", items, item("PARTY_BUILDING", "事项", owner, client.today().plusYears(3), null, null, null)),
                400, "完成时限");
        refused(client.post("committee", items, Map.of("list", "OTHER", "text", "事项", "owner", owner, "dueOn", "2026-02-30")), 400,
                "责任清单");
        refused(client.post("committee", items, Map.of("list", "INTEGRITY", "text", "事项", "owner", owner, "dueOn", "明年")), 400,
                "完成时限");
        refused(client.post("committee", BASE + "/" + letter + "/items/99/withdraw", Map.of("reason", "无")), 404, "不存在");
        String branch = client.meetings.branches().get(0);
        long themed = client.meeting("committee", branch, "THEMED_DAY", client.today().minusDays(1),
                client.meetings.members(branch, "FULL"));
        before = DatabaseDigest.of(dataSource);
        refused(client.post("secretary", BASE + "/duty-reports", Map.of("org", branch, "meeting", themed, "text", "述职")), 400,
                "述职评议会");
        refused(client.post("secretary", BASE + "/duty-reports", Map.of("org", branch, "meeting", themed)), 400, "述职");
        refused(client.post("committee", BASE + "/duty-reports", Map.of("org", branch, "meeting", themed, "text", "述职")), 403, "述职");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    private static void refused(Api.Response response, int status, String says) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).as(response.text()).contains(says);
    }

    @Test
    void every_responsibility_figure_equals_the_total_of_the_list_it_links_to() {
        long letter = letterOf("JG005");
        client.meetings.ok("committee", BASE + "/" + letter + "/items", item("INTEGRITY", "廉政谈话", ownerIn("JG005"),
                client.today().plusDays(10), null, null, null));
        client.meetings.ok(client.meetings.calls.secretaryOf("JG005"), BASE + "/" + letter + "/sign", null);
        for (String user : List.of("committee", "secretary", "member", "community")) {
            JsonNode figures = client.meetings.read(user, "/api/v1/figures");
            assertThat(figures.get("responsibilityLetters").asLong()).as(user)
                    .isEqualTo(client.meetings.read(user, BASE).get("total").asLong());
            assertThat(figures.get("lettersSigned").asLong()).as(user)
                    .isEqualTo(client.meetings.read(user, BASE + "?state=SIGNED").get("total").asLong());
            assertThat(figures.get("dutyItems").asLong()).as(user)
                    .isEqualTo(client.meetings.read(user, BASE + "/items").get("total").asLong());
            assertThat(figures.get("dutyItemsFulfilled").asLong()).as(user)
                    .isEqualTo(client.meetings.read(user, BASE + "/items?status=FULFILLED").get("total").asLong());
        }
        assertThat(client.meetings.read("committee", "/api/v1/figures").get("lettersSigned").asLong()).isPositive();
    }
}
