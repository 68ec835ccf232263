package org.ronghe.partylife.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Role;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads letters, duty items and duty reports within the reader's scope: a letter with its two lists (fulfilment
 * computed), its three meetings (whether each was held, computed from the meetings) and the organ's duty reports of
 * the year. The pages, the API and the figures all read through here.
 */
@Service
public class Responsibilities {

    /** The three yearly meetings of the responsibility system (三会议). */
    public static final List<MeetingKind> THREE_MEETINGS = List.of(MeetingKind.RESPONSIBILITY_DEPLOYMENT,
            MeetingKind.RESPONSIBILITY_PROGRESS, MeetingKind.DUTY_REPORT);

    private final MeetingDesk meetingDesk;
    private final Letters letters;
    private final DutyReports reports;
    private final DutyFulfilment fulfilment;
    private final NamedParameterJdbcTemplate jdbc;

    Responsibilities(MeetingDesk meetingDesk, Letters letters, DutyReports reports, DutyFulfilment fulfilment, NamedParameterJdbcTemplate jdbc) {
        this.meetingDesk = meetingDesk;
        this.letters = letters;
        this.reports = reports;
        this.fulfilment = fulfilment;
        this.jdbc = jdbc;
    }

    public record ListView(DutyList list, String label, List<DutyFulfilment.ItemView> items) {
    }

    /** One of the three meetings: held or not, with the meetings of that kind the organ's party organisations held. */
    public record YearMeeting(MeetingKind kind, String label, boolean held, List<DutyFulfilment.RecordLink> meetings) {
    }

    public record LetterDetail(Letters.Row letter, String body, List<ListView> lists, List<YearMeeting> meetings,
                               List<DutyReports.Row> dutyReports, List<Event> events) {
    }

    /** Organs whose records the person sees, from their party-life scope: the secretary's organ, a member's own. */
    public ResponsibilityScope scopeOf(CurrentUser user) {
        PartyLifeScope scope = meetingDesk.scopeOf(user);
        if (scope.all()) {
            return ResponsibilityScope.everything();
        }
        if (scope.dataScope() != null) {
            return new ResponsibilityScope(false, scope.dataScope().organs());
        }
        if (user.role() != Role.MEMBER || scope.own().isEmpty() || user.scopeCode() == null) {
            return new ResponsibilityScope(false, Set.of());
        }
        // A member sees the letters of the organ their own party organisation belongs to.
        return new ResponsibilityScope(false, Set.copyOf(jdbc.queryForList("""
                SELECT p.organ_id FROM member m JOIN party_org p ON p.id = m.party_org_id
                WHERE m.code = :c AND p.organ_id IS NOT NULL""", Map.of("c", user.scopeCode()), Long.class)));
    }

    public PageResult<Letters.Row> letters(CurrentUser user, Letters.Filter filter, PageQuery page) {
        ResponsibilityScope scope = scopeOf(user);
        PageResult<Letters.Row> result = letters.list(scope, filter, page);
        return new PageResult<>(counted(scope, filter, result.items()), result.page(), result.size(), result.total(), result.exact());
    }

    /** Every letter the filter selects, counted (the export). */
    public List<Letters.Row> allLetters(CurrentUser user, Letters.Filter filter) {
        ResponsibilityScope scope = scopeOf(user);
        return counted(scope, filter, letters.all(scope, filter));
    }

    private List<Letters.Row> counted(ResponsibilityScope scope, Letters.Filter filter, List<Letters.Row> rows) {
        Map<Long, DutyFulfilment.Summary> summaries = DutyFulfilment.summaries(fulfilment.items(scope, filter,
                rows.stream().map(Letters.Row::id).toList()));
        return rows.stream().map(r -> r.counted(summaries.getOrDefault(r.id(), DutyFulfilment.Summary.NONE))).toList();
    }

    /** The duty items of the letters in scope, of a status if named, paged after their status is computed. */
    public PageResult<DutyFulfilment.ItemView> items(CurrentUser user, Letters.Filter filter, ItemStatus status, PageQuery page) {
        List<DutyFulfilment.ItemView> all = fulfilment.items(scopeOf(user), filter, null).stream()
                .filter(i -> status == null ? i.status() != ItemStatus.WITHDRAWN : i.status() == status).toList();
        int from = (int) Math.min(all.size(), page.offset());
        return PageResult.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    /** A letter in full, if the person may see it. */
    public LetterDetail letter(CurrentUser user, long id) {
        ResponsibilityLetter letter = visible(user, id);
        List<DutyFulfilment.ItemView> items = fulfilment.items(ResponsibilityScope.everything(), Letters.Filter.none(), List.of(id));
        Letters.Row row = letters.row(id).counted(DutyFulfilment.summaries(items).getOrDefault(id, DutyFulfilment.Summary.NONE));
        List<ListView> lists = new ArrayList<>();
        for (DutyList list : DutyList.values()) {
            lists.add(new ListView(list, list.label(), items.stream().filter(i -> i.list() == list).toList()));
        }
        return new LetterDetail(row, letter.body(), lists, yearMeetings(letter.organId(), letter.year()),
                reports.ofOrgan(letter.organId(), letter.year()), letters.events(id));
    }

    /** The letter, when it exists (404) and the person sees its organ (403). */
    ResponsibilityLetter visible(CurrentUser user, long id) {
        ResponsibilityLetter letter = letters.load(id).orElseThrow(() -> new NotFoundException("责任书", String.valueOf(id)));
        if (!scopeOf(user).sees(letter.organId())) {
            throw new OutOfScopeException("责任书", String.valueOf(id));
        }
        return letter;
    }

    /** Whether each of the three meetings was held by the organ's party organisations in the year, with the meetings. */
    public List<YearMeeting> yearMeetings(long organId, int year) {
        Map<MeetingKind, List<DutyFulfilment.RecordLink>> held = new java.util.EnumMap<>(MeetingKind.class);
        jdbc.query("""
                        SELECT g.id, g.kind, g.held_on, p.name FROM meeting g JOIN party_org p ON p.id = g.party_org_id
                        WHERE p.organ_id = :o AND g.kind IN (:kinds) AND g.held_on BETWEEN :from AND :to ORDER BY g.held_on, g.id""",
                Map.of("o", organId, "kinds", THREE_MEETINGS.stream().map(Enum::name).toList(), "from", LocalDate.of(year, 1, 1),
                        "to", LocalDate.of(year, 12, 31)), rs -> {
                    MeetingKind kind = MeetingKind.valueOf(rs.getString(2));
                    held.computeIfAbsent(kind, k -> new ArrayList<>()).add(new DutyFulfilment.RecordLink("MEETING",
                            rs.getString(4) + kind.label(), rs.getObject(3, LocalDate.class), "/meetings/" + rs.getLong(1), false));
                });
        return THREE_MEETINGS.stream().map(k -> new YearMeeting(k, k.label(), held.containsKey(k), held.getOrDefault(k, List.of())))
                .toList();
    }

    public PageResult<DutyReports.Row> dutyReports(CurrentUser user, DutyReports.Filter filter, PageQuery page) {
        return reports.list(scopeOf(user), filter, page);
    }

    public DutyReports.Detail dutyReport(CurrentUser user, long id) {
        DutyReport report = reports.load(id).orElseThrow(() -> new NotFoundException("述职述廉报告", String.valueOf(id)));
        if (!scopeOf(user).sees(report.organId())) {
            throw new OutOfScopeException("述职述廉报告", String.valueOf(id));
        }
        return reports.detail(id);
    }
}
