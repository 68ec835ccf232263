package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Stationing during an emergency declared on two communities, with the clock an hour into a shift: a division-level
 * cadre at one community for the first three shifts and a three-person team at its compound for the second; the
 * coverage board shows exactly those cells staffed, gaps first, and moves with the clock; a person is never at two
 * places at once, a team has three, a place lies in the zone; withdrawing reopens the gap; stand-down ends changes.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=stationing_scenario")
class StationingTests {

    static final String BASE = "/api/v1/emergencies";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    org.ronghe.support.Pages pages;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theBoardShowsTheRightGapsAtTheRightShiftsAndFollowsTheClock() {
        CallsClient calls = new CallsClient(context);
        // An hour into the next shift, so no shift boundary passes while the scenario runs.
        Instant next = Shifts.after(Shifts.startOf(clock.instant(), clock.getZone()), 1, clock.getZone());
        CallsClient.moveTo(clock, next.plus(Duration.ofHours(1)));
        List<String> communities = jdbc.sql("SELECT c.code FROM community c WHERE EXISTS (SELECT 1 FROM household h WHERE h.community_id = c.id"
                + " AND h.compound IS NOT NULL) ORDER BY c.code LIMIT 3").query(String.class).list();
        String a = communities.get(0);
        String b = communities.get(1);
        String outside = communities.get(2);
        String compound = jdbc.sql("SELECT MIN(h.compound) FROM household h JOIN community c ON c.id = h.community_id WHERE c.code = :c")
                .param("c", a).query(String.class).single();
        long compoundsInZone = jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT DISTINCT h.community_id, h.compound FROM household h JOIN community c ON c.id = h.community_id
                WHERE c.code IN (:c) AND h.compound IS NOT NULL) x""").param("c", List.of(a, b)).query(Long.class).single();
        long streetsInZone = jdbc.sql("SELECT COUNT(DISTINCT street_id) FROM community WHERE code IN (:c)").param("c", List.of(a, b))
                .query(Long.class).single();
        String street = jdbc.sql("SELECT s.code FROM street s JOIN community c ON c.street_id = s.id WHERE c.code = :c").param("c", a)
                .query(String.class).single();
        String leader = jdbc.sql("SELECT MIN(code) FROM leader").query(String.class).single();
        List<String> members = jdbc.sql("SELECT code FROM member ORDER BY code LIMIT 6").query(String.class).list();
        JsonNode figuresBefore = calls.get("committee", "/api/v1/figures").json();

        long id = ok(calls, "committee", BASE, Map.of("code", "E-ST", "name", "驻点演练", "kind", "EPIDEMIC",
                "zone", List.of(Map.of("community", a, "control", "SEALED"), Map.of("community", b, "control", "CONTROLLED"))))
                .get("emergency").get("id").asLong();
        String path = BASE + "/" + id;
        JsonNode empty = ok(calls, "committee", path + "/coverage", null);
        List<Instant> shifts = new ArrayList<>();
        empty.get("shifts").forEach(s -> shifts.add(Instant.parse(s.get("start").asString())));
        assertThat(shifts).hasSize(9).first().isEqualTo(next);
        assertThat(empty.get("shifts").get(0).get("current").asBoolean()).isTrue();
        assertThat(empty.get("places").asLong()).isEqualTo(streetsInZone + 2 + compoundsInZone);
        assertThat(empty.get("gapsNow").asLong()).isEqualTo(empty.get("places").asLong());

        // A cadre at community a for shifts 1–3, once per key; a team of three at a's compound for shift 2.
        Map<String, Object> cadre = Map.of("level", "COMMUNITY", "community", a, "members", List.of(members.get(0)),
                "shiftStart", shifts.get(0).toString(), "shiftEnd", shifts.get(3).toString());
        Api.Response stationed = calls.post("committee", path + "/stationings", cadre, "Idempotency-Key", "cadre-1");
        assertThat(stationed.status()).as(stationed.text()).isEqualTo(201);
        Api.Response replayed = calls.post("committee", path + "/stationings", cadre, "Idempotency-Key", "cadre-1");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("id").asLong()).isEqualTo(stationed.json().get("id").asLong());
        long team = ok(calls, "committee", path + "/stationings", Map.of("level", "COMPOUND", "community", a, "compound", compound,
                "members", members.subList(1, 4), "shiftStart", shifts.get(1).toString(), "shiftEnd", shifts.get(2).toString()))
                .get("id").asLong();

        JsonNode board = ok(calls, "committee", path + "/coverage", null);
        assertThat(staffed(board, "COMMUNITY|" + a)).containsExactly(0, 1, 2);
        assertThat(staffed(board, "COMPOUND|" + a + "|" + compound)).containsExactly(1);
        assertThat(cell(board, "COMPOUND|" + a + "|" + compound, 1).get("who")).hasSize(3);
        board.get("rows").forEach(r -> {
            if (!r.get("key").asString().equals("COMMUNITY|" + a) && !r.get("key").asString().equals("COMPOUND|" + a + "|" + compound)) {
                assertThat(r.get("gaps").asInt()).as(r.get("key").asString()).isEqualTo(9);
            }
        });
        List<Integer> gaps = new ArrayList<>();
        board.get("rows").forEach(r -> gaps.add(r.get("gaps").asInt()));
        assertThat(gaps).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(board.get("rows").get(board.get("rows").size() - 1).get("key").asString()).isEqualTo("COMMUNITY|" + a);
        assertThat(board.get("gapsNow").asLong()).isEqualTo(board.get("places").asLong() - 1);

        // Eight hours on, the window starts a shift later.
        clock.advance(Duration.ofHours(8));
        JsonNode later = ok(calls, "committee", path + "/coverage", null);
        assertThat(later.get("shifts").get(0).get("start").asString()).isEqualTo(shifts.get(1).toString());
        assertThat(staffed(later, "COMMUNITY|" + a)).containsExactly(0, 1);
        assertThat(staffed(later, "COMPOUND|" + a + "|" + compound)).containsExactly(0);
        JsonNode looked = ok(calls, "committee", path + "/coverage?from=" + shifts.get(0), null);
        assertThat(staffed(looked, "COMMUNITY|" + a)).containsExactly(0, 1, 2);
        clock.advance(Duration.ofHours(-8));

        // Refused: the cadre elsewhere in an overlapping shift, a team of two, a community outside the zone, a ragged shift.
        Api.Response overlap = calls.post("committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", b,
                "members", List.of(members.get(0)), "shiftStart", shifts.get(2).toString(), "shiftEnd", shifts.get(4).toString()));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.text()).contains("同一人不能在重叠的班次驻点两处");
        Api.Response two = calls.post("committee", path + "/stationings", Map.of("level", "COMPOUND", "community", a, "compound", compound,
                "members", members.subList(4, 6), "shiftStart", shifts.get(3).toString(), "shiftEnd", shifts.get(4).toString()));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.text()).contains("三名不同的党员");
        Api.Response away = calls.post("committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", outside,
                "members", List.of(members.get(4)), "shiftStart", shifts.get(3).toString(), "shiftEnd", shifts.get(4).toString()));
        assertThat(away.status()).isEqualTo(400);
        assertThat(away.text()).contains("不在应急范围内");
        Api.Response ragged = calls.post("committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", b,
                "members", List.of(members.get(4)), "shiftStart", shifts.get(3).plus(Duration.ofHours(1)).toString(),
                "shiftEnd", shifts.get(4).toString()));
        assertThat(ragged.status()).isEqualTo(400);
        // A shift already past may be recorded afterwards, but none before the shift the emergency began in.
        Api.Response early = calls.post("committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", b,
                "members", List.of(members.get(4)), "shiftStart", shifts.get(0).minus(Duration.ofHours(8)).toString(),
                "shiftEnd", shifts.get(0).toString()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text()).contains("不能早于应急状态开始时所在的班次");
        // The cadre may go to b once their shifts at a are over; a district leader holds the street.
        ok(calls, "committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", b, "members", List.of(members.get(0)),
                "shiftStart", shifts.get(3).toString(), "shiftEnd", shifts.get(4).toString()));
        ok(calls, "committee", path + "/stationings", Map.of("level", "STREET", "street", street, "leader", leader,
                "shiftStart", shifts.get(0).toString(), "shiftEnd", shifts.get(8).toString()));
        assertThat(staffed(ok(calls, "committee", path + "/coverage", null), "STREET|" + street)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        // Figures: the four members and the leader stationed, two communities covered; each equals its list.
        JsonNode figures = calls.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("stationedCadres").asLong()).isEqualTo(figuresBefore.get("stationedCadres").asLong() + 5);
        assertThat(figures.get("coveredCommunities").asLong()).isEqualTo(figuresBefore.get("coveredCommunities").asLong() + 2);
        for (String user : List.of("committee", "secretary", "street", "community", "member")) {
            JsonNode theirs = calls.get(user, "/api/v1/figures").json();
            assertThat(total(calls, user, BASE + "/stationed-cadres")).as(user).isEqualTo(theirs.get("stationedCadres").asLong());
            assertThat(total(calls, user, BASE + "/covered-communities")).as(user).isEqualTo(theirs.get("coveredCommunities").asLong());
        }

        // Withdrawing the team reopens its shift; the row stays.
        ok(calls, "committee", path + "/stationings/" + team + "/withdraw", Map.of());
        assertThat(staffed(ok(calls, "committee", path + "/coverage", null), "COMPOUND|" + a + "|" + compound)).isEmpty();
        assertThat(calls.post("committee", path + "/stationings/" + team + "/withdraw", Map.of()).status()).isEqualTo(409);
        assertThat(calls.get("committee", "/api/v1/figures").json().get("stationedCadres").asLong())
                .isEqualTo(figuresBefore.get("stationedCadres").asLong() + 2);
        assertThat(calls.get("committee", path + "/stationings").json().get("total").asLong()).isEqualTo(4);
        assertThat(events(id, "STATIONED")).isEqualTo(4);
        assertThat(events(id, "STATIONING_WITHDRAWN")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('STATIONED', 'STATIONING_WITHDRAWN')").query(Long.class).single())
                .isEqualTo(5);

        // After stand-down nothing more is stationed or withdrawn.
        ok(calls, "committee", path + "/stand-down", Map.of());
        Api.Response late = calls.post("committee", path + "/stationings", Map.of("level", "COMMUNITY", "community", b,
                "members", List.of(members.get(5)), "shiftStart", shifts.get(5).toString(), "shiftEnd", shifts.get(6).toString()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains("已于").contains("解除");
        assertThat(calls.post("committee", path + "/stationings/" + stationed.json().get("id").asLong() + "/withdraw", Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void aReaderBelowTheCommitteeSeesTheRowsOfTheirCommunities() {
        CallsClient calls = new CallsClient(context);
        List<String> all = jdbc.sql("SELECT code FROM community ORDER BY code").query(String.class).list();
        List<Map<String, Object>> zone = all.stream().map(c -> Map.<String, Object>of("community", c, "control", "CONTROLLED")).toList();
        long id = ok(calls, "committee", BASE, Map.of("code", "E-ST-SCOPE", "name", "全区驻点", "kind", "FLOOD", "zone", zone))
                .get("emergency").get("id").asLong();
        JsonNode committee = ok(calls, "committee", BASE + "/" + id + "/coverage", null);
        JsonNode street = ok(calls, "street", BASE + "/" + id + "/coverage", null);
        String streetCode = calls.user("street").scopeCode();
        assertThat(street.get("places").asLong()).isPositive().isLessThan(committee.get("places").asLong());
        street.get("rows").forEach(r -> assertThat(r.get("street").asString()).isEqualTo(streetCode));
        // On a phone: one street's places with a gap; the counts on top stay the zone's.
        String oneStreet = committee.get("rows").get(0).get("street").asString();
        long expected = 0;
        for (JsonNode r : committee.get("rows")) {
            expected += r.get("street").asString().equals(oneStreet) && r.get("gaps").asInt() > 0 ? 1 : 0;
        }
        JsonNode filtered = ok(calls, "committee", BASE + "/" + id + "/coverage?street=" + oneStreet + "&gaps=true", null);
        assertThat((long) filtered.get("rows").size()).isEqualTo(expected).isPositive().isLessThan(committee.get("rows").size());
        assertThat(filtered.get("places").asLong()).isEqualTo(committee.get("places").asLong());
        filtered.get("rows").forEach(r -> assertThat(r.get("street").asString()).isEqualTo(oneStreet));
        String page = pages.open("committee", "/emergencies/" + id + "/coverage?street=" + oneStreet + "&gaps=true").html();
        assertThat(page).contains("id=\"coverage-filter\"")
                .contains("hx-get=\"/emergencies/" + id + "/coverage-panel?street=" + oneStreet + "&amp;gaps=true\"")
                .doesNotContain("??");
        assertThat(page.split("class=\"coverage-row\"", -1).length - 1).isEqualTo((int) expected);
        // A member sees no board and no stationed cadre (the board names people a member does not see).
        assertThat(calls.get("member", BASE + "/" + id + "/coverage").status()).isEqualTo(403);
        assertThat(calls.get("member", BASE + "/stationed-cadres").json().get("total").asLong()).isZero();
        // An organ secretary sees the streets of the organ's paired communities but does not direct district leaders.
        Instant shift = Shifts.after(Shifts.startOf(clock.instant(), clock.getZone()), 1, clock.getZone());
        String pairedStreet = jdbc.sql("""
                SELECT MIN(s.code) FROM pairing p JOIN organ o ON o.id = p.organ_id JOIN community c ON c.id = p.community_id
                JOIN street s ON s.id = c.street_id WHERE o.code = 'JG001'""").query(String.class).single();
        Api.Response leader = calls.post("secretary", BASE + "/" + id + "/stationings", Map.of("level", "STREET", "street", pairedStreet,
                "leader", jdbc.sql("SELECT MIN(code) FROM leader").query(String.class).single(), "shiftStart", shift.toString(),
                "shiftEnd", Shifts.after(shift, 1, clock.getZone()).toString()));
        assertThat(leader.status()).as(leader.text()).isEqualTo(403);
        assertThat(calls.post("admin", BASE + "/" + id + "/stationings", Map.of("level", "COMMUNITY")).status()).isEqualTo(403);
    }

    private long events(long id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = :k").param("e", id).param("k", kind)
                .query(Long.class).single();
    }

    private static JsonNode cell(JsonNode board, String key, int shift) {
        for (JsonNode row : board.get("rows")) {
            if (row.get("key").asString().equals(key)) {
                return row.get("cells").get(shift);
            }
        }
        throw new AssertionError("no row " + key);
    }

    private static List<Integer> staffed(JsonNode board, String key) {
        List<Integer> staffed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            if (cell(board, key, i).get("staffed").asBoolean()) {
                staffed.add(i);
            }
        }
        return staffed;
    }

    private static long total(CallsClient calls, String user, String path) {
        return calls.get(user, path).json().get("total").asLong();
    }

    private static JsonNode ok(CallsClient calls, String user, String path, Object body) {
        Api.Response response = body == null ? calls.get(user, path) : calls.post(user, path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }
}
