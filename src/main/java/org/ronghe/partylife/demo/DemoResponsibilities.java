package org.ronghe.partylife.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.partylife.Attendance;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.Meeting;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.Meetings;
import org.ronghe.partylife.responsibility.DutyItem;
import org.ronghe.partylife.responsibility.DutyList;
import org.ronghe.partylife.responsibility.DutyReport;
import org.ronghe.partylife.responsibility.DutyReports;
import org.ronghe.partylife.responsibility.Grade;
import org.ronghe.partylife.responsibility.Letters;
import org.ronghe.partylife.responsibility.Measure;
import org.ronghe.partylife.responsibility.ResponsibilityLetter;
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
 * Gives every demo organ its responsibility system for the demo year (this year from November on, last year before):
 * a letter issued in January and signed (all but a few), two lists of realistic items measured by meetings,
 * compliance, decisions or records attached; the three meetings held by the organ's top party organisation (one organ
 * in four skipped the progress meeting); and each branch secretary's duty report at the duty-report meeting, evaluated
 * by the participants' ballots or, in one organ in three, by a paper tally. Through the aggregates and their stores, one
 * transaction per organ, after the year of meetings (order 55). Switched by {@code ronghe.demo.seed} and
 * {@code ronghe.demo.responsibilities}; a marker row records that it ran.
 */
@Component
@Order(57)
class DemoResponsibilities implements ApplicationRunner {

