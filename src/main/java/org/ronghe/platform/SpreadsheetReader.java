package org.ronghe.platform;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
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
public final class SpreadsheetReader {

    public static final int MAX_ROWS = 1_000_000;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SpreadsheetReader() {
    }

    /**
     * Reads the file as what its content is, whatever it is called: an XLSX workbook (a ZIP holding the
     * OOXML parts), or text. Anything else (an old .xls, another ZIP, an image or program renamed to
     * .csv or .xlsx, text in an unknown encoding) is refused with a Chinese reason.
     */
    public static Table read(byte[] content) {
        if (content.length == 0) {
            throw new UnreadableFileException("文件是空的");
        }
        if (startsWith(content, ZIP)) {
            if (!isWorkbook(content)) {
                throw new UnreadableFileException("文件内容不是 XLSX 工作簿（是其他 ZIP 压缩文件），请上传 .xlsx 或 .csv 文件");
            }
            return excel(content);
        }
        if (startsWith(content, OLE2)) {
            throw new UnreadableFileException("文件是旧版 Excel（.xls）或其他 Office 格式，请在 Excel 中另存为 .xlsx 后导入");
        }
        return csv(content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** An OOXML spreadsheet names its content types and holds a workbook part; only the ZIP's directory is read. */
    private static boolean isWorkbook(byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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

    /** UTF-8 (with or without BOM), else GB18030; text only: no NUL or other control bytes a CSV never holds. */
    private static String decode(byte[] content) {
        for (byte b : content) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                throw new UnreadableFileException("文件内容不是文本（CSV）：含有二进制数据，可能是改了扩展名的其他文件；"
                        + "请上传 .xlsx 或 UTF-8、GB18030 编码的 .csv 文件");
            }
        }
        boolean bom = startsWith(content, UTF8_BOM);
        try {
            return strict(StandardCharsets.UTF_8, content, bom ? 3 : 0);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GB18030, content, 0);
            } catch (CharacterCodingException neither) {
                throw new UnreadableFileException("文件的文字编码无法识别：请保存为 UTF-8 或 GB18030（GBK）编码的 CSV 文件");
            }
        }
    }

    private static String strict(Charset charset, byte[] content, int offset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
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

    public record Table(List<String> headers, List<Row> rows) {

        public record Row(int number, Map<String, String> cells) {
        }
    }

    public static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message) {
            super(message);
        }
    }
}
