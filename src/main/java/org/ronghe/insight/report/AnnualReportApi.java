package org.ronghe.insight.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual report as a Word file, from the API and from the diagnosis page's button (the same file). The document
 * is written in full before the first byte goes out, so a refusal is still a problem answer.
 */
@RestController
@Tag(name = "reports", description = "年度调研报告：由记录起草的 Word 文档")
class AnnualReportApi {

    private final AnnualReports reports;

    AnnualReportApi(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/annual")
    @Operation(summary = "起草年度调研报告（DOCX）：一、主要做法（本年度按当前记录列出 /api/v1/figures 的各项数字，往年不列数字）、"
            + "二、现实问题及原因分析（本年度诊断及依据）、三、对策措施（标题），附数据来源表；工委和机关党组书记")
    void annual(CurrentUser user, @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        send(reports.draft(user, year), response);
    }

    @GetMapping("/reports/annual.docx")
    void download(CurrentUser user, @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        send(reports.draft(user, year), response);
    }

    private static void send(AnnualReport report, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnualReportDocx.write(report, out);
        response.setContentType(AnnualReportDocx.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annual-report-" + report.year()
                + ".docx\"; filename*=UTF-8''" + rfc5987(report.title() + ".docx"));
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    /** Every byte of the UTF-8 name outside RFC 5987's attr-char as %XX. */
    private static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