    static final String MARKER = "demo.responsibilities";
    static final long SEED = 20_261_201L;
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DemoResponsibilities.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An item of the demo lists: the measure, meeting kind and target, due month (12: the year's end). */
    record Duty(DutyList list, String text, Measure measure, MeetingKind kind, Integer target, int dueMonth) {
    }

    static final List<Duty> DUTIES = List.of(
            new Duty(DutyList.PARTY_BUILDING, "落实“第一议题”制度，支部委员会每月首先学习习近平总书记重要讲话精神", Measure.MEETINGS,
                    MeetingKind.COMMITTEE_MEETING, 10, 12),
            new Duty(DutyList.PARTY_BUILDING, "严格落实“三会一课”，每季度召开支部党员大会", Measure.MEETINGS, MeetingKind.GENERAL_MEETING, 4, 12),
            new Duty(DutyList.PARTY_BUILDING, "支部书记带头讲党课，上半年至少两次", Measure.MEETINGS, MeetingKind.LECTURE, 2, 6),
            new Duty(DutyList.PARTY_BUILDING, "组织生活合规率达到 90% 以上", Measure.COMPLIANCE, null, 90, 12),
            new Duty(DutyList.PARTY_BUILDING, "会议决定事项转化为“我为群众办实事”项目并落实", Measure.DECISIONS, null, 2, 12),
            new Duty(DutyList.INTEGRITY, "开展廉政警示教育，组织党员观看警示教育片", Measure.RECORDS, null, null, 9),
            new Duty(DutyList.INTEGRITY, "落实中央八项规定精神，节日期间开展作风纪律检查", Measure.RECORDS, null, null, 10),
            new Duty(DutyList.INTEGRITY, "召开组织生活会，开展批评与自我批评", Measure.MEETINGS, MeetingKind.LIFE_MEETING, 1, 12));

    private static final String[] REPORTS = {
            "一年来，本支部坚持把党的政治建设摆在首位，认真落实“三会一课”和“第一议题”制度，带领党员到结对社区报到服务；"
                    + "严格执行中央八项规定精神，个人廉洁自律。不足是党建与业务融合还不够紧密，下一步将以诉求办理推动作风转变。",
            "本人履行党建第一责任人职责，年初部署、年中推进、年底述职，支部组织生活按期召开；坚持一岗双责，"
                    + "分管业务与党风廉政建设同部署同检查。存在的问题是调查研究不够深入，将在走访群众中改进。"};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final Letters letters;
    private final DutyReports reports;
    private final Meetings meetings;
    private final ComplianceBook book;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoResponsibilities(JdbcClient jdbc, DemoMarkers markers, Letters letters, DutyReports reports, Meetings meetings, ComplianceBook book,
                         Audit audit, TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean seed,
                         @Value("${ronghe.demo.responsibilities:true}") boolean responsibilities) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.letters = letters;
        this.reports = reports;
        this.meetings = meetings;
        this.book = book;
        this.audit = audit;
        this.transactions = transactions;
        this.enabled = seed && responsibilities;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER)
                || jdbc.sql("SELECT COUNT(*) FROM responsibility_letter").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        int organs = seed();
        log.info("Demo responsibility letters seeded in {} ms for {} organs", (System.nanoTime() - started) / 1_000_000, organs);
    }

    /** The year whose three meetings can all lie in the past: this year from November, else the last. */
    static int demoYear(LocalDate today) {
        return today.getMonthValue() >= 11 ? today.getYear() : today.getYear() - 1;
    }

    record Organ(long id, String code, String name) {
    }

    record Person(long id, String code, boolean full, long partyOrg, String position) {
    }

    int seed() {
        Random random = new Random(SEED);
        LocalDate today = book.today();
        int year = demoYear(today);
        List<Organ> organs = jdbc.sql("SELECT id, code, name FROM organ ORDER BY code")
                .query((rs, n) -> new Organ(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, Long> tops = new HashMap<>();
        jdbc.sql("SELECT organ_id, MIN(id) FROM party_org WHERE organ_id IS NOT NULL AND parent_id IS NULL GROUP BY organ_id")
                .query(rs -> {
                    tops.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, List<Person>> people = new HashMap<>();
        jdbc.sql("""
                SELECT p.organ_id, m.id, m.code, m.status, m.party_org_id, m.position FROM member m JOIN party_org p ON p.id = m.party_org_id
                WHERE p.organ_id IS NOT NULL ORDER BY m.code""").query(rs -> {
            people.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Person(rs.getLong(2), rs.getString(3),
                    "FULL".equals(rs.getString(4)), rs.getLong(5), rs.getString(6)));
        });
        int seeded = 0;
        for (int index = 0; index < organs.size(); index++) {
            Organ organ = organs.get(index);
            List<Person> staff = people.getOrDefault(organ.id(), List.of());
            if (!tops.containsKey(organ.id()) || staff.stream().noneMatch(Person::full)) {
                continue;
            }
            int i = index;
            transactions.executeWithoutResult(status -> seedOrgan(organ, i, tops.get(organ.id()), staff, year, today, random));
            seeded++;
        }
        int count = seeded;
        transactions.executeWithoutResult(status -> {
            audit.record(Audit.Entry.change("DEMO_RESPONSIBILITIES_SEEDED", "responsibility_letter", null, null,
                    Map.of("year", year, "organs", count)));
            markers.set(MARKER, String.valueOf(count));
        });
        return seeded;
    }

    private void seedOrgan(Organ organ, int index, long top, List<Person> staff, int year, LocalDate today, Random random) {
        Instant issued = at(LocalDate.of(year, 1, 8 + random.nextInt(5)), 9);
        ResponsibilityLetter letter = ResponsibilityLetter.issue(organ.id(), organ.name(), year, null,
                "全面落实管党治党政治责任，党组（党委）书记履行第一责任人职责，班子成员落实“一岗双责”。", ACTOR, null, issued,
                LocalDate.of(year, 1, 1));
        if (index % 9 != 8) {
            letter.sign(ACTOR, issued.plusSeconds(86_400L * (3 + random.nextInt(10))));
        }
        letters.saveAllNew(List.of(letter));
        // 一岗双责: the items are carried by the organ's cadres (branch secretaries and committee members) in turn.
        List<Person> cadres = staff.stream().filter(p -> p.position() != null).toList();
        List<Person> owners = cadres.isEmpty() ? staff : cadres;
        List<DutyItem> items = new ArrayList<>();
        for (int k = 0; k < DUTIES.size(); k++) {
            Duty duty = DUTIES.get(k);
            LocalDate due = LocalDate.of(year, duty.dueMonth(), 1).plusMonths(1).minusDays(1);
            items.add(DutyItem.add(letter, k + 1, duty.list(), new DutyItem.Terms(duty.text(), owners.get(k % owners.size()).id(), due,
                    duty.measure(), duty.kind(), duty.target()), ACTOR, issued));
        }
        letters.saveAllNewItems(items);
        // The warning-education item is fulfilled by a decision of that kind where one was taken (most organs).
        jdbc.sql("""
                        SELECT d.meeting_id, d.position FROM meeting_decision d JOIN meeting g ON g.id = d.meeting_id
                        JOIN party_org p ON p.id = g.party_org_id WHERE p.organ_id = :o AND d.text = '开展廉政警示教育'
                        AND g.held_on BETWEEN :from AND :to ORDER BY g.held_on, d.meeting_id""")
                .param("o", organ.id()).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 9, 30))
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list().stream().findFirst().ifPresent(decision -> {
                    DutyItem warning = items.get(5);
                    warning.attach(letter, decision[0], (int) decision[1], false, ACTOR, issued.plusSeconds(86_400L * 200));
                    letters.save(warning);
                });
        List<Meeting> three = new ArrayList<>();
        three.add(meeting(top, staff, MeetingKind.RESPONSIBILITY_DEPLOYMENT, LocalDate.of(year, 2, 20).plusDays(random.nextInt(18)), random));
        if (index % 4 != 3) {
            three.add(meeting(top, staff, MeetingKind.RESPONSIBILITY_PROGRESS, LocalDate.of(year, 7, 5).plusDays(random.nextInt(20)), random));
        }
        LocalDate reportDay = year < today.getYear() ? LocalDate.of(year, 12, 15).plusDays(random.nextInt(6))
                : max(LocalDate.of(year, 11, 1), today.minusDays(3 + random.nextInt(8)));
        Meeting duty = meeting(top, staff, MeetingKind.DUTY_REPORT, reportDay, random);
        three.add(duty);
        meetings.saveAllNew(three);
        reports.saveAllNew(dutyReports(organ, index, duty, staff, year, reportDay, random));
    }

    /** Each branch secretary's report, voted on by those present (nine in ten of them vote) or tallied on paper. */
    private List<DutyReport> dutyReports(Organ organ, int index, Meeting duty, List<Person> staff, int year, LocalDate day, Random random) {
        Instant at = at(day, 16);
        boolean paper = index % 3 == 0;
        List<Person> present = staff.stream().filter(p -> duty.attendance().get(p.id()) == Attendance.PRESENT).toList();
        List<DutyReport> made = new ArrayList<>();
        for (Person secretary : staff.stream().filter(p -> "SECRETARY".equals(p.position())).toList()) {
            DutyReport report = DutyReport.submit(organ.id(), year, secretary.partyOrg(), secretary.id(), duty.id(),
                    REPORTS[random.nextInt(REPORTS.length)], ACTOR, null, at);
            if (paper) {
                Map<Grade, Integer> tally = new EnumMap<>(Grade.class);
                present.forEach(p -> tally.merge(grade(random), 1, Integer::sum));
                for (Grade g : Grade.values()) {
                    tally.putIfAbsent(g, 0);
                }
                if (!present.isEmpty()) {
                    report.tally(tally, present.size(), ACTOR, at.plusSeconds(1800));
                }
            } else {
                for (Person voter : present) {
                    if (voter.id() != secretary.id() && random.nextInt(10) > 0) {
                        report.vote(voter.id(), grade(random), false, voter.code(), at.plusSeconds(600 + random.nextInt(1200)));
                    }
                }
            }
            made.add(report);
        }
        return made;
    }

    /** Mostly 好 and 较好, now and then 一般, rarely 差. */
    private static Grade grade(Random random) {
        int r = random.nextInt(100);
        return r < 62 ? Grade.GOOD : r < 90 ? Grade.FAIRLY_GOOD : r < 98 ? Grade.FAIR : Grade.POOR;
    }

    /** A meeting of the organ's top organisation, whose roll is every member of the organ; most attend. */
    private static Meeting meeting(long top, List<Person> staff, MeetingKind kind, LocalDate day, Random random) {
        List<Meeting.OnRoll> roll = staff.stream().map(p -> new Meeting.OnRoll(p.id(), p.code(), p.code(), p.full(), false)).toList();
        Person chair = staff.stream().filter(Person::full).findFirst().orElseThrow();
        List<String> present = new ArrayList<>(List.of(chair.code()));
        List<String> excused = new ArrayList<>();
        double share = 0.8 + random.nextDouble() * 0.15;
        for (Person p : staff) {
            if (p != chair) {
                if (random.nextDouble() < share) {
                    present.add(p.code());
                } else if (random.nextBoolean()) {
                    excused.add(p.code());
                }
            }
        }
        String topic = kind == MeetingKind.DUTY_REPORT ? "学习《中国共产党纪律处分条例》" : "学习习近平总书记关于全面从严治党的重要论述";
        Meeting.Details details = new Meeting.Details(kind, day, "机关三楼会议室", chair.code(), true, topic, present, excused,
                kind.label() + "：" + switch (kind) {
                    case RESPONSIBILITY_DEPLOYMENT -> "签订党建工作责任书，部署全年党建和党风廉政建设任务。";
                    case RESPONSIBILITY_PROGRESS -> "通报上半年责任清单落实情况，研究推进措施。";
                    default -> "各党组织书记述职述廉，参会党员现场测评。";
                }, List.of());
        return Meeting.record(top, roll, details, ACTOR, null, at(day, 11), day);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
