package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.MINUTE;
import static org.ronghe.calls.CallsClient.instant;
import static org.ronghe.calls.CallsClient.shanghai;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TimerDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Residents' needs in an emergency: a need is a call of urgency EMERGENCY with short limits on the clock, routed to
 * the emergency's team in the community (dispatched to the organ of its lead, 区民政局 JG001, whose member 徐燕 DY000001
 * leads the team), shown on the board as open by community until its call closes. The story runs on a Saturday night,
 * 6 March 2027: the working calendar would not count a minute of it.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_needs")
class NeedTests {

    static final String BASE = "/api/v1/emergencies";
    static final String HOME = "440103001001";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    TimerDriver timers;
    @Autowired
    Pages pages;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(String shanghaiTime) {
        CallsClient.moveTo(clock, LocalDateTime.parse(shanghaiTime));
        timers.runDue();
    }

    @Test
    void anEmergencyNeedOnASaturdayNightGetsTheShortLimitsIsUrgedEscalatedAndLeavesTheBoardWhenClosed() {
        at("2027-03-06T21:00");
        long id = declare("NEED-1", List.of(Map.of("community", HOME, "control", "SEALED")));
        long team = team(id, HOME, "“仁涌”党员突击队");

        at("2027-03-06T22:00");
        JsonNode raised = calls.raise("community", "NEED_MEDICINE", "独居老人降压药断供", "urgency", "EMERGENCY");
        long call = raised.get("id").asLong();
        assertThat(raised.get("urgency").asString()).isEqualTo("EMERGENCY");
        assertThat(raised.get("state").asString()).isEqualTo("DISPATCHED");
        // 15 minutes to accept and 2 hours to reply, on the clock: Saturday night counts.
        assertThat(instant(raised.get("acceptBy"))).isCloseTo(shanghai("2027-03-06T22:15"), MINUTE);
        assertThat(instant(raised.get("replyBy"))).isCloseTo(shanghai("2027-03-07T00:00"), MINUTE);
        assertThat(calls.instant(call, "urge_at")).isCloseTo(shanghai("2027-03-06T23:36"), MINUTE);
        assertThat(calls.instant(call, "escalate_again_at")).isCloseTo(shanghai("2027-03-07T00:30"), MINUTE);

        // Routed to the community's team, dispatched to the organ of its lead.
        assertThat(needTeam(call)).isEqualTo(team);
        assertThat(calls.call("committee", call).get("lead").toString()).contains("JG001");
        JsonNode open = calls.get("committee", BASE + "/" + id + "/needs?open=true").json();
        assertThat(open.get("total").asLong()).isEqualTo(1);
        assertThat(open.get("items").get(0).get("kind").asString()).isEqualTo("MEDICINE");
        assertThat(open.get("items").get(0).get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(open.get("items").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(pages.open("member", "/emergencies/mine/needs").html()).contains("独居老人降压药断供");

        at("2027-03-06T22:14");
        assertThat(calls.events(call, CallEvent.Type.ACCEPT_OVERDUE)).isZero();
        at("2027-03-06T22:16");
        assertThat(calls.events(call, CallEvent.Type.ACCEPT_OVERDUE)).isEqualTo(1);
        at("2027-03-06T23:35");
        assertThat(calls.events(call, CallEvent.Type.URGED)).isZero();
        at("2027-03-06T23:37");
        assertThat(calls.events(call, CallEvent.Type.URGED)).isEqualTo(1);
        assertThat(calls.noticeOrgans(call, "URGED")).containsExactly("JG001");
        at("2027-03-07T00:01");
        assertThat(calls.events(call, CallEvent.Type.ESCALATED)).isEqualTo(1);
        assertThat(calls.noticeOrgans(call, "ESCALATED")).containsExactly("JG001");
        at("2027-03-07T00:29");
        assertThat(calls.events(call, CallEvent.Type.ESCALATED_AGAIN)).isZero();
        at("2027-03-07T00:31");
        assertThat(calls.events(call, CallEvent.Type.ESCALATED_AGAIN)).isEqualTo(1);
        assertThat(calls.noticeLeaders(call, "ESCALATED_AGAIN")).isEqualTo(calls.liaisonLeaders("440103001")).isNotEmpty();

        // The board: one open, overdue medicine need in the community, each count leading to exactly that need.
        var board = pages.open("committee", "/emergencies/" + id + "/needs");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.html()).doesNotContain("??").contains("class=\"need-community late\"")
                .contains("id=\"needs-open-total\">1<").contains("id=\"needs-overdue-total\">1<");
        JsonNode overdue = calls.get("committee", BASE + "/" + id + "/needs?overdue=true&community=" + HOME).json();
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("callId").asLong()).isEqualTo(call);
        assertThat(pages.open("committee", "/emergencies/" + id + "/needs?open=true&kind=MEDICINE&community=" + HOME).html())
                .contains("独居老人降压药断供");

        // The organ answers, the community rates: the call closes and the need leaves the board's open count.
        calls.ok("secretary", call, "accept", null);
        calls.ok("secretary", call, "reply", Map.of("text", "已由突击队送药上门"));
        calls.ok("community", call, "rate", Map.of("rating", "SATISFIED", "solved", true));
        assertThat(calls.get("committee", BASE + "/" + id + "/needs?open=true").json().get("total").asLong()).isZero();
        JsonNode closed = calls.get("committee", BASE + "/" + id + "/needs?open=false").json();
        assertThat(closed.get("total").asLong()).isEqualTo(1);
        assertThat(closed.get("items").get(0).get("state").asString()).isEqualTo("CLOSED");
        assertThat(pages.open("committee", "/emergencies/" + id + "/needs").html()).contains("id=\"needs-open-total\">0<");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'NEED_ROUTED'").param("e", id)
                .query(Long.class).single()).isEqualTo(1);

