package org.ronghe.directory.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an XLSX file, or a CSV file in UTF-8 (with or without BOM) or GB18030
 * (what Chinese Excel writes), into rows keyed by header.
 */
final class SpreadsheetReader {

    static final int MAX_ROWS = 1_000_000;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private SpreadsheetReader() {
    }

    static Table read(byte[] content, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return csv(content);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || looksLikeZip(content)) {
            return excel(content);
        }
        return csv(content);
    }

    private static boolean looksLikeZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K';
    }

    private static Table csv(byte[] content) {
        String text = decode(content);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(new StringReader(text))) {
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (headers == null) {
                    headers = values.stream().map(String::trim).toList();
                    continue;
                }
                addRow(rows, (int) record.getRecordNumber(), headers, values);
            }
            return new Table(headers == null ? List.of() : headers, rows);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("CSV 文件无法解析：" + e.getMessage());
        }
    }

    private static String decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    private static Table excel(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> headers = null;
            List<Table.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > MAX_ROWS) {
                    throw new UnreadableFileException("文件超过 " + MAX_ROWS + " 行，请拆分后导入");
                }
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    values.add(cellText(row.getCell(c), formatter));
                }
                if (headers == null) {
                    headers = values.stream().map(String::trim).toList();
                    continue;
                }
                addRow(rows, row.getRowNum() + 1, headers, values);
            }
            return new Table(headers == null ? List.of() : headers, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw new UnreadableFileException("Excel 文件无法读取，请使用 .xlsx 格式：" + e.getMessage());
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (type == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            // Integral numbers (counts, and codes Excel turned into numbers) come back without a trailing ".0".
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return formatter.formatCellValue(cell);
    }

    private static void addRow(List<Table.Row> rows, int number, List<String> headers, List<String> values) {
        if (values.stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            cells.put(headers.get(i), i < values.size() ? values.get(i) : "");
        }
        rows.add(new Table.Row(number, cells));
    }

    record Table(List<String> headers, List<Row> rows) {

        record Row(int number, Map<String, String> cells) {
        }
    }

    static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message) {
            super(message);
        }
    }
}
