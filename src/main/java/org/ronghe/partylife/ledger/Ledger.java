package org.ronghe.partylife.ledger;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.partylife.ComplianceBook;

/**
 * The ledgers (台账) of one party organisation for one year, generated from its records: the compliance grid, the
 * year's counts, and each section's table, in order. Pages, JSON, XLSX and DOCX all render this.
 *
 * @param title "XX党支部 2026年度 组织生活台账"
 */
public record Ledger(String orgCode, String orgName, String orgKind, int year, String title, LocalDate generatedOn,
                     ComplianceBook.Grid compliance, Summary summary, List<Section> sections) {

    /**
     * The year in numbers: meetings, those with quorum, those with the first-item study, members on any meeting's roll,
     * and the decisions: raised as calls, delivered, and those that led nowhere (未落实).
     */
    public record Summary(int meetings, int quorate, int studies, int members, int present, int decisions, int decisionsRaised,
                          int decisionsDelivered, int decisionsUndone) {
    }

    /** A section as rendered: its key and title with its table. */
    public record Section(String key, String title, List<LedgerSection.Column> columns, List<LedgerSection.Row> rows,
                          List<LedgerSection.Row> totals, int frozenColumns) {

        static Section of(LedgerSection section, LedgerSection.Table table) {
            return new Section(section.key(), section.title(), table.columns(), table.rows(), table.totals(), table.frozenColumns());
        }
    }
}
