package org.ronghe.partylife.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.ronghe.partylife.Attendance;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.stereotype.Service;

/**
 * Generates an organisation's ledgers for a year from its records, within the reader's party-life scope (the same
 * scope and refusals as the meetings: 404 for an unknown organisation, 403 for one outside the scope, 400 for a
 * year outside 2000 to next year). A ledger costs the same handful of queries whatever the number of meetings:
 * the organisation, the compliance (organisation, rules, meetings held), and the year's meetings, attendance and
 * decisions, shared by the sections.
 */
@Service
public class Ledgers {

    private final MeetingDesk desk;
    private final ComplianceBook book;
    private final LedgerRecords records;
    private final List<LedgerSection> sections;

    Ledgers(MeetingDesk desk, ComplianceBook book, LedgerRecords records, List<LedgerSection> sections) {
        this.desk = desk;
        this.book = book;
        this.records = records;
        this.sections = sections.stream().sorted(Comparator.comparingInt(LedgerSection::order)).toList();
    }

    public Ledger ledger(CurrentUser user, String orgCode, Integer year) {
        String code = orgCode == null ? "" : orgCode.trim();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("请指定党组织编码（org）");
        }
        PartyLifeScope scope = desk.scopeOf(user);
        MeetingDesk.PartyOrg org = desk.partyOrg(code);
        if (!scope.sees(org.id(), org.organId(), org.communityId())) {
            throw new OutOfScopeException("党组织", org.code());
        }
        int y = book.year(year);
        ComplianceBook.Grid compliance = book.grid(scope, org.code(), y);
        LedgerYear ledgerYear = new LedgerYear(new LedgerYear.Org(org.id(), org.code(), org.name(), org.kind()), y, compliance,
                () -> records.load(org.id(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), book.today()));
        List<Ledger.Section> tables = sections.stream().map(s -> Ledger.Section.of(s, s.table(ledgerYear))).toList();
        return new Ledger(org.code(), org.name(), org.kind(), y, org.name() + " " + y + "年度 组织生活台账", book.today(), compliance,
                summary(ledgerYear.records()), tables);
    }

    private static Ledger.Summary summary(YearRecords r) {
        int quorate = (int) r.meetings().stream().filter(YearRecords.MeetingLine::quorate).count();
        int studies = (int) r.meetings().stream().filter(YearRecords.MeetingLine::firstItemStudy).count();
        int members = (int) r.marks().stream().map(YearRecords.Mark::memberCode).distinct().count();
        int present = (int) r.marks().stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
        // Raised as a call, issued as a directive or given as a task: everything but the decisions that led nowhere.
        int raised = (int) r.decisions().stream().filter(d -> !d.followUp().nothing()).count();
        int delivered = (int) r.decisions().stream().filter(YearRecords.DecisionLine::delivered).count();
        return new Ledger.Summary(r.meetings().size(), quorate, studies, members, present, r.decisions().size(), raised, delivered,
                r.decisions().size() - raised);
    }

    /** The organisations in the reader's scope (searched by code or name), each with its meetings in the year. */
    public PageResult<Choice> choices(CurrentUser user, String q, Integer year, PageQuery page) {
        int y = book.year(year);
        return records.choices(desk.scopeOf(user), q, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), page);
    }

    /** A party organisation one may open the ledgers of, with the number of its meetings in the year. */
    public record Choice(String code, String name, String kind, String organName, long meetings) {
    }

    /** The year asked for, or this year; 400 outside 2000 to next year. */
    public int year(Integer year) {
        return book.year(year);
    }
}
