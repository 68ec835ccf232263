package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import org.ronghe.platform.ImportError;
import org.ronghe.platform.SpreadsheetReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ronghe.directory.DataScope;
import org.ronghe.platform.Audit;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Xlsx;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports and exports the directory as spreadsheets. An import is all-or-nothing: every row is
 * read and checked first, and any error rejects the whole file with the full list; an accepted
 * file is applied in one transaction, inserting new keys and updating changed rows only, so the
 * same file twice changes nothing the second time.
 */
@Service
public class Transfers {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Map<String, Sheet<?>> sheets = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    Transfers(List<Sheet<?>> sheets, JdbcClient jdbc, Audit audit, TransactionTemplate transactions,
              org.springframework.context.ApplicationEventPublisher events) {
        sheets.stream().sorted(Comparator.comparingInt(s -> SheetOrder.of(s.entity())))
                .forEach(s -> this.sheets.put(s.entity(), s));
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
    }

    /** The entities in the order they should be imported (referenced ones first). */
    public List<SheetInfo> sheets() {
        return sheets.values().stream().map(s -> new SheetInfo(s.entity(), s.title(), s.columns())).toList();
    }

    public Optional<SheetInfo> sheet(String entity) {
        return Optional.ofNullable(sheets.get(entity)).map(s -> new SheetInfo(s.entity(), s.title(), s.columns()));
    }

    /** Imports a file read as what its content is (XLSX or CSV), never as what its name or media type claim. */
    public ImportReport importFile(String entity, byte[] content) {
        return run(sheetOf(entity), content);
    }

    public void export(String entity, DataScope scope, OutputStream out) {
        exportSheet(sheetOf(entity), scope, out);
    }

    public void templateXlsx(String entity, OutputStream out) {
        Sheet<?> sheet = sheetOf(entity);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet data = workbook.createSheet(sheet.title());
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row head = data.createRow(0);
            List<Column> columns = sheet.columns();
            for (int i = 0; i < columns.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(header);
                data.setColumnWidth(i, Math.max(12, columns.get(i).header().length() * 3) * 256);
                if (columns.get(i).text()) {
                    // Keeps codes, ID and phone numbers as typed (Excel would turn 18 digits into 4.4E+17).
                    data.setDefaultColumnStyle(i, text);
                }
            }
            data.createFreezePane(0, 1);
            XSSFSheet help = workbook.createSheet("填写说明");
            String[] titles = {"列名", "是否必填", "填写要求"};
            Row helpHead = help.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                helpHead.createCell(i).setCellValue(titles[i]);
                helpHead.getCell(i).setCellStyle(header);
            }
            for (int i = 0; i < columns.size(); i++) {
                Row row = help.createRow(i + 1);
                row.createCell(0).setCellValue(columns.get(i).header());
                row.createCell(1).setCellValue(columns.get(i).required() ? "必填" : "选填");
                row.createCell(2).setCellValue(columns.get(i).hint());
            }
            help.setColumnWidth(0, 20 * 256);
            help.setColumnWidth(2, 80 * 256);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV template: the header line in UTF-8 with a BOM, so Excel opens the Chinese headers correctly. */
    public void templateCsv(String entity, OutputStream out) {
        try {
            out.write(UTF8_BOM);
            out.write((String.join(",", sheetOf(entity).columns().stream().map(Column::header).toList()) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sheet<?> sheetOf(String entity) {
        Sheet<?> sheet = sheets.get(entity);
        if (sheet == null) {
            throw new NotFoundException("导入导出类型", entity);
        }
        return sheet;
    }

    private <R> void exportSheet(Sheet<R> sheet, DataScope scope, OutputStream out) {
        Xlsx.write(out, sheet.title(), sheet.columns().stream().map(Column::header).toList(),
                sink -> sheet.export(scope, r -> sink.accept(sheet.cells(r))));
    }

    private <R> ImportReport run(Sheet<R> sheet, byte[] content) {
        SpreadsheetReader.Table table;
        try {
            table = SpreadsheetReader.read(content);
        } catch (SpreadsheetReader.UnreadableFileException e) {
            throw reject(sheet, List.of(new ImportError(0, "", null, e.getMessage())));
        }
        List<ImportError> errors = new ArrayList<>();
        for (Column column : sheet.columns()) {
            if (column.required() && !table.headers().contains(column.header())) {
                errors.add(new ImportError(1, column.header(), null, "缺少必填列，请使用下载的模板"));
            }
        }
        if (errors.isEmpty() && table.rows().isEmpty()) {
            errors.add(new ImportError(2, "", null, "文件没有数据行"));
        }
        if (!errors.isEmpty()) {
            throw reject(sheet, errors);
        }
        List<Sheet.Numbered<R>> rows = new ArrayList<>();
        for (SpreadsheetReader.Table.Row row : table.rows()) {
            R value = sheet.read(new RowReader(row.number(), row.cells(), errors));
            if (value != null) {
                rows.add(new Sheet.Numbered<>(row.number(), value));
            }
        }
        sheet.check(rows, new Checks(jdbc, errors));
        if (!errors.isEmpty()) {
            throw reject(sheet, errors);
        }
        return transactions.execute(status -> apply(sheet, rows.stream().map(Sheet.Numbered::value).toList()));
    }

    private <R> ImportReport apply(Sheet<R> sheet, List<R> rows) {
        Map<String, R> existing = new LinkedHashMap<>();
        for (List<R> chunk : Checks.chunks(rows)) {
            existing.putAll(sheet.existing(chunk.stream().map(sheet::key).toList()));
        }
        List<R> inserts = new ArrayList<>();
        List<R> updates = new ArrayList<>();
        List<Audit.Entry> entries = new ArrayList<>();
        String subject = SheetOrder.subject(sheet.entity());
        for (R row : rows) {
            R before = existing.get(sheet.key(row));
            if (before == null) {
                inserts.add(row);
                entries.add(Audit.Entry.change("IMPORT_CREATED", subject, sheet.key(row), null, sheet.auditState(row)));
            } else if (!before.equals(row)) {
                updates.add(row);
                entries.add(Audit.Entry.change("IMPORT_UPDATED", subject, sheet.key(row), sheet.auditState(before),
                        sheet.auditState(row)));
            }
        }
        sheet.insert(inserts);
        sheet.update(updates);
        ImportReport report = new ImportReport(sheet.entity(), rows.size(), inserts.size(), updates.size(),
                rows.size() - inserts.size() - updates.size());
        if (!entries.isEmpty()) {
            events.publishEvent(new org.ronghe.directory.DirectoryChanged(sheet.entity()));
            audit.recordAll(entries);
            audit.record(Audit.Entry.change("IMPORT_APPLIED", subject, null, null,
                    Map.of("rows", report.rows(), "created", report.created(), "updated", report.updated())));
        }
        return report;
    }

    private RejectedInputException reject(Sheet<?> sheet, List<ImportError> errors) {
        List<ImportError> sorted = errors.stream()
                .sorted(Comparator.comparingInt(ImportError::row).thenComparing(e -> columnIndex(sheet, e.column())))
                .toList();
        return new RejectedInputException("import-rejected", "导入未通过校验",
                sheet.title() + "导入未通过校验：共 " + sorted.size() + " 处错误，未导入任何数据", sorted,
                Map.of("entity", sheet.entity()));
    }

    private static int columnIndex(Sheet<?> sheet, String header) {
        List<Column> columns = sheet.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        return -1;
    }

    public record SheetInfo(String entity, String title, List<Column> columns) {
    }
}
