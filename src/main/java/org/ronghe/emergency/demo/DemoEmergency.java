package org.ronghe.emergency.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ronghe.emergency.CallUpDesk;
import org.ronghe.emergency.EmergencyDesk;
import org.ronghe.emergency.OrganisationDesk;
import org.ronghe.emergency.Shifts;
import org.ronghe.emergency.StationingDesk;
import org.ronghe.platform.Audit;
import org.ronghe.visits.Compounds;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo district last year's emergency, shaped like the report's “521” epidemic and recorded through the
 * desks as the work committee would record it: the zone over every community, the “1+4+10+N” command, 141 temporary
 * branches, 395 commando and 662 vanguard teams (in the full district; in proportion to its communities otherwise),
 * vanguard posts, two call-ups answered by roll-call, the three-level stationing of the first 72 hours, and the
 * stand-down that dissolves the branches. Runs once after the other demo seeders; a marker row records it.
 * {@code ronghe.demo.emergency}: {@code full} (default) or {@code none}.
 */
@Component
@Order(70)
class DemoEmergency implements ApplicationRunner {

    static final String MARKER = "demo.emergency";
    static final int BRANCHES = 141;
    static final int COMMANDO_TEAMS = 395;
    static final int VANGUARD_TEAMS = 662;
    static final int COMMUNITIES = 212;
    static final int CANNOT_ONE_IN = 97;
    private static final Logger log = LoggerFactory.getLogger(DemoEmergency.class);
    private static final CurrentUser COMMITTEE = new CurrentUser(0, "committee", "区直机关工委", Role.COMMITTEE_ADMIN, null);
    private static final String[] SITES = {"TESTING_POINT", "COMPOUND", "CHECKPOINT", "CLINIC", "QUARANTINE_HOTEL"};
    private static final Map<String, String> SITE_NAMES = Map.of("TESTING_POINT", "核酸检测点", "COMPOUND", "封控小区",
            "CHECKPOINT", "防疫卡口", "CLINIC", "发热门诊", "QUARANTINE_HOTEL", "隔离酒店");
    private static final List<String> GROUPS = List.of("综合协调组", "流调溯源组", "核酸检测组", "隔离管控组", "物资保障组",
            "医疗救治组", "社区防控组", "宣传引导组", "安全稳定组", "督导检查组");
    private static final List<String> REASONS = List.of("居家隔离中", "正在外地出差", "本人住院治疗", "家中有病重老人需照料");

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final EmergencyDesk emergencies;
    private final OrganisationDesk organisations;
    private final CallUpDesk callUps;
    private final StationingDesk stationings;
    private final Compounds compounds;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String what;

