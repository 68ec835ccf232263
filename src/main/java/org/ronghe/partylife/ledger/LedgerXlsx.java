package org.ronghe.partylife.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The ledgers as a workbook in the usual layout: one sheet per section, named by its title; the header row bold on
 * grey and frozen (with the member columns of the attendance register); column widths from the section; long text
 * wrapped; the totals bold beneath.
 */
public final class LedgerXlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private LedgerXlsx() {
    }

    public static void write(Ledger ledger, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(ledger.title());
            Styles styles = new Styles(workbook);
            for (Ledger.Section section : ledger.sections()) {
                sheet(workbook.createSheet(WorkbookUtil.createSafeSheetName(section.title())), section, styles);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Sheet sheet, Ledger.Section section, Styles styles) {
        List<LedgerSection.Column> columns = section.columns();
        Row head = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(columns.get(i).label());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width() * 2 + 2) * 256);
        }
        int next = 1;
        for (LedgerSection.Row row : section.rows()) {
            write(sheet.createRow(next++), row, columns, styles.body, styles.wrapped);
        }
        for (LedgerSection.Row row : section.totals()) {
            write(sheet.createRow(next++), row, columns, styles.total, styles.total);
        }
        sheet.createFreezePane(section.frozenColumns(), 1);
    }

    private static void write(Row row, LedgerSection.Row values, List<LedgerSection.Column> columns, CellStyle plain, CellStyle wrapped) {
        for (int i = 0; i < values.cells().size(); i++) {
            Cell cell = row.createCell(i);
            Object value = values.cells().get(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
            cell.setCellStyle(i < columns.size() && columns.get(i).wrap() ? wrapped : plain);
        }
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle body;
        final CellStyle wrapped;
        final CellStyle total;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            body = bordered(workbook);
            wrapped = bordered(workbook);
            wrapped.setWrapText(true);
            total = bordered(workbook);
            total.setFont(bold);
            total.setWrapText(true);
        }

        private static CellStyle bordered(SXSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
