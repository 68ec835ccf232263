package org.ronghe.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a list as an Excel workbook, streaming rows so a city-sized export does not fill the heap. */
public final class Xlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Xlsx() {
    }

    /** A sheet of a workbook written whole (small exports with several sheets). */
    public record Tab(String name, List<String> headers, List<? extends List<?>> rows) {
    }

    /** Writes a workbook of several sheets, in order. */
    public static void write(OutputStream out, List<Tab> sheets) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Tab s : sheets) {
                Sheet sheet = workbook.createSheet(s.name());
                Row head = sheet.createRow(0);
                for (int i = 0; i < s.headers().size(); i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(s.headers().get(i));
                    cell.setCellStyle(bold);
                    sheet.setColumnWidth(i, Math.max(10, s.headers().get(i).length() * 2 + 4) * 256);
                }
                int next = 1;
                for (List<?> values : s.rows()) {
                    Row row = sheet.createRow(next++);
                    for (int i = 0; i < values.size(); i++) {
                        set(row.createCell(i), values.get(i));
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(OutputStream out, String sheetName, List<String> headers, Iterable<? extends List<?>> rows) {
        write(out, sheetName, headers, sink -> rows.forEach(sink));
    }

    /**
     * Writes a sheet whose rows the producer hands over one at a time, so nothing but the current
     * window of rows is held in memory.
     */
    public static void write(OutputStream out, String sheetName, List<String> headers,
                             Consumer<Consumer<List<?>>> producer) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
            }
            int[] next = {1};
            producer.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    set(row.createCell(i), values.get(i));
                }
            });
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number && !(value instanceof Long l && Math.abs(l) > 1_000_000_000_000L)) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof OffsetDateTime time) {
            cell.setCellValue(time.format(TIMESTAMP));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date.toString());
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