    DemoEmergency(JdbcClient jdbc, DemoMarkers markers, EmergencyDesk emergencies, OrganisationDesk organisations, CallUpDesk callUps,
                  StationingDesk stationings, Compounds compounds, Audit audit, Clock clock, TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled,
                  @Value("${ronghe.demo.emergency:full}") String what) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.emergencies = emergencies;
        this.organisations = organisations;
        this.callUps = callUps;
        this.stationings = stationings;
        this.compounds = compounds;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
        this.what = what.strip().toLowerCase(Locale.ROOT);
    }

    /** The code of last year's emergency; the service network's sampling points carry the same code. */
    static String code(LocalDate today) {
        return "YJ" + (today.getYear() - 1) + "001";
    }

    record Community(long id, String code, String name, String street) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || what.equals("none") || !markers.due(MARKER)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        var earlier = jdbc.sql("SELECT id, state FROM emergency WHERE code = :c").param("c", code(today))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
        if (earlier.isPresent()) {
            // A start that failed half-way must not leave last year's emergency active over the whole district
            // (it would claim every emergency call as its need): stand it down with what it has, and say so.
            if (earlier.get().getValue().equals("ACTIVE")) {
                emergencies.standDown(COMMITTEE, earlier.get().getKey());
                log.warn("Demo emergency {} was left half-recorded by an earlier start: stood down as it was", code(today));
            }
            transactions.executeWithoutResult(status -> markers.set(MARKER, what));
            return;
        }
        long started = System.nanoTime();
        List<Community> communities = jdbc.sql("""
                        SELECT c.id, c.code, c.name, s.code FROM community c JOIN street s ON s.id = c.street_id ORDER BY c.id""")
                .query((rs, n) -> new Community(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        if (communities.isEmpty()) {
            return;
        }
        Residents residents = new Residents(jdbc, communities);
        LocalDateTime began = LocalDate.of(today.getYear() - 1, 5, 21).atTime(6, 0);
        long id = declare(today, began, communities);
        command(id, residents);
        int branches = scaled(BRANCHES, communities.size());
        int commando = scaled(COMMANDO_TEAMS, communities.size());
        int vanguard = scaled(VANGUARD_TEAMS, communities.size());
        for (int i = 0; i < branches; i++) {
            branch(id, i, communities.get(i % communities.size()), residents);
        }
        for (int i = 0; i < commando; i++) {
            team(id, "COMMANDO", i, communities.get(i % communities.size()), residents);
        }
        for (int i = 0; i < vanguard; i++) {
            team(id, "VANGUARD", i, communities.get(i % communities.size()), residents);
        }
        for (Community c : communities) {
            residents.next(c, 1).stream().findFirst().ifPresent(holder ->
                    organisations.createPost(COMMITTEE, id, new OrganisationDesk.PostRequest(c.name() + "党员先锋岗", holder, c.code())));
        }
        callUp(id, "居住地党员到社区报到", true, List.of(), "demo-call-up-residents");
        callUp(id, "机关党员下沉社区", null, jdbc.sql("SELECT code FROM organ ORDER BY id").query(String.class).list(), "demo-call-up-organs");
        int stationed = station(id, began, communities, residents);
        emergencies.standDown(COMMITTEE, id);
        transactions.executeWithoutResult(status -> {
            markers.set(MARKER, what);
            audit.record(Audit.Entry.change("DEMO_EMERGENCY_SEEDED", "emergency", code(today), null,
                    Map.of("branches", branches, "commandoTeams", commando, "vanguardTeams", vanguard, "stationings", stationed)));
        });
        log.info("Demo emergency {}: {} temporary branches, {} commando and {} vanguard teams, {} stationings in {} ms", code(today),
                branches, commando, vanguard, stationed, (System.nanoTime() - started) / 1_000_000);
    }

    /** The report's figure for the whole district, in proportion to this district's communities. */
    static int scaled(int full, int communities) {
        return communities >= COMMUNITIES ? full : Math.max(1, Math.round((float) full * communities / COMMUNITIES));
    }

    private long declare(LocalDate today, LocalDateTime began, List<Community> communities) {
        List<EmergencyDesk.AreaRequest> zone = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            // The first outbreak communities were sealed, the rest of the district controlled.
            zone.add(new EmergencyDesk.AreaRequest(communities.get(i).code(), null, i % 7 == 0 ? "SEALED" : "CONTROLLED"));
        }
        String startedAt = began.atZone(clock.getZone()).toInstant().toString();
        return emergencies.declare(COMMITTEE, new EmergencyDesk.Declaration(code(today), "“521”本土疫情防控", "EPIDEMIC", startedAt, zone),
                "demo-emergency").id();
    }

    /** The “1+4+10+N”: one commander, four deputies, ten working groups (the N are the teams). */
    private void command(long id, Residents residents) {
        List<String> leads = residents.anyone(15);
        emergencies.assign(COMMITTEE, id, new EmergencyDesk.CommandRequest("COMMANDER", null, "统筹全区疫情防控", leads.get(0)));
        for (int i = 1; i <= 4; i++) {
            emergencies.assign(COMMITTEE, id, new EmergencyDesk.CommandRequest("DEPUTY", null, "协助总指挥分片指挥", leads.get(i)));
        }
        for (int i = 0; i < GROUPS.size(); i++) {
            emergencies.assign(COMMITTEE, id, new EmergencyDesk.CommandRequest("GROUP", GROUPS.get(i), GROUPS.get(i) + "牵头负责", leads.get(5 + i)));
        }
    }

    private void branch(long id, int i, Community c, Residents residents) {
        String site = SITES[i % SITES.length];
        String siteName = c.name() + SITE_NAMES.get(site);
        List<String> people = residents.next(c, 5);
        var created = organisations.requestBranch(COMMITTEE, id, new OrganisationDesk.BranchRequest(siteName + "临时党支部", site, siteName,
                c.name() + "辖内", c.code(), null, people.get(0), people.subList(1, people.size())), "demo-branch-" + i);
        organisations.approveBranch(COMMITTEE, id, created.id());
    }

    private void team(long id, String kind, int i, Community c, Residents residents) {
        List<String> people = residents.next(c, kind.equals("COMMANDO") ? 6 : 5);
        String name = c.name() + (kind.equals("COMMANDO") ? "党员突击队" : "党群先锋队") + "第" + (i / 212 + 1) + "队";
        organisations.createTeam(COMMITTEE, id, new OrganisationDesk.TeamRequest(kind, name, people.get(0), c.code(),
                kind.equals("COMMANDO") ? c.name() + "核酸检测点" : c.name() + "各小区", people.subList(1, people.size())), "demo-" + kind + "-" + i);
    }

    /**
     * A call-up, and the answers the coordinators took by phone recorded by roll-call: everyone reports but about one
     * member in a hundred (the same members in every call-up: ill, isolated, away), who gives a reason.
     */
    private void callUp(long id, String title, Boolean zone, List<String> organs, String key) {
        if (zone == null && organs.isEmpty()) {
            return;
        }
        long callUp = callUps.callUp(COMMITTEE, id, new CallUpDesk.CallUpRequest(title, zone, organs.isEmpty() ? null : organs, null, null),
                key).id();
        List<String> called = jdbc.sql("""
                        SELECT m.code FROM call_up_member c JOIN member m ON m.id = c.member_id WHERE c.call_up_id = :c ORDER BY m.id""")
                .param("c", callUp).query(String.class).list();
        List<CallUpDesk.RollCallEntry> answers = new ArrayList<>();
        for (int i = 0; i < called.size(); i++) {
            boolean cannot = cannot(called.get(i));
            answers.add(new CallUpDesk.RollCallEntry(called.get(i), cannot ? "CANNOT" : "REPORTING",
                    cannot ? REASONS.get(i % REASONS.size()) : null));
        }
        callUps.rollCall(COMMITTEE, id, callUp, new CallUpDesk.RollCallRequest(answers), key + "-roll-call");
    }

    static boolean cannot(String member) {
        return Math.floorMod(member.hashCode(), CANNOT_ONE_IN) == 0;
    }

    /**
     * The three levels for the first 72 hours: each liaising leader at their street, a cadre of the paired organ at each
     * community, a three-person team of residents at each compound of the household register.
     */
    private int station(long id, LocalDateTime began, List<Community> communities, Residents residents) {
        java.time.Instant first = Shifts.startOf(began.atZone(clock.getZone()).toInstant(), clock.getZone());
        String from = first.toString();
        String to = Shifts.after(first, Shifts.BOARD, clock.getZone()).toString();
        int made = 0;
        java.util.Set<String> busy = new java.util.HashSet<>();
        record Liaison(String leader, String street) {
        }
        for (Liaison l : jdbc.sql("""
                        SELECT d.code, s.code FROM liaison l JOIN leader d ON d.id = l.leader_id JOIN street s ON s.id = l.street_id
                        WHERE l.ended_on IS NULL ORDER BY l.id""").query((rs, n) -> new Liaison(rs.getString(1), rs.getString(2))).list()) {
            if (busy.add("L" + l.leader())) {
                stationings.station(COMMITTEE, id, new StationingDesk.StationingRequest("STREET", l.street(), null, null, l.leader(), null,
                        from, to), "demo-station-" + l.leader());
                made++;
            }
        }
        Map<Long, List<String>> cadres = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.community_id, m.code FROM pairing p JOIN member m ON m.organ_id = p.organ_id
                        WHERE p.ended_on IS NULL ORDER BY p.community_id, m.party_affairs_role, m.id""")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> cadres.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> compounds = new LinkedHashMap<>();
        this.compounds.in(communities.stream().map(Community::id).toList(), List.of())
                .forEach(c -> compounds.computeIfAbsent(c.communityId(), k -> new ArrayList<>()).add(c.name()));
        for (Community c : communities) {
            String cadre = cadres.getOrDefault(c.id(), residents.anyone(Integer.MAX_VALUE)).stream().filter(busy::add).findFirst().orElse(null);
            if (cadre != null) {
                stationings.station(COMMITTEE, id, new StationingDesk.StationingRequest("COMMUNITY", null, c.code(), null, null,
                        List.of(cadre), from, to), "demo-station-" + c.code());
                made++;
            }
            for (String compound : compounds.getOrDefault(c.id(), List.of())) {
                List<String> team = residents.free(c, 3, busy);
                if (team.size() == 3) {
                    stationings.station(COMMITTEE, id, new StationingDesk.StationingRequest("COMPOUND", null, c.code(), compound, null,
                            team, from, to), "demo-station-" + c.code() + "-" + compound);
                    made++;
                }
            }
        }
        return made;
    }

    /** Hands out each community's resident members in turn, so the teams spread over them. */
    static final class Residents {

        private final Map<Long, List<String>> byCommunity = new LinkedHashMap<>();
        private final Map<Long, Integer> cursor = new LinkedHashMap<>();
        private final List<String> everyone;

        Residents(JdbcClient jdbc, List<Community> communities) {
            everyone = jdbc.sql("SELECT code FROM member ORDER BY id").query(String.class).list();
            jdbc.sql("SELECT community_id, code FROM member WHERE community_id IS NOT NULL ORDER BY id")
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(e -> byCommunity.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }

        List<String> next(Community c, int count) {
            List<String> own = byCommunity.getOrDefault(c.id(), everyone);
            if (own.size() < count) {
                own = everyone;
            }
            int at = cursor.getOrDefault(c.id(), 0);
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                picked.add(own.get((at + i) % own.size()));
            }
            cursor.put(c.id(), at + count);
            return picked;
        }

        /** Up to {@code count} of the community's residents not yet stationed (marked stationed now). */
        List<String> free(Community c, int count, java.util.Set<String> busy) {
            List<String> picked = new ArrayList<>();
            for (String code : byCommunity.getOrDefault(c.id(), List.of())) {
                if (picked.size() == count) {
                    break;
                }
                if (!busy.contains(code)) {
                    picked.add(code);
                }
            }
            if (picked.size() == count) {
                busy.addAll(picked);
            }
            return picked;
        }

        List<String> anyone(int count) {
            return everyone.subList(0, Math.min(count, everyone.size()));
        }
    }
}
