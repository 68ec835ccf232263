package org.ronghe.partylife.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.partylife.Cadence;
import org.ronghe.partylife.Compliance;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.Decision;
import org.ronghe.partylife.Meeting;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.MeetingRules;
import org.ronghe.partylife.Meetings;
import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
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
 * Gives the demo district a year of organisational life at the first start, after the directory: for every
 * organisation and rule, a meeting in most periods of the past twelve months, through the aggregate and its
 * store, in chunks. Realistic gaps: a fifth of the organisations lag (they skip periods more often and forget
 * the 第一议题 study), and now and then a meeting falls short of its quorum. Half the decisions are given as tasks to a
 * member present, due a month later, and most of those are reported done; the rest lead nowhere. A marker row
 * records that it ran.
 */
@Component
@Order(55)
class DemoMeetings implements ApplicationRunner {

    static final String MARKER = "demo.meetings";
    static final long SEED = 20_261_126L;
    static final int CHUNK = 1000;
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);
    private static final String[] PLACES = {"机关三楼会议室", "党员活动室", "党群服务中心", "红色教育基地", "结对社区议事厅"};
    private static final String[] TOPICS = {"学习习近平总书记最新重要讲话精神", "学习党的二十大报告", "学习《中国共产党章程》",
            "学习《中国共产党纪律处分条例》", "学习中央八项规定精神"};
    private static final String[] DECISIONS = {"组织党员到结对社区开展志愿服务", "走访慰问困难党员", "推进“我为群众办实事”项目",
            "落实党员联系群众制度", "开展廉政警示教育"};
    private static final String[] DONE = {"已组织实施，参加党员均已签到", "已完成并形成工作记录", "已走访到位，情况已反馈支部",
            "已按计划完成，群众反映良好"};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final Meetings meetings;
    private final MeetingRules rules;
    private final ComplianceBook book;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoMeetings(JdbcClient jdbc, DemoMarkers markers, Meetings meetings, MeetingRules rules, ComplianceBook book, Audit audit,
                 Clock clock, TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.meetings = meetings;
        this.rules = rules;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER) || jdbc.sql("SELECT COUNT(*) FROM meeting").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        log.info("Seeding a year of organisational life for the demo district — first start only");
        int count = seed();
        log.info("Demo meetings seeded in {} ms: {} meetings", (System.nanoTime() - started) / 1_000_000, count);
    }

    int seed() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        LocalDate today = book.today();
        LocalDate from = today.minusYears(1).plusDays(1);
        Map<Long, List<Meeting.OnRoll>> rolls = new HashMap<>();
        Map<Long, List<Meeting.OnRoll>> fullRolls = new HashMap<>();
        // An organisation's roll holds the members of the organisations below it too: each member is added to
        // their own organisation and every one above it.
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM party_org").query(rs -> {
            parents.put(rs.getLong(1), (Long) rs.getObject(2, Long.class));
        });
        jdbc.sql("SELECT id, code, name, status, party_org_id, position FROM member ORDER BY code").query(rs -> {
            Meeting.OnRoll own = new Meeting.OnRoll(rs.getLong(1), rs.getString(2), rs.getString(3), "FULL".equals(rs.getString(4)),
                    Meeting.committeePost(rs.getString(6)));
            // On the rolls of the organisations above, the member holds no post of theirs.
            Meeting.OnRoll above = new Meeting.OnRoll(own.id(), own.code(), own.name(), own.full(), false);
            int depth = 0;
            for (Long org = rs.getLong(5); org != null && depth < 20; org = parents.get(org), depth++) {
                Meeting.OnRoll m = depth == 0 ? own : above;
                rolls.computeIfAbsent(org, k -> new ArrayList<>()).add(m);
                if (m.full()) {
                    fullRolls.computeIfAbsent(org, k -> new ArrayList<>()).add(m);
                }
            }
        });
        List<Compliance.Rule> all = rules.all();
        List<Meeting> made = new ArrayList<>();
        Map<Meeting, Meeting.OnRoll> owners = new HashMap<>();
        for (Compliance.Org org : book.everyOrg()) {
            List<Meeting.OnRoll> roll = rolls.getOrDefault(org.id(), List.of());
            List<Meeting.OnRoll> full = fullRolls.getOrDefault(org.id(), List.of());
            if (full.isEmpty()) {
                continue;
            }
            boolean lagging = random.nextInt(5) == 0;
            for (Compliance.Rule rule : all) {
                if (!rule.appliesTo(org)) {
                    continue;
                }
                for (Cadence.Period period : periods(rule.cadence(), from, today)) {
                    LocalDate first = max(period.start(), from);
                    LocalDate last = min(period.end(), today.minusDays(1));
                    boolean alive = (org.from() == null || !last.isBefore(org.from())) && (org.until() == null || !first.isAfter(org.until()));
                    if (last.isBefore(first) || !alive || random.nextInt(100) < (lagging ? 35 : 6)) {
                        continue;
                    }
                    LocalDate day = first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
                    Meeting meeting = meeting(org, rule.kind(), day, roll, full, lagging, random, now);
                    made.add(meeting);
                    if (!meeting.decisions().isEmpty() && random.nextBoolean()) {
                        owners.put(meeting, full.get(random.nextInt(full.size())));
                    }
                }
            }
        }
        for (int i = 0; i < made.size(); i += CHUNK) {
            List<Meeting> chunk = made.subList(i, Math.min(made.size(), i + CHUNK));
            boolean lastChunk = i + CHUNK >= made.size();
            transactions.executeWithoutResult(status -> {
                meetings.saveAllNew(chunk);
                chunk.stream().filter(owners::containsKey).forEach(m -> meetings.save(task(m, owners.get(m), today, random)));
                if (lastChunk) {
                    audit.record(Audit.Entry.change("DEMO_MEETINGS_SEEDED", "meeting", null, null,
                            Map.of("meetings", made.size())));
                    markers.set(MARKER, String.valueOf(made.size()));
                }
            });
        }
        if (made.isEmpty()) {
            transactions.executeWithoutResult(status -> markers.set(MARKER, "0"));
        }
        return made.size();
    }

    private static Meeting meeting(Compliance.Org org, MeetingKind kind, LocalDate day, List<Meeting.OnRoll> roll,
                                   List<Meeting.OnRoll> full, boolean lagging, Random random, Instant now) {
        // Most meetings gather 70–95 % of the members; one in twelve falls short of its quorum.
        boolean short_ = random.nextInt(12) == 0;
        double share = short_ ? 0.2 + random.nextDouble() * 0.25 : 0.7 + random.nextDouble() * 0.25;
        List<String> present = new ArrayList<>();
        List<String> excused = new ArrayList<>();
        for (Meeting.OnRoll m : roll) {
            if (random.nextDouble() < share) {
                present.add(m.code());
            } else if (random.nextInt(3) > 0) {
                excused.add(m.code());
            }
        }
        boolean study = random.nextInt(100) >= (lagging ? 30 : 5);
        Meeting.OnRoll chair = full.get(0);
        if (!present.contains(chair.code())) {
            excused.remove(chair.code());
            present.add(chair.code());
        }
        List<String> decisions = random.nextBoolean() ? List.of(DECISIONS[random.nextInt(DECISIONS.length)]) : List.of();
        Meeting.Details details = new Meeting.Details(kind, day, PLACES[random.nextInt(PLACES.length)], chair.code(), study,
                study ? TOPICS[random.nextInt(TOPICS.length)] : null, present, excused,
                org.name() + kind.label() + "，会议按议程进行。", decisions);
        return Meeting.record(org.id(), roll, details, ACTOR, null, now.minus(Duration.ofMinutes(random.nextInt(600))), day);
    }

    /** The meeting's first decision given to a member, due a month later; most reported done by their due date. */
    private Decision task(Meeting meeting, Meeting.OnRoll owner, LocalDate today, Random random) {
        Decision decision = new Decision(meeting.id(), 1, meeting.decisions().get(0), 0, null, null, false, null, null);
        LocalDate due = meeting.heldOn().plusDays(30);
        Instant assignedAt = meeting.recordedAt().plus(Duration.ofHours(2));
        decision.assigned(owner.id(), owner.name(), due, meeting.heldOn(), ACTOR, assignedAt);
        LocalDate doneOn = meeting.heldOn().plusDays(3 + random.nextInt(30));
        if (!doneOn.isAfter(today.minusDays(1)) && random.nextInt(100) < (due.isBefore(today) ? 85 : 60)) {
            decision.reported(DONE[random.nextInt(DONE.length)], ACTOR, doneOn.atTime(17, 0).atZone(book.zone()).toInstant());
        }
        return decision;
    }

    /** The periods of the cadence that overlap the dates. */
    private static List<Cadence.Period> periods(Cadence cadence, LocalDate from, LocalDate to) {
        List<Cadence.Period> periods = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Cadence.Period p : cadence.periods(year)) {
                if (!p.end().isBefore(from) && !p.start().isAfter(to)) {
                    periods.add(p);
                }
            }
        }
        return periods;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
