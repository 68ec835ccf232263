package org.ronghe.partylife.ledger;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.ronghe.partylife.ComplianceBook;

/**
 * What a section is generated for: one party organisation and one calendar year, the year's compliance, and the
 * year's meetings, attendance and decisions, read once (three queries) and shared by every section that needs them.
 */
public final class LedgerYear {

    /** The organisation the ledger is kept for. */
    public record Org(long id, String code, String name, String kind) {
    }

    private final Org org;
    private final int year;
    private final ComplianceBook.Grid compliance;
    private final Supplier<YearRecords> loader;
    private YearRecords records;

    LedgerYear(Org org, int year, ComplianceBook.Grid compliance, Supplier<YearRecords> loader) {
        this.org = org;
        this.year = year;
        this.compliance = compliance;
        this.loader = loader;
    }

    public Org org() {
        return org;
    }

    public int year() {
        return year;
    }

    public LocalDate from() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate to() {
        return LocalDate.of(year, 12, 31);
    }

    /** The year's compliance with the frequency rules, as the compliance page shows it. */
    public ComplianceBook.Grid compliance() {
        return compliance;
    }

    /** The year's meetings, attendance and decisions: read at the first call, then kept (one ledger is built in one request). */
    public YearRecords records() {
        if (records == null) {
            records = loader.get();
        }
        return records;
    }
}