        standDown(id);
    }

    @Test
    void needsAreRoutedOnlyInsideAnActiveZoneToATeamOfTheCommunityOrElseOfItsStreet() {
        String neighbour = jdbc.sql("""
                SELECT MIN(c.code) FROM community c JOIN street s ON s.id = c.street_id WHERE s.code = '440103001' AND c.code <> :h""")
                .param("h", HOME).query(String.class).single();
        String far = jdbc.sql("SELECT MIN(c.code) FROM community c JOIN street s ON s.id = c.street_id WHERE s.code <> '440103001'")
                .query(String.class).single();
        String outside = jdbc.sql("""
                SELECT MIN(c.code) FROM community c JOIN street s ON s.id = c.street_id WHERE s.code <> '440103001' AND c.code <> :f""")
                .param("f", far).query(String.class).single();
        long id = declare("NEED-2", List.of(Map.of("community", HOME, "control", "CONTROLLED"),
                Map.of("community", neighbour, "control", "CONTROLLED"), Map.of("community", far, "control", "CONTROLLED")));
        long team = team(id, HOME, "仁涌党群先锋队");

        // No team in the neighbouring community: the team of its street takes it.
        long nextDoor = calls.raiseId("committee", "NEED_FOOD", "隔壁社区缺米面", "urgency", "EMERGENCY", "community", neighbour);
        assertThat(needTeam(nextDoor)).isEqualTo(team);
        assertThat(calls.state(nextDoor)).isEqualTo("DISPATCHED");
        // No team in the far street: recorded, unrouted, the call waits for the dispatcher.
        long unrouted = calls.raiseId("committee", "NEED_TRANSPORT", "透析病人需送医", "urgency", "EMERGENCY", "community", far);
        assertThat(needRows(unrouted)).isEqualTo(1);
        assertThat(needTeam(unrouted)).isNull();
        assertThat(calls.state(unrouted)).isEqualTo("RAISED");
        assertThat(calls.get("committee", BASE + "/" + id + "/needs?unrouted=true").json().get("total").asLong()).isEqualTo(1);
        // Outside every active zone, or not an emergency: an ordinary call, no need.
        long elsewhere = calls.raiseId("committee", "NEED_FOOD", "范围外的需求", "urgency", "EMERGENCY", "community", outside);
        assertThat(needRows(elsewhere)).isZero();
        assertThat(calls.state(elsewhere)).isEqualTo("RAISED");
        long normal = calls.raiseId("community", "NEED_OTHER", "一般诉求", "urgency", "NORMAL");
        assertThat(needRows(normal)).isZero();

        // The quick entry form: community staff enter a need on the board page, once per form key.
        var form = pages.open("community", "/emergencies/" + id + "/needs");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("id=\"need-form\"").doesNotContain("??");
        for (int i = 0; i < 2; i++) {
            var entered = pages.open("community", MockMvcRequestBuilders.post("/emergencies/" + id + "/needs").with(csrf())
                    .param("community", HOME).param("kind", "FOOD").param("title", "封控楼栋缺生活物资").param("contactName", "王先生")
                    .param("contactPhone", "13900139000").param("key", "need-form-1"));
            assertThat(entered.status()).isEqualTo(302);
        }
        List<Long> entered = jdbc.sql("SELECT id FROM call WHERE title = '封控楼栋缺生活物资'").query(Long.class).list();
        assertThat(entered).hasSize(1);
        assertThat(needTeam(entered.get(0))).isEqualTo(team);
        assertThat(calls.call("community", entered.get(0)).get("urgency").asString()).isEqualTo("EMERGENCY");
        assertThat(pages.open("secretary", MockMvcRequestBuilders.post("/emergencies/" + id + "/needs").with(csrf())
                .param("community", HOME).param("kind", "FOOD").param("title", "x").param("key", "k")).status()).isEqualTo(403);

        // The street sees only its communities' needs; the far street's unrouted need is not its business.
        JsonNode street = calls.get("street", BASE + "/" + id + "/needs").json();
        assertThat(CallsClient.texts(street.get("items"), "community")).doesNotContain(far);
        // A need's title names a resident: members and organ secretaries get no community's list (they see calls).
        for (String reader : List.of("member", "secretary")) {
            assertThat(calls.get(reader, BASE + "/" + id + "/needs").status()).as(reader).isEqualTo(403);
            assertThat(pages.open(reader, "/emergencies/" + id + "/needs").status()).as(reader).isEqualTo(403);
        }
        assertThat(pages.open("member", "/emergencies/mine/needs").status()).isEqualTo(200);

        // After the stand-down nothing is routed any more.
        standDown(id);
        long late = calls.raiseId("community", "NEED_MEDICINE", "解除后的需求", "urgency", "EMERGENCY");
        assertThat(needRows(late)).isZero();
        assertThat(calls.state(late)).isEqualTo("RAISED");
        assertThat(pages.open("community", "/emergencies/" + id + "/needs").html()).doesNotContain("id=\"need-form\"");
    }

    private long declare(String code, List<Map<String, String>> zone) {
        Api.Response declared = calls.post("committee", BASE, Map.of("code", code, "name", code + " 应急", "kind", "EPIDEMIC", "zone", zone),
                "Idempotency-Key", "declare-" + code);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        return declared.json().get("emergency").get("id").asLong();
    }

    private long team(long emergency, String community, String name) {
        Api.Response team = calls.post("committee", BASE + "/" + emergency + "/teams", Map.of("kind", "COMMANDO", "name", name,
                "lead", "DY000001", "community", community), "Idempotency-Key", "team-" + emergency);
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        return team.json().get("id").asLong();
    }

    private void standDown(long emergency) {
        assertThat(calls.post("committee", BASE + "/" + emergency + "/stand-down", Map.of()).status()).isEqualTo(200);
    }

    private Long needTeam(long call) {
        return jdbc.sql("SELECT team_id FROM emergency_need WHERE call_id = :c").param("c", call).query(Long.class).optional().orElse(null);
    }

    private long needRows(long call) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency_need WHERE call_id = :c").param("c", call).query(Long.class).single();
    }
}
