package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.ConflictException;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An emergency from declaration to stand-down: the zone and command, a temporary branch requested by an organ's
 * secretary and approved by the level above, a call-up of the zone's residents answered once each, a posting,
 * and the stand-down that dissolves the branch, keeps every record and refuses every further change.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_scenario")
class EmergencyTests {

    static final String BASE = "/api/v1/emergencies";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Api api;
    @Autowired
    CallUpDesk callUps;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void declareBranchCallUpAnswerPostAndStandDownKeepsEveryRecord() {
        CallsClient calls = new CallsClient(context);
        String home = jdbc.sql("SELECT c.code FROM member m JOIN community c ON c.id = m.community_id WHERE m.code = 'DY000001'")
                .query(String.class).single();
        String paired = jdbc.sql("""
                SELECT MIN(c.code) FROM pairing p JOIN organ o ON o.id = p.organ_id JOIN community c ON c.id = p.community_id
                WHERE o.code = 'JG001' AND c.code <> :h""").param("h", home).query(String.class).single();
        Map<String, Long> membershipsBefore = memberships();

        // The committee declares, once per key.
        Map<String, Object> declaration = Map.of("code", "E521", "name", "“521”疫情防控", "kind", "EPIDEMIC",
                "zone", List.of(Map.of("community", home, "control", "SEALED"), Map.of("community", paired, "control", "CONTROLLED")));
        Api.Response declared = calls.post("committee", BASE, declaration, "Idempotency-Key", "declare-e521");
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long id = declared.json().get("emergency").get("id").asLong();
        assertThat(declared.json().get("zone")).hasSize(2);
        Api.Response replayed = calls.post("committee", BASE, declaration, "Idempotency-Key", "declare-e521");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("emergency").get("id").asLong()).isEqualTo(id);
        assertThat(calls.post("secretary", BASE, Map.of("code", "E2", "name", "x", "kind", "FLOOD")).status()).isEqualTo(403);

        // Command: the commander and a named group.
        ok(calls, "committee", BASE + "/" + id + "/command", Map.of("role", "COMMANDER", "member", "DY000001"));
        JsonNode command = ok(calls, "committee", BASE + "/" + id + "/command",
                Map.of("role", "GROUP", "group", "物资保障组", "duties", "生活物资", "member", "DY000001"));
        assertThat(command.get("command")).hasSize(2);

