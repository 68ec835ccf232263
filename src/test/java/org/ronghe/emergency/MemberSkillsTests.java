package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Skills are recorded once however often they are sent, withdrawn with a reason and never deleted, imported all or
 * nothing; a call-up by skill reaches only members whose skill is not withdrawn.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_skills")
class MemberSkillsTests {

    static final String BASE = "/api/v1/member-skills";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;

    @Test
    void aSkillIsRecordedOnceWithdrawnWithItsReasonAndOnlyCurrentSkillsAreCalledUp() {
        CallsClient calls = new CallsClient(context);
        List<String> residents = jdbc.sql("""
                SELECT m.code FROM member m JOIN community c ON c.id = m.community_id
                WHERE c.code = (SELECT MIN(code) FROM community) ORDER BY m.code LIMIT 3""").query(String.class).list();
        assertThat(residents).hasSize(3);

        Api.Response first = calls.post("committee", BASE, Map.of("member", residents.get(0), "skill", "医护"));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Api.Response again = calls.post("committee", BASE, Map.of("member", residents.get(0), "skill", "医护"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("added").asBoolean()).isFalse();
        assertThat(calls.post("committee", BASE, Map.of("member", residents.get(1), "skill", "医护")).status()).isEqualTo(201);
        assertThat(calls.post("committee", BASE, Map.of("member", "NOSUCH", "skill", "医护")).status()).isEqualTo(400);
        assertThat(calls.post("committee", BASE, Map.of("member", residents.get(0), "skill", "")).status()).isEqualTo(400);
        assertThat(calls.post("member", BASE, Map.of("member", residents.get(0), "skill", "驾驶")).status()).isEqualTo(403);
        assertThat(api.get("committee", BASE + "?skill=医护").json().get("total").asLong()).isEqualTo(2);

        // Withdrawn with a reason: the row stays, the list of current skills drops it, a second withdrawal is refused.
        assertThat(calls.post("committee", BASE + "/withdraw", Map.of("member", residents.get(1), "skill", "医护")).status()).isEqualTo(400);
        Api.Response withdrawn = calls.post("committee", BASE + "/withdraw", Map.of("member", residents.get(1), "skill", "医护",
                "reason", "执业证书过期"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(calls.post("committee", BASE + "/withdraw", Map.of("member", residents.get(1), "skill", "医护", "reason", "再撤"))
                .status()).isEqualTo(409);
        assertThat(api.get("committee", BASE + "?skill=医护").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("committee", BASE + "?skill=医护&withdrawn=true").json().get("items").get(0).get("withdrawnReason").asString())
                .isEqualTo("执业证书过期");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_skill WHERE skill = '医护'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_skill_event WHERE skill = '医护'").query(Long.class).single()).isEqualTo(3);

        // A call-up by skill reaches the one member whose skill stands.
        String community = jdbc.sql("SELECT MIN(code) FROM community").query(String.class).single();
        long id = calls.post("committee", "/api/v1/emergencies", Map.of("code", "E-SKILL", "name", "医护动员", "kind", "EPIDEMIC",
                "zone", List.of(Map.of("community", community, "control", "CONTROLLED")))).json().get("emergency").get("id").asLong();
        Api.Response called = calls.post("committee", "/api/v1/emergencies/" + id + "/call-ups", Map.of("title", "医护人员集结",
                "skills", List.of("医护")));
        assertThat(called.status()).as(called.text()).isEqualTo(201);
        assertThat(called.json().get("called").asInt()).isEqualTo(1);

        // The import: every bad row listed, nothing recorded; then a good file records what is new.
        String bad = "\uFEFF党员编号,特长\r\n" + residents.get(2) + ",驾驶\r\nNOSUCH,驾驶\r\n" + residents.get(2) + ",驾驶\r\n,心理疏导\r\n";
        Api.Response rejected = api.upload("committee", BASE + "/imports", "特长.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(422);
        assertThat(rejected.text()).contains("党员不存在").contains("文件中重复出现").contains("\"row\":5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_skill WHERE skill = '驾驶'").query(Long.class).single()).isZero();
        String good = "\uFEFF党员编号,特长\r\n" + residents.get(2) + ",驾驶\r\n" + residents.get(0) + ",医护\r\n" + residents.get(1) + ",医护\r\n";
        Api.Response imported = api.upload("committee", BASE + "/imports", "特长.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(imported.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(api.get("committee", BASE + "?skill=医护").json().get("total").asLong()).isEqualTo(2);
    }
}
