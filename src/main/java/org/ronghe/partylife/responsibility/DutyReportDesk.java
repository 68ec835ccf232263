package org.ronghe.partylife.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duty reports (述职述廉): submitted by the organ's secretary for a party organisation of the organ, or by that
 * organisation's secretary themself; evaluated by the ballots of the meeting's participants (members, one each) or by
 * the committee's record of a paper vote. Refusals: the role (403), the report or organisation (404, 403 outside the
 * scope), the input (400), the state (409).
 */
@Service
public class DutyReportDesk {

    private final DutyReports reports;
    private final Responsibilities reads;
    private final MeetingDesk meetingDesk;
    private final NamedParameterJdbcTemplate jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DutyReportDesk(DutyReports reports, Responsibilities reads, MeetingDesk meetingDesk, NamedParameterJdbcTemplate jdbc, Audit audit,
                   Clock clock, TransactionTemplate transactions) {
        this.reports = reports;
        this.reads = reads;
        this.meetingDesk = meetingDesk;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A report as sent: the party organisation's code, the reporter's member code (defaults below), the meeting's id. */
    public record NewReport(String org, String reporter, Long meeting, String text) {
    }

    public record Vote(String grade) {
    }

    /** The counts of a paper vote: 好, 较好, 一般, 差. */
    public record Tally(Integer good, Integer fairlyGood, Integer fair, Integer poor) {
    }

    public LetterDesk.Created submit(CurrentUser user, NewReport request, String idempotencyKey) {
        if (user.role() != Role.ORGAN_SECRETARY && user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有本单位党组书记或述职的党组织书记本人可以提交述职述廉报告");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = reports.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new LetterDesk.Created(existing.get(), true);
            }
        }
        if (request == null || request.org() == null || request.org().isBlank()) {
            throw new IllegalArgumentException("请指定述职的党组织编码（org）");
        }
        MeetingDesk.PartyOrg org = meetingDesk.partyOrg(request.org().trim());
        if (org.organId() == null || !reads.scopeOf(user).sees(org.organId())) {
            throw new OutOfScopeException("党组织", org.code());
        }
        long reporter = reporter(user, org, request.reporter());
        if (request.meeting() == null) {
            throw new IllegalArgumentException("请指定述职评议会（meeting，会议编号）");
        }
        Meeting meeting = meeting(request.meeting());
        if (meeting.kind() != MeetingKind.DUTY_REPORT) {
            throw new IllegalArgumentException("述职述廉须在述职评议会上进行：会议 " + meeting.id() + " 是" + meeting.kind().label());
        }
        if (!org.organId().equals(meeting.organId())) {
            throw new IllegalArgumentException("述职评议会须是本单位党组织召开的会议");
        }
        int year = meeting.heldOn().getYear();
        DutyReport report = DutyReport.submit(org.organId(), year, org.id(), reporter, meeting.id(), request.text(), user.username(),
                key, clock.instant());
        if (reports.exists(org.id(), year)) {
            throw new ConflictException(org.name() + " " + year + " 年度的述职述廉报告已经提交", Map.of("org", org.code(), "year", year));
        }
        try {
            return new LetterDesk.Created(transactions.execute(status -> {
                reports.saveAllNew(List.of(report));
                audit.record(Audit.Entry.change("DUTY_REPORT_SUBMITTED", "duty_report", String.valueOf(report.id()), null,
                        Map.of("org", org.code(), "year", year, "meeting", meeting.id())));
                return report.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return reports.idForKey(user.username(), key == null ? "" : key).map(id -> new LetterDesk.Created(id, true))
                    .orElseThrow(() -> new ConflictException(org.name() + " " + year + " 年度的述职述廉报告已经提交", Map.of("org", org.code())));
        }
    }

    /** A member present at the report's meeting casts a ballot, once. */
    public void vote(CurrentUser user, long id, Vote request) {
        if (user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有出席述职评议会的党员可以投票");
        }
        DutyReport report = visible(user, id);
        Grade grade = Grade.parse(request == null ? null : request.grade());
        long voter = jdbc.queryForList("SELECT id FROM member WHERE code = :c", Map.of("c", user.scopeCode() == null ? "" : user.scopeCode()),
                Long.class).stream().findFirst().orElseThrow(() -> new AccessDeniedException("账户未关联党员，不能投票"));
        boolean present = jdbc.queryForObject("""
                SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = :m AND member_id = :v AND attendance = 'PRESENT'""",
                Map.of("m", report.meetingId(), "v", voter), Long.class) > 0;
        if (!present) {
            throw new AccessDeniedException("您未出席该述职评议会，不能参加测评");
        }
        report.vote(voter, grade, reports.voted(id, voter), user.username(), clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                reports.save(report);
                audit.record(Audit.Entry.change("DUTY_REPORT_VOTED", "duty_report", String.valueOf(id), null, Map.of("grade", grade.name())));
            });
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("您已对该述职投过票，每人只能投一票", Map.of());
        }
    }

    /** The committee records (or corrects) the counts of a paper vote at the meeting. */
    public void tally(CurrentUser user, long id, Tally request) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以录入纸质测评结果");
        }
        DutyReport report = visible(user, id);
        if (request == null) {
            throw new IllegalArgumentException("请填写测评票数（good、fairlyGood、fair、poor）");
        }
        Map<Grade, Integer> tally = new EnumMap<>(Grade.class);
        put(tally, Grade.GOOD, request.good());
        put(tally, Grade.FAIRLY_GOOD, request.fairlyGood());
        put(tally, Grade.FAIR, request.fair());
        put(tally, Grade.POOR, request.poor());
        int participants = jdbc.queryForObject("""
                SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = :m AND attendance = 'PRESENT'""",
                Map.of("m", report.meetingId()), Integer.class);
        Map<String, Object> before = Map.of("evaluation", report.evaluation() == null ? "" : report.evaluation().name(),
                "votes", report.total());
        report.tally(tally, participants, user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            reports.save(report);
            audit.record(Audit.Entry.change("DUTY_REPORT_TALLIED", "duty_report", String.valueOf(id), before,
                    Map.of("good", report.count(Grade.GOOD), "fairlyGood", report.count(Grade.FAIRLY_GOOD),
                            "fair", report.count(Grade.FAIR), "poor", report.count(Grade.POOR))));
        });
    }

    private static void put(Map<Grade, Integer> tally, Grade grade, Integer count) {
        if (count != null) {
            tally.put(grade, count);
        }
    }

    private DutyReport visible(CurrentUser user, long id) {
        DutyReport report = reports.load(id).orElseThrow(() -> new NotFoundException("述职述廉报告", String.valueOf(id)));
        if (!reads.scopeOf(user).sees(report.organId())) {
            throw new OutOfScopeException("述职述廉报告", String.valueOf(id));
        }
        return report;
    }

    /**
     * Who reports: a member only themself, as the secretary of that organisation; the organ's secretary names the
     * reporter (a member of the organ), by default the organisation's secretary.
     */
    private long reporter(CurrentUser user, MeetingDesk.PartyOrg org, String code) {
        String named = code == null ? "" : code.trim();
        if (user.role() == Role.MEMBER) {
            if (!named.isEmpty() && !named.equals(user.scopeCode())) {
                throw new AccessDeniedException("党员只能提交本人的述职述廉报告");
            }
            return jdbc.queryForList("""
                            SELECT id FROM member WHERE code = :c AND party_org_id = :p AND position IN ('SECRETARY', 'FIRST_SECRETARY')""",
                    Map.of("c", user.scopeCode() == null ? "" : user.scopeCode(), "p", org.id()), Long.class).stream().findFirst()
                    .orElseThrow(() -> new AccessDeniedException("只有该党组织的书记本人可以提交述职述廉报告"));
        }
        if (named.isEmpty()) {
            return jdbc.queryForList("""
                            SELECT id FROM member WHERE party_org_id = :p AND position IN ('SECRETARY', 'FIRST_SECRETARY')
                            ORDER BY CASE position WHEN 'SECRETARY' THEN 0 ELSE 1 END, code""", Map.of("p", org.id()), Long.class)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException(org.name() + "没有登记书记，请指定述职人（reporter，党员编码）"));
        }
        return jdbc.queryForList("""
                        SELECT m.id FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE m.code = :c AND p.organ_id = :o""",
                Map.of("c", named, "o", org.organId()), Long.class).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("述职人不是本单位党员：" + named));
    }

    record Meeting(long id, MeetingKind kind, LocalDate heldOn, Long organId) {
    }

    private Meeting meeting(long id) {
        return jdbc.query("""
                        SELECT g.id, g.kind, g.held_on, p.organ_id FROM meeting g JOIN party_org p ON p.id = g.party_org_id WHERE g.id = :m""",
                Map.of("m", id), (rs, n) -> new Meeting(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        (Long) rs.getObject(4, Long.class))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("会议", String.valueOf(id)));
    }
}
