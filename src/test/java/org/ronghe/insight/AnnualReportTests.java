package org.ronghe.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The annual report drafted as a Word file: its structure, and every figure it states against {@code GET /api/v1/figures}. */
@RongheTest
class AnnualReportTests {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    Api api;

    XWPFDocument report(String user, String query) throws IOException {
        Api.Response answer = api.get(user, "/api/v1/reports/annual" + query, MediaType.ALL);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return new XWPFDocument(new ByteArrayInputStream(answer.body()));
    }

    static List<String> paragraphs(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    /** The appendix 数据来源: key → value as stated. */
    static Map<String, String> sources(XWPFDocument doc) {
        assertThat(doc.getTables()).hasSize(1);
        XWPFTable table = doc.getTables().get(0);
        assertThat(table.getRow(0).getCell(2).getText()).isEqualTo("键");
        Map<String, String> stated = new LinkedHashMap<>();
        for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
            stated.put(row.getCell(2).getText(), row.getCell(3).getText());
            assertThat(row.getCell(4).getText()).as("a link for " + row.getCell(2).getText()).startsWith("/");
        }
        return stated;
    }

    static String asStated(JsonNode value, String key) {
        if (value.isNull()) {
            return "暂无";
        }
        BigDecimal v = value.decimalValue();
        boolean share = key.endsWith("Rate") || key.equals("meetingCompliance");
        return share ? v.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%"
                : v.stripTrailingZeros().toPlainString();
    }

    @Test
    void theCommitteesReportFollowsTheSeedReportAndEveryFigureEqualsTheFiguresApi() throws IOException {
        for (String user : List.of("committee", "secretary")) {
            try (XWPFDocument doc = report(user, "?year=" + YEAR)) {
                List<String> text = paragraphs(doc);
                assertThat(text.get(0)).contains(YEAR + "年度调研报告");
                assertThat(text).contains("一、主要做法", "二、现实问题及原因分析", "三、对策措施",
                        "（一）思想认识“有温差”，政治意识“淡化”", "（二）党建业务“两张皮”，领导效能“弱化”",
                        "（三）治党压力“层递减”，责任落实“虚化”", "（一）抓理论武装，促思想融合", "附：数据来源");
                assertThat(String.join("\n", text)).contains("数据截至", "尚无考核结果，无法比对");

                JsonNode figures = api.get(user, "/api/v1/figures").json();
                Map<String, String> expected = new LinkedHashMap<>();
                figures.properties().forEach(f -> expected.put(f.getKey(), asStated(f.getValue(), f.getKey())));
                Map<String, String> stated = sources(doc);
                assertThat(stated).as(user).isEqualTo(expected);
                // Section one states each figure as the appendix does.
                String practice = text.get(text.indexOf("一、主要做法") + 1);
                expected.values().forEach(v -> assertThat(practice).contains(" " + v));
            }
        }
    }

    @Test
    void aPastYearsReportStatesNoFigureAndSaysWhy() throws IOException {
        try (XWPFDocument doc = report("committee", "?year=" + (YEAR - 1))) {
            List<String> text = paragraphs(doc);
            assertThat(text).contains("一、主要做法", "二、现实问题及原因分析", "三、对策措施");
            assertThat(doc.getTables()).isEmpty();
            assertThat(String.join("\n", text)).contains("无法还原" + (YEAR - 1) + "年的数字").doesNotContain("数据截至");
        }
    }

    @Test
    void aMemberIsRefusedAndAFutureYearIsABadRequest() {
        Api.Response member = api.get("member", "/api/v1/reports/annual");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.contentType()).contains("problem+json");
        Api.Response future = api.get("committee", "/api/v1/reports/annual?year=" + (YEAR + 1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.contentType()).contains("problem+json");
    }
}
