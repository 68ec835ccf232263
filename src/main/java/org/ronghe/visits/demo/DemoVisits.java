package org.ronghe.visits.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.calls.CallHistory;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.visits.campaign.CampaignDesk;
import org.ronghe.visits.campaign.VisitCampaign;
import org.ronghe.visits.household.Households;
import org.ronghe.visits.visit.Problem;
import org.ronghe.visits.visit.Visit;
import org.ronghe.visits.visit.VisitTallies;
import org.ronghe.visits.visit.Visits;
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
 * Gives the demo district its households and, shaped like the report's 访千家进万户, a completed campaign:
 * every organ's members visit the households of their paired communities, about one visit in twenty-five
 * hears a problem, each problem is raised as a call and played out by the call lifecycle, and most closed
 * problems are followed up. Then an open campaign (and a leaders' liaison campaign) with fresh assignments
 * for today's work. Runs once, after the directory and the calls; a marker row records it.
 *
 * <p>{@code ronghe.demo.visits}: {@code full} (default), {@code households} (households only: the tests'
 * default, so their calls stay their own), or {@code none}.
 */
@Component
@Order(40)
class DemoVisits implements ApplicationRunner {

    static final String MARKER = "demo.visits";
    static final long SEED = 20_260_301L;
    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final CurrentUser COMMITTEE = new CurrentUser(0, "committee", "区直机关工委", Role.COMMITTEE_ADMIN, null);
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文红玉梅志强春燕海波建华金凤淑珍".split("");
    private static final String[] COMPOUNDS = {"花园", "家园", "新村", "小区", "苑", "雅居"};
    private static final String[][] PROBLEMS = {
            {"楼道照明损坏，夜间出行不便", "MUNICIPAL"}, {"小区路面破损积水", "MUNICIPAL"}, {"老人希望上门助餐服务", "ELDERLY"},
            {"独居老人需要定期探访", "ELDERLY"}, {"楼下餐馆油烟扰民", "ENVIRONMENT"}, {"垃圾分类点清运不及时", "ENVIRONMENT"},
            {"夜间施工噪音扰民", "NOISE"}, {"电动车楼道充电存在隐患", "SAFETY"}, {"水压不足，高层用水困难", "WATER"},
            {"物业服务不到位，维修拖延", "PROPERTY"}, {"小区停车位紧张，乱停乱放", "TRAFFIC"}, {"农贸市场占道经营", "MARKET"}};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final Households households;
    private final CampaignDesk campaigns;
    private final Visits visits;
    private final VisitTallies tallies;
    private final CallHistory history;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String what;
    private final boolean full;

    DemoVisits(JdbcClient jdbc, DemoMarkers markers, Households households, CampaignDesk campaigns, Visits visits, VisitTallies tallies, CallHistory history,
               Directory directory, Audit audit, Clock clock, TransactionTemplate transactions,
               @Value("${ronghe.demo.seed:true}") boolean enabled, @Value("${ronghe.demo.visits:full}") String what,
               @Value("${ronghe.demo.size:full}") String size) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.households = households;
        this.campaigns = campaigns;
        this.visits = visits;
        this.tallies = tallies;
        this.history = history;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
        this.what = what.trim().toLowerCase();
        this.full = size.trim().equalsIgnoreCase("full");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || what.equals("none") || !markers.due(MARKER)
                || jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(SEED);
        int count = seedHouseholds(random);
        log.info("Demo households: {} in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        Map<String, Object> done = new HashMap<>(Map.of("households", count));
        if (what.equals("full")) {
            done.putAll(seedCampaigns(random));
        }
        transactions.executeWithoutResult(status -> {
            markers.set(MARKER, what);
            audit.record(Audit.Entry.change("DEMO_VISITS_SEEDED", "campaign", null, null, done));
        });
        log.info("Demo visits seeded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, done);
    }

    private int seedHouseholds(Random random) {
        record Place(long id, String name, int households, List<Long> grids) {
        }
        Map<Long, List<Long>> grids = new HashMap<>();
        jdbc.sql("SELECT community_id, id FROM grid ORDER BY community_id, id")
                .query((rs, n) -> grids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        List<Place> places = jdbc.sql("SELECT id, name, households FROM community ORDER BY id")
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), full ? rs.getInt(3) * 3 / 4 : 30,
                        grids.getOrDefault(rs.getLong(1), List.of()))).list();
        Instant now = clock.instant();
        int total = 0;
        for (Place place : places) {
            List<Households.Row> rows = new ArrayList<>(place.households());
            String base = place.name().replace("社区", "");
            for (int i = 0; i < place.households(); i++) {
                int compound = i / 320;
                int building = (i % 320) / 32 + 1;
                int room = (i % 32) / 4 + 1;
                String compoundName = base + COMPOUNDS[compound % COMPOUNDS.length]
                        + (compound >= COMPOUNDS.length ? (compound / COMPOUNDS.length + 1) + "期" : "");
                String address = compoundName + building + "栋" + (i % 4 + 1) + "单元" + room + "0" + (i % 4 + 1) + "室";
                Long grid = place.grids().isEmpty() ? null : place.grids().get(i % place.grids().size());
                String phone = random.nextInt(100) < 85 ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)) : null;
                rows.add(new Households.Row("H" + place.id() + "-" + String.format("%05d", i + 1), place.id(), grid, compoundName,
                        building + "栋", address, SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                        + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : ""), phone));
            }
            transactions.executeWithoutResult(status -> households.insert(rows, now));
            total += rows.size();
        }
        transactions.executeWithoutResult(status -> households.recount(places.stream().map(Place::id).toList()));
        return total;
    }

    private Map<String, Object> seedCampaigns(Random random) {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        LocalDate starts = today.minusDays(200);
        LocalDate ends = today.minusDays(110);
        long done = campaigns.open(COMMITTEE, new CampaignDesk.NewCampaign(starts.getYear() + " 年“访千家进万户、听民意解民忧”走访活动",
                VisitCampaign.Kind.PAIRING, starts, ends, full ? 32 : 2, false, List.of()), null).id();
        campaigns.assign(COMMITTEE, done);
        record Assigned(long household, long community, long member, Long organ, long partyOrg, String address, String head, String phone) {
        }
        List<Assigned> assigned = jdbc.sql("""
                        SELECT a.household_id, a.community_id, a.member_id, a.organ_id, a.party_org_id, h.address, h.head_name, h.head_phone
                        FROM visit_assignment a JOIN household h ON h.id = a.household_id WHERE a.campaign_id = :c ORDER BY a.id""")
                .param("c", done).query((rs, n) -> new Assigned(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4, Long.class),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
        int span = (int) (ends.toEpochDay() - starts.toEpochDay());
        List<Visit> quiet = new ArrayList<>();
        List<Visit> heard = new ArrayList<>();
        List<Assigned> heardAt = new ArrayList<>();
        for (Assigned a : assigned) {
            if (random.nextInt(100) >= 98) {
                continue; // not found at home, moved away: the assignment stays unvisited
            }
            LocalDate day = starts.plusDays(random.nextInt(span + 1));
            Visit.Visitor visitor = new Visit.Visitor(a.member(), null, a.organ(), a.partyOrg());
            boolean problem = random.nextInt(1000) < 38;
            List<Visit.Heard> told = new ArrayList<>();
            if (problem) {
                String[] p = PROBLEMS[random.nextInt(PROBLEMS.length)];
                if (directory.category(p[1]).isPresent()) {
                    told.add(new Visit.Heard(p[0], p[1], null));
                }
            }
            Visit visit = Visit.record(a.household(), a.community(), done, visitor, day, told.isEmpty() ? "住户反映总体满意，无具体诉求" : "住户反映了具体问题",
                    told, day);
            if (told.isEmpty()) {
                quiet.add(visit);
            } else {
                heard.add(visit);
                heardAt.add(a);
            }
        }
        for (int i = 0; i < quiet.size(); i += 5000) {
            List<Visit> chunk = quiet.subList(i, Math.min(quiet.size(), i + 5000));
            transactions.executeWithoutResult(status -> visits.addAll(chunk, "demo", v -> v.visitedOn().atTime(18, 0).atZone(zone).toInstant()));
        }
        List<CallHistory.PastCall> past = new ArrayList<>();
        for (int i = 0; i < heard.size(); i++) {
            Visit v = heard.get(i);
            Assigned a = heardAt.get(i);
            Visit.Heard h = v.problems().get(0);
            past.add(new CallHistory.PastCall(v.visitedOn().atTime(18, 30).atZone(zone).toInstant(), v.communityId(), h.category(), h.summary(),
                    "（走访中听到：" + v.visitedOn() + " 走访 " + a.address() + "）", Origin.VISIT, "member-" + a.member(), a.address(),
                    a.head(), null));
        }
        List<CallHistory.Outcome> outcomes = history.playOut(past);
        Instant now = clock.instant();
        int followed = 0;
        for (int i = 0; i < heard.size(); i += 500) {
            int from = i;
            int to = Math.min(heard.size(), i + 500);
            followed += transactions.execute(status -> {
                int n = 0;
                for (int k = from; k < to; k++) {
                    Visit v = heard.get(k);
                    Instant at = v.visitedOn().atTime(18, 0).atZone(zone).toInstant();
                    long visitId = visits.add(v, true, "demo", at, null);
                    CallHistory.Outcome outcome = outcomes.get(k);
                    long problemId = visits.addProblem(visitId, v, v.problems().get(0), outcome.callId(), "demo", at);
                    Problem problem = visits.problem(problemId).orElseThrow().problem();
                    if (outcome.state() == CallState.CLOSED) {
                        problem.callClosed(outcome.solved(), outcome.closedAt());
                        Instant back = outcome.closedAt().plus(java.time.Duration.ofDays(1 + random.nextInt(6)));
                        if (back.isBefore(now) && random.nextInt(100) < 92) {
                            boolean pleased = !Boolean.FALSE.equals(outcome.solved()) && random.nextInt(100) < 93;
                            problem.followUp(pleased ? "已向住户反馈办理结果，住户表示满意" : "已向住户反馈，住户认为问题尚未彻底解决", pleased, "demo", back);
                            n++;
                        }
                        visits.save(problem);
                    }
                }
                return n;
            });
        }
        transactions.executeWithoutResult(status -> {
            visits.settle(done);
            tallies.recount(done);
        });
        campaigns.close(COMMITTEE, done);
        // Today's work: an open campaign with a few households each, and the leaders' liaison visits.
        long current = campaigns.open(COMMITTEE, new CampaignDesk.NewCampaign(today.getYear() + " 年冬季入户走访",
                VisitCampaign.Kind.PAIRING, today.minusDays(20), today.plusDays(70), 5, true, List.of()), null).id();
        int open = campaigns.assign(COMMITTEE, current);
        long liaison = campaigns.open(COMMITTEE, new CampaignDesk.NewCampaign(today.getYear() + " 年区领导挂点街道走访",
                VisitCampaign.Kind.LIAISON, today.minusDays(20), today.plusDays(70), 10, true, List.of()), null).id();
        int leaders = campaigns.assign(COMMITTEE, liaison);
        return Map.of("assignments", assigned.size(), "visits", quiet.size() + heard.size(), "problems", heard.size(),
                "followedUp", followed, "openAssignments", open, "liaisonAssignments", leaders);
    }

}
