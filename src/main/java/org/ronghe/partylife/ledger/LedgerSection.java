package org.ronghe.partylife.ledger;

import java.util.List;

/**
 * One ledger of an organisation's year (会议记录, 党员出勤, …): a title and a table generated from the records.
 * Every section is a Spring bean; {@link Ledgers} collects them in {@link #order()} and the page, the JSON, the
 * XLSX (a sheet each) and the DOCX (a heading and a table each) render whatever sections there are. A new ledger
 * (the democratic review results, say) is a new bean: nothing else changes.
 */
public interface LedgerSection {

    /** A stable identifier: the anchor on the page, the key in the JSON. */
    String key();

    /** The short title: the sheet name (at most 31 characters) and the heading. */
    String title();

    /** Where the section stands among the others (ascending). */
    int order();

    /** The section's table for the organisation and year; its queries are the section's own or {@link LedgerYear#records()}. */
    Table table(LedgerYear year);

    /**
     * @param width in characters of a Chinese text (a column of dates is about 6); the XLSX column width and the DOCX
     *              share of the page
     * @param wrap  long text (minutes, decisions), wrapped in its cell
     */
    record Column(String label, int width, boolean wrap) {

        public static Column of(String label, int width) {
            return new Column(label, width, false);
        }

        public static Column wrapped(String label, int width) {
            return new Column(label, width, true);
        }
    }

    /**
     * A row: its cells (text, a whole number, or null for an empty cell), and the record behind it, if any (the
     * meeting's page), so each line of a ledger leads to what it was generated from.
     */
    record Row(List<Object> cells, String href) {

        public static Row of(Object... cells) {
            return new Row(java.util.Arrays.asList(cells), null);
        }

        public Row linked(String link) {
            return new Row(cells, link);
        }
    }

    /**
     * @param totals        rows under the table (totals per column), possibly none
     * @param frozenColumns how many leading columns stay in view when a wide sheet scrolls (the member in the attendance register)
     */
    record Table(List<Column> columns, List<Row> rows, List<Row> totals, int frozenColumns) {

        public Table(List<Column> columns, List<Row> rows, List<Row> totals) {
            this(columns, rows, totals, 0);
        }
    }
}