        // An organ secretary requests a temporary branch under their organ's organisation; the street may not approve it.
        String parent = jdbc.sql("""
                SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code = 'JG001' AND p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH')""")
                .query(String.class).single();
        List<String> organMembers = jdbc.sql("""
                SELECT m.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code = 'JG001' ORDER BY m.code LIMIT 4""")
                .query(String.class).list();
        Api.Response requested = calls.post("secretary", BASE + "/" + id + "/temporary-branches", Map.of("name", "核酸检测点临时党支部",
                "siteKind", "TESTING_POINT", "siteName", "文化广场检测点", "community", paired, "parent", parent,
                "secretary", organMembers.get(0), "members", organMembers.subList(1, 4)), "Idempotency-Key", "branch-1");
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        long branch = requested.json().get("id").asLong();
        assertThat(calls.post("street", BASE + "/" + id + "/temporary-branches/" + branch + "/approve", Map.of()).status()).isEqualTo(403);
        JsonNode approved = ok(calls, "secretary", BASE + "/" + id + "/temporary-branches/" + branch + "/approve", Map.of());
        assertThat(approved.get("branches").get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT kind FROM party_org WHERE code = :c").param("c", "TB" + branch).query(String.class).single())
                .isEqualTo("TEMPORARY_BRANCH");
        assertThat(calls.post("secretary", BASE + "/" + id + "/temporary-branches/" + branch + "/approve", Map.of()).status()).isEqualTo(409);

        // A commando team.
        Api.Response team = calls.post("committee", BASE + "/" + id + "/teams", Map.of("kind", "COMMANDO", "name", "党员突击队一队",
                "lead", organMembers.get(1), "community", home, "members", organMembers.subList(2, 4)), "Idempotency-Key", "team-1");
        assertThat(team.status()).as(team.text()).isEqualTo(201);

        // The call-up reaches every resident member of the zone, one row each.
        Api.Response called = calls.post("committee", BASE + "/" + id + "/call-ups", Map.of("title", "全体在册党员到社区报到", "zone", true),
                "Idempotency-Key", "call-1");
        assertThat(called.status()).as(called.text()).isEqualTo(201);
        long callUp = called.json().get("id").asLong();
        long residents = jdbc.sql("SELECT COUNT(*) FROM member m JOIN community c ON c.id = m.community_id WHERE c.code IN (:c)")
                .param("c", List.of(home, paired)).query(Long.class).single();
        assertThat(called.json().get("called").asLong()).isEqualTo(residents).isPositive();

        // The member answers once; a second answer is refused.
        String path = BASE + "/" + id + "/call-ups/" + callUp;
        assertThat(calls.post("member", path + "/answer", Map.of("answer", "CANNOT")).status()).isEqualTo(400);
        ok(calls, "member", path + "/answer", Map.of("answer", "REPORTING"));
        Api.Response again = calls.post("member", path + "/answer", Map.of("answer", "CANNOT", "reason", "出差"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("只应答一次");
        assertThat(calls.get("member", BASE + "/my-call-ups").json().get(0).get("answer").asString()).isEqualTo("REPORTING");

        // The committee posts the member to the branch's site for a shift; the counts follow the rows.
        Instant start = clock.instant().plus(Duration.ofHours(1));
        JsonNode counts = ok(calls, "committee", path + "/postings", Map.of("member", "DY000001", "branch", branch,
                "shiftStart", start.toString(), "shiftEnd", start.plus(Duration.ofHours(8)).toString()));
        assertThat(counts.get("called").asLong()).isEqualTo(residents);
        assertThat(counts.get("answered").asLong()).isEqualTo(1);
        assertThat(counts.get("unanswered").asLong()).isEqualTo(residents - 1);
        assertThat(counts.get("reporting").asLong()).isEqualTo(1);
        assertThat(counts.get("posted").asLong()).isEqualTo(1);

        // The street counts only its own residents' rows (and cannot see the emergency at all if the zone misses its communities).
        long streetResidents = jdbc.sql("""
                SELECT COUNT(*) FROM member m JOIN community c ON c.id = m.community_id JOIN street s ON s.id = c.street_id
                WHERE c.code IN (:c) AND s.code = '440103001'""").param("c", List.of(home, paired)).query(Long.class).single();
        Api.Response streetCounts = calls.get("street", path);
        if (streetResidents > 0) {
            assertThat(streetCounts.json().get("called").asLong()).isEqualTo(streetResidents);
            assertThat(calls.get("street", BASE + "/" + id).json().get("zone").size()).isLessThanOrEqualTo(2);
        } else {
            assertThat(streetCounts.status()).isEqualTo(403);
        }

        // Stand-down: the branch dissolves, every record stays, nothing more is accepted.
        clock.advance(Duration.ofDays(3));
        JsonNode stood = ok(calls, "committee", BASE + "/" + id + "/stand-down", Map.of());
        assertThat(stood.get("emergency").get("state").asString()).isEqualTo("STOOD_DOWN");
        assertThat(stood.get("branches").get(0).get("state").asString()).isEqualTo("DISSOLVED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_org WHERE code = :c AND dissolved_on IS NOT NULL").param("c", "TB" + branch)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(stood.get("zone")).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c").param("c", callUp).query(Long.class).single())
                .isEqualTo(residents);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM temporary_membership WHERE temporary_branch_id = :b").param("b", branch)
                .query(Long.class).single()).isEqualTo(4);
        Api.Response rezone = api.send("committee", () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put(BASE + "/" + id + "/zone").contentType("application/json").content("{\"areas\":[]}"));
        assertThat(rezone.status()).isEqualTo(409);
        assertThat(rezone.text()).contains("已于").contains("解除");
        assertThat(calls.post("committee", BASE + "/" + id + "/stand-down", Map.of()).status()).isEqualTo(409);
        assertThat(calls.post("committee", BASE + "/" + id + "/teams", Map.of("kind", "VANGUARD", "name", "迟到的队", "lead", "DY000001"))
                .status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'STOOD_DOWN'").param("e", id)
                .query(Long.class).single()).isEqualTo(1);

        // Nobody's own membership moved.
        assertThat(memberships()).isEqualTo(membershipsBefore);
    }

    @Test
    void aTemporaryBranchRefusesRecruitmentDuesAndElections() {
        TemporaryBranch branch = new TemporaryBranch(1L, 1L, "隔离酒店临时党支部", TemporaryBranch.State.APPROVED, "committee", Instant.now(), null);
        assertThatThrownBy(branch::recruit).isInstanceOf(ConflictException.class).hasMessageContaining("不发展党员");
        assertThatThrownBy(branch::collectDues).isInstanceOf(ConflictException.class).hasMessageContaining("不收缴党费");
        assertThatThrownBy(branch::elect).isInstanceOf(ConflictException.class).hasMessageContaining("不进行换届选举");
    }

    @Test
    void aTemporaryBranchIsNobodysHomeOrganisation() {
        CallsClient calls = new CallsClient(context);
        String community = jdbc.sql("SELECT MIN(code) FROM community").query(String.class).single();
        long id = ok(calls, "committee", BASE, Map.of("code", "E-HOME", "name", "隔离酒店保障", "kind", "EPIDEMIC",
                "zone", List.of(Map.of("community", community, "control", "CONTROLLED")))).get("emergency").get("id").asLong();
        long branch = ok(calls, "committee", BASE + "/" + id + "/temporary-branches", Map.of("name", "隔离酒店临时党支部",
                "siteKind", "QUARANTINE_HOTEL", "siteName", "东山宾馆", "community", community, "secretary", "DY000001")).get("id").asLong();
        ok(calls, "committee", BASE + "/" + id + "/temporary-branches/" + branch + "/approve", Map.of());
        long home = jdbc.sql("SELECT party_org_id FROM member WHERE code = 'DY000001'").query(Long.class).single();

        String header = "党员编号,姓名,性别,出生日期,身份证号,手机号,党员类别,入党日期,所在党组织编码,工作单位编码,居住社区编码,党内职务,党务干部";
        String rows = "DY990001,新党员,男,,,,正式党员,,TB" + branch + ",,,,\r\n";
        Api.Response imported = api.upload("committee", "/api/v1/directory/imports/members", "党员.csv",
                ("\uFEFF" + header + "\r\n" + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(422);
        assertThat(imported.text()).contains("临时党支部不接转组织关系").contains("不发展党员").contains("不收缴党费");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE code = 'DY990001'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT party_org_id FROM member WHERE code = 'DY000001'").query(Long.class).single()).isEqualTo(home);
    }

    @Test
    void everyEmergencyFigureEqualsItsListAndGrowsWithOneMoreRecord() {
        CallsClient calls = new CallsClient(context);
        String community = jdbc.sql("SELECT MAX(code) FROM community").query(String.class).single();
        JsonNode before = calls.get("committee", "/api/v1/figures").json();
        long id = ok(calls, "committee", BASE, Map.of("code", "E-FIG", "name", "台风防御", "kind", "TYPHOON",
                "zone", List.of(Map.of("community", community, "control", "CONTROLLED")))).get("emergency").get("id").asLong();
        String resident = jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN community c ON c.id = m.community_id WHERE c.code = :c
                AND m.id NOT IN (SELECT member_id FROM call_up_member WHERE answer = 'REPORTING')""").param("c", community)
                .query(String.class).single();
        long branch = ok(calls, "committee", BASE + "/" + id + "/temporary-branches", Map.of("name", "防汛卡口临时党支部",
                "siteKind", "CHECKPOINT", "siteName", "江边卡口", "community", community, "secretary", resident)).get("id").asLong();
        ok(calls, "committee", BASE + "/" + id + "/temporary-branches/" + branch + "/approve", Map.of());
        ok(calls, "committee", BASE + "/" + id + "/teams", Map.of("kind", "COMMANDO", "name", "抢险突击队", "lead", resident, "community", community));
        ok(calls, "committee", BASE + "/" + id + "/teams", Map.of("kind", "VANGUARD", "name", "党群先锋队", "lead", resident, "community", community));
        long callUp = ok(calls, "committee", BASE + "/" + id + "/call-ups", Map.of("title", "抢险动员", "zone", true)).get("id").asLong();
        callUps.answer(new org.ronghe.platform.CurrentUser(0, "m-" + resident, resident, org.ronghe.platform.Role.MEMBER, resident), id,
                callUp, new CallUpDesk.AnswerRequest("REPORTING", null));

        JsonNode after = calls.get("committee", "/api/v1/figures").json();
        for (String key : List.of("emergencies", "temporaryBranches", "commandoTeams", "vanguardTeams", "mobilisedMembers")) {
            assertThat(after.get(key).asLong()).as(key).isEqualTo(before.get(key).asLong() + 1);
        }
        for (String user : List.of("committee", "secretary", "street", "community", "member")) {
            JsonNode figures = calls.get(user, "/api/v1/figures").json();
            assertThat(total(calls, user, BASE)).as(user).isEqualTo(figures.get("emergencies").asLong());
            assertThat(total(calls, user, BASE + "/temporary-branches?founded=true")).as(user).isEqualTo(figures.get("temporaryBranches").asLong());
            assertThat(total(calls, user, BASE + "/teams?kind=COMMANDO")).as(user).isEqualTo(figures.get("commandoTeams").asLong());
            assertThat(total(calls, user, BASE + "/teams?kind=VANGUARD")).as(user).isEqualTo(figures.get("vanguardTeams").asLong());
            assertThat(total(calls, user, BASE + "/mobilised-members")).as(user).isEqualTo(figures.get("mobilisedMembers").asLong());
        }
    }

    private static long total(CallsClient calls, String user, String path) {
        return calls.get(user, path).json().get("total").asLong();
    }

    private Map<String, Long> memberships() {
        Map<String, Long> all = new java.util.HashMap<>();
        jdbc.sql("SELECT code, party_org_id FROM member").query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    private static JsonNode ok(CallsClient calls, String user, String path, Object body) {
        Api.Response response = calls.post(user, path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }
}
