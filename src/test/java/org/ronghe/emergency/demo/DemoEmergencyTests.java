package org.ronghe.emergency.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.emergency.Shifts;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The small demo district gets last year's emergency in proportion to its communities, recorded through the desks
 * and stood down: every figure comes from the rows the desks wrote, and each grows by one with one more record.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=demo_emergency", "ronghe.demo.emergency=full"})
class DemoEmergencyTests {

    static final List<String> FIGURES = List.of("emergencies", "temporaryBranches", "commandoTeams", "vanguardTeams", "mobilisedMembers",
            "stationedCadres", "coveredCommunities");
    static final String BASE = "/api/v1/emergencies";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void lastYearsEmergencyIsOnRecordStoodDownWithItsBranchesDissolved() {
        String code = "YJ" + (LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1) + "001";
        int communities = jdbc.sql("SELECT COUNT(*) FROM community").query(Integer.class).single();
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("emergencies").asLong()).isEqualTo(1);
        assertThat(figures.get("temporaryBranches").asLong()).isEqualTo(DemoEmergency.scaled(141, communities));
        assertThat(figures.get("commandoTeams").asLong()).isEqualTo(DemoEmergency.scaled(395, communities));
        assertThat(figures.get("vanguardTeams").asLong()).isEqualTo(DemoEmergency.scaled(662, communities));
        assertThat(figures.get("coveredCommunities").asLong()).isEqualTo(communities);
        long members = jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single();
        long reported = jdbc.sql("SELECT COUNT(DISTINCT member_id) FROM call_up_member WHERE answer = 'REPORTING'").query(Long.class).single();
        assertThat(figures.get("mobilisedMembers").asLong()).isEqualTo(reported).isGreaterThan(members * 9 / 10).isLessThan(members);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE answer IS NULL").query(Long.class).single()).isZero();
        long compounds = jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT community_id, TRIM(compound) FROM household"
                + " WHERE compound IS NOT NULL AND TRIM(compound) <> '') x").query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stationing WHERE level = 'COMPOUND'").query(Long.class).single()).isEqualTo(compounds);
        long people = jdbc.sql("SELECT COUNT(*) FROM stationing_member").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(DISTINCT leader_id) FROM stationing WHERE leader_id IS NOT NULL").query(Long.class).single();
        assertThat(figures.get("stationedCadres").asLong()).isEqualTo(people).isEqualTo(compounds * 3 + communities
                + jdbc.sql("SELECT COUNT(DISTINCT leader_id) FROM liaison WHERE ended_on IS NULL").query(Long.class).single());

        assertThat(jdbc.sql("SELECT state FROM emergency WHERE code = :c").param("c", code).query(String.class).single()).isEqualTo("STOOD_DOWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM temporary_branch WHERE state <> 'DISSOLVED'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_org p JOIN temporary_branch b ON b.party_org_id = p.id WHERE p.dissolved_on IS NULL")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_area WHERE until IS NULL").query(Long.class).single()).isEqualTo(communities);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_command WHERE ended_at IS NULL").query(Long.class).single()).isEqualTo(15);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE kind = 'BRANCH_APPROVED'").query(Long.class).single())
                .isEqualTo(DemoEmergency.scaled(141, communities));
        // The coverage board of the emergency's first 72 hours has no gap.
        long id = jdbc.sql("SELECT id FROM emergency WHERE code = :c").param("c", code).query(Long.class).single();
        Instant began = jdbc.sql("SELECT started_at FROM emergency WHERE id = :e").param("e", id).query(java.time.OffsetDateTime.class)
                .single().toInstant();
        JsonNode board = api.get("committee", BASE + "/" + id + "/coverage?from=" + Shifts.startOf(began, CallsClient.SHANGHAI)).json();
        assertThat(board.get("places").asLong()).isGreaterThan(communities);
        board.get("rows").forEach(r -> assertThat(r.get("gaps").asInt()).as(r.get("key").asString()).isZero());

        // One more record of each kind: each figure grows by one.
        CallsClient calls = new CallsClient(context);
        Map<String, Long> before = counts();
        String street = jdbc.sql("SELECT MIN(code) FROM street").query(String.class).single();
        Api.Response imported = api.upload("committee", "/api/v1/directory/imports/communities", "社区.csv",
                ("\uFEFF社区编码,社区名称,所属街道编码,户数,人口,纬度,经度\r\nT-COVER1,新建社区," + street + ",,,,\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        String home = jdbc.sql("SELECT MIN(c.code) FROM community c JOIN member m ON m.community_id = c.id").query(String.class).single();
        Api.Response declared = calls.post("committee", BASE, Map.of("code", "E-PLUS", "name", "再加一条", "kind", "FLOOD",
                "zone", List.of(Map.of("community", "T-COVER1", "control", "CONTROLLED"), Map.of("community", home, "control", "SEALED"))));
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long plus = declared.json().get("emergency").get("id").asLong();
        String path = BASE + "/" + plus;
        List<String> idle = jdbc.sql("""
                SELECT code FROM member WHERE id NOT IN (SELECT member_id FROM call_up_member WHERE answer = 'REPORTING')
                AND id NOT IN (SELECT member_id FROM stationing_member) AND organ_id IS NOT NULL ORDER BY id""").query(String.class).list();
        assertThat(idle).as("members who could not report last year").isNotEmpty();
        String member = idle.get(0);
        long branch = created(calls, path + "/temporary-branches", Map.of("name", "卡口临时党支部", "siteKind", "CHECKPOINT", "siteName", "东门卡口",
                "community", home, "secretary", member));
        assertThat(calls.post("committee", path + "/temporary-branches/" + branch + "/approve", Map.of()).status()).isEqualTo(200);
        created(calls, path + "/teams", Map.of("kind", "COMMANDO", "name", "突击队", "lead", member, "community", home));
        created(calls, path + "/teams", Map.of("kind", "VANGUARD", "name", "先锋队", "lead", member, "community", home));
        String organ = jdbc.sql("SELECT o.code FROM organ o JOIN member m ON m.organ_id = o.id WHERE m.code = :m").param("m", member)
                .query(String.class).single();
        long callUp = created(calls, path + "/call-ups", Map.of("title", "再次动员", "organs", List.of(organ)));
        Api.Response answered = calls.post("committee", path + "/call-ups/" + callUp + "/answers",
                Map.of("answers", List.of(Map.of("member", member, "answer", "REPORTING"))));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        Instant shift = Shifts.startOf(Instant.now(), CallsClient.SHANGHAI);
        created(calls, path + "/stationings", Map.of("level", "COMMUNITY", "community", "T-COVER1", "members", List.of(member),
                "shiftStart", shift.toString(), "shiftEnd", Shifts.after(shift, 1, CallsClient.SHANGHAI).toString()));
        Map<String, Long> after = counts();
        FIGURES.forEach(f -> assertThat(after.get(f)).as(f).isEqualTo(before.get(f) + 1));
    }

    private Map<String, Long> counts() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        Map<String, Long> counts = new LinkedHashMap<>();
        FIGURES.forEach(f -> counts.put(f, figures.get(f).asLong()));
        return counts;
    }

    private static long created(CallsClient calls, String path, Map<String, Object> body) {
        Api.Response response = calls.post("committee", path, body);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
