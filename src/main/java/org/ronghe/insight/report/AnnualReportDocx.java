package org.ronghe.insight.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes the report as a Word document: the title centred in 小标宋-like bold, section headings in 黑体, part headings
 * in 楷体, body in 仿宋 with a two-character indent, and the appendix table 数据来源 (序号, 指标, 键, 数值, 查询链接).
 */
final class AnnualReportDocx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String SOURCES = "附：数据来源";

    private AnnualReportDocx() {
    }

    static void write(AnnualReport report, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(report.title());
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, report.title(), 20, true, "方正小标宋简体");
            body(doc, report.preface());
            for (AnnualReport.Section section : report.sections()) {
                heading(doc, section.heading(), 16, "黑体");
                section.paragraphs().forEach(p -> body(doc, p));
                for (AnnualReport.Part part : section.parts()) {
                    heading(doc, part.heading(), 16, "楷体");
                    part.paragraphs().forEach(p -> body(doc, p));
                }
            }
            if (!report.sources().isEmpty()) {
                heading(doc, SOURCES, 14, "黑体");
                XWPFTable table = doc.createTable(1 + report.sources().size(), 5);
                String[] head = {"序号", "指标", "键", "数值", "查询链接"};
                for (int i = 0; i < head.length; i++) {
                    cell(table.getRow(0), i, head[i], true);
                }
                int r = 1;
                for (AnnualReport.Source s : report.sources()) {
                    XWPFTableRow row = table.getRow(r);
                    cell(row, 0, String.valueOf(r), false);
                    cell(row, 1, s.label(), false);
                    cell(row, 2, s.key(), false);
                    cell(row, 3, s.value(), false);
                    cell(row, 4, s.link(), false);
                    r++;
                }
            }
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text, int size, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        p.setKeepNext(true);
        run(p, text, size, true, font);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        run(p, text, 16, false, "仿宋_GB2312");
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold) {
        XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
        run(p, text == null ? "" : text, 10, bold, "宋体");
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold, String font) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(font);
    }
}
