package org.ronghe.partylife.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The ledgers as a printed 台账: A4 landscape, the title "XX党支部 2026年度 组织生活台账" centred, then for each
 * section a numbered heading (一、合规情况 …) and its table — header row repeated on every page, widths from the
 * section, totals bold — or a line saying the year has no record of it.
 */
public final class LedgerDocx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    /** A4 landscape in twentieths of a point, with 1.8 cm margins. */
    private static final int PAGE_WIDTH = 16838;
    private static final int PAGE_HEIGHT = 11906;
    private static final int MARGIN = 1020;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    private LedgerDocx() {
    }

    public static void write(Ledger ledger, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(ledger.title());
            landscape(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, ledger.title(), 18, true, "黑体");
            XWPFParagraph note = doc.createParagraph();
            note.setAlignment(ParagraphAlignment.CENTER);
            run(note, "党组织编码：" + ledger.orgCode() + "　生成日期：" + ledger.generatedOn() + "　本台账由系统根据组织生活记录生成", 9, false,
                    "宋体");
            for (int i = 0; i < ledger.sections().size(); i++) {
                Ledger.Section section = ledger.sections().get(i);
                XWPFParagraph heading = doc.createParagraph();
                heading.setSpacingBefore(240);
                heading.setKeepNext(true);
                run(heading, (i < NUMERALS.length ? NUMERALS[i] : String.valueOf(i + 1)) + "、" + section.title(), 14, true, "黑体");
                table(doc, section);
                if (section.rows().isEmpty()) {
                    run(doc.createParagraph(), "本年度无记录。", 10, false, "宋体");
                }
            }
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void landscape(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
    }

    private static void table(XWPFDocument doc, Ledger.Section section) {
        List<LedgerSection.Column> columns = section.columns();
        // The attendance register of a busy year has dozens of columns: smaller print, narrower cell margins.
        int size = columns.size() > 16 ? 7 : 9;
        int[] widths = widths(columns);
        XWPFTable table = doc.createTable(1 + section.rows().size() + section.totals().size(), columns.size());
        table.setWidth(TEXT_WIDTH);
        table.setWidthType(TableWidthType.DXA);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setCellMargins(20, columns.size() > 16 ? 30 : 80, 20, columns.size() > 16 ? 30 : 80);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int i = 0; i < columns.size(); i++) {
            XWPFTableCell cell = cell(head, i, widths[i]);
            cell.setColor("E7E6E6");
            text(cell, columns.get(i).label(), size, true);
        }
        int r = 1;
        for (LedgerSection.Row row : section.rows()) {
            fill(table.getRow(r++), row, widths, size, false);
        }
        for (LedgerSection.Row row : section.totals()) {
            fill(table.getRow(r++), row, widths, size, true);
        }
    }

    private static void fill(XWPFTableRow row, LedgerSection.Row values, int[] widths, int size, boolean bold) {
        for (int i = 0; i < widths.length; i++) {
            Object value = i < values.cells().size() ? values.cells().get(i) : null;
            text(cell(row, i, widths[i]), value == null ? "" : value.toString(), size, bold);
        }
    }

    private static XWPFTableCell cell(XWPFTableRow row, int i, int width) {
        XWPFTableCell cell = row.getCell(i) == null ? row.addNewTableCell() : row.getCell(i);
        cell.setWidth(String.valueOf(width));
        cell.setWidthType(TableWidthType.DXA);
        return cell;
    }

    /** The cell's text, a line break for each newline (the decisions of a meeting, one per line). */
    private static void text(XWPFTableCell cell, String text, int size, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setSpacingAfter(0);
        String[] lines = text.split("\n", -1);
        XWPFRun run = run(paragraph, lines[0], size, bold, "宋体");
        for (int i = 1; i < lines.length; i++) {
            run.addBreak();
            run.setText(lines[i]);
        }
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, String font) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        return run;
    }

    /** Each column's share of the text width, in proportion to its width in characters. */
    static int[] widths(List<LedgerSection.Column> columns) {
        int sum = columns.stream().mapToInt(LedgerSection.Column::width).sum();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(1, TEXT_WIDTH * columns.get(i).width() / Math.max(1, sum));
        }
        return widths;
    }
}
