package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.MeetingsClient.meeting;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/**
 * Ledgers equal the records: a branch's year of meetings recorded through the API (attendance, first items, decisions,
 * one raised as a call and carried through), then the JSON, the workbook and the document hold exactly those meetings,
 * counts and follow-ups — nothing of the next year or of a peer branch; the data scope and bad input are refused.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_ledgers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(LedgerTests.CountedStatements.class)
class LedgerTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String COMMUNITY = "440103001001";

    @Autowired
    ApplicationContext context;
    @Autowired
    Pages pages;
    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;

    MeetingsClient client;
    String branch;
    String peer;
    List<String> full;
    List<String> probationary;
    List<String> roll;
    /** Three years back: before the demo district's year of meetings, and within the five years a meeting may be recorded for. */
    int year;

    /** The branch's year, recorded once for every test of the class (they read it; one carries its call through). */
    Year recorded;

    @BeforeAll
    void recordOnce() {
        client = new MeetingsClient(context);
        List<String> branches = client.branches();
        branch = branches.get(0);
        peer = branches.get(1);
        full = client.members(branch, "FULL");
        probationary = client.members(branch, "PROBATIONARY");
        roll = new ArrayList<>(full);
        roll.addAll(probationary);
        year = LocalDate.now(SHANGHAI).getYear() - 3;
        recorded = recordTheYear();
    }

    /** The branch's year: three meetings (one without quorum, one without the study), three decisions, one raised as a call. */
    private record Year(long general, long themedDay, long lecture, long call) {
    }

    private Year recordTheYear() {
        Map<String, Object> general = body(meeting(branch, "GENERAL_MEETING", year + "-02-10", full.get(0), roll, true),
                List.of(Map.of("text", "为辖区独居老人开展助餐服务", "call", Map.of("category", "ELDERLY", "community", COMMUNITY)),
                        "整理支部学习资料"));
        general.put("studyTopic", "学习党的二十大精神（台账测试）");
        long g = client.ok("committee", "/api/v1/meetings", general).get("meeting").get("id").asLong();
        // One full member present of three or more: no quorum; the second excused; no first-item study.
        Map<String, Object> themed = body(meeting(branch, "THEMED_DAY", year + "-05-20", full.get(0), List.of(full.get(0)), false),
                List.of("组织党员开展志愿服务"));
        themed.put("excused", List.of(full.get(1)));
        long t = client.ok("secretary", "/api/v1/meetings", themed).get("meeting").get("id").asLong();
        // Everyone but the last full member (and the probationary members) present.
        Map<String, Object> lecture = body(meeting(branch, "LECTURE", year + "-11-30", full.get(0), full.subList(0, full.size() - 1), true),
                List.of());
        lecture.put("studyTopic", "学习《中国共产党章程》（台账测试）");
        long l = client.ok("committee", "/api/v1/meetings", lecture).get("meeting").get("id").asLong();
        // Neither the next year's meeting nor the peer branch's belongs in the ledger.
        Map<String, Object> nextYear = meeting(branch, "THEMED_DAY", (year + 1) + "-01-05", full.get(0), full, true);
        nextYear.put("place", "次年的会议室（不应出现）");
        client.ok("committee", "/api/v1/meetings", nextYear);
        List<String> peerFull = client.members(peer, "FULL");
        Map<String, Object> neighbour = meeting(peer, "GENERAL_MEETING", year + "-03-03", peerFull.get(0), peerFull, true);
        neighbour.put("place", "邻支部会议室（不应出现）");
        client.ok("committee", "/api/v1/meetings", neighbour);
        long call = client.read("committee", "/api/v1/meetings/" + g).get("decisions").get(0).get("callId").asLong();
        // The themed day's decision is given as a task afterwards.
        client.ok("secretary", "/api/v1/meetings/" + t + "/decisions/1/task", Map.of("owner", full.get(1), "dueOn", due()));
        // The year's democratic review: the first full member 优秀, the others 合格.
        long review = client.ok("committee", "/api/v1/reviews", Map.of("org", branch, "year", year)).get("review").get("id").asLong();
        client.ok("secretary", "/api/v1/reviews/" + review + "/voting", null);
        client.ok("secretary", "/api/v1/reviews/" + review + "/decision", Map.of("excellent", full.subList(0, 1),
                "basicallyQualified", List.of(), "qualified", full.subList(1, full.size())));
        return new Year(g, t, l, call);
    }

    private static String due() {
        return LocalDate.now(SHANGHAI).plusDays(10).toString();
    }

    private static Map<String, Object> body(Map<String, Object> meeting, List<Object> decisions) {
        Map<String, Object> body = new LinkedHashMap<>(meeting);
        body.put("decisions", decisions);
        return body;
    }

    private String path() {
        return "/api/v1/ledgers/" + branch + "/" + year;
    }

    @Test
    void theLedgerEqualsTheRecordsOfTheYearAndFollowsTheCallUntilDelivered() {
        JsonNode ledger = client.read("committee", path());
        String name = client.jdbc.sql("SELECT name FROM party_org WHERE code = :c").param("c", branch).query(String.class).single();
        assertThat(ledger.get("title").asString()).isEqualTo(name + " " + year + "年度 组织生活台账");
        List<String> keys = new ArrayList<>();
        ledger.get("sections").forEach(s -> keys.add(s.get("key").asString()));
        assertThat(keys).containsExactly("compliance", "meetings", "attendance", "studies", "decisions", "reviews");
        assertThat(ledger.toString()).doesNotContain("不应出现");

        JsonNode summary = ledger.get("summary");
        assertThat(summary.get("meetings").asInt()).isEqualTo(3);
        assertThat(summary.get("quorate").asInt()).isEqualTo(2);
        assertThat(summary.get("studies").asInt()).isEqualTo(2);
        assertThat(summary.get("members").asInt()).isEqualTo(roll.size());
        assertThat(summary.get("decisions").asInt()).isEqualTo(3);
        assertThat(summary.get("decisionsRaised").asInt()).isEqualTo(2);
        assertThat(summary.get("decisionsUndone").asInt()).isEqualTo(1);
        assertThat(summary.get("decisionsDelivered").asInt()).isZero();

        // The meeting register: the three meetings in date order, each leading to its record.
        Table meetings = table(ledger, "meetings");
        assertThat(meetings.column("日期")).containsExactly(year + "-02-10", year + "-05-20", year + "-11-30");
        assertThat(meetings.links()).containsExactly("/meetings/" + recorded.general(), "/meetings/" + recorded.themedDay(),
                "/meetings/" + recorded.lecture());
        assertThat(meetings.column("出席")).containsExactly(String.valueOf(roll.size()), "1", String.valueOf(full.size() - 1));
        assertThat(meetings.column("请假")).containsExactly("0", "1", "0");
        assertThat(meetings.column("应到")).containsOnly(String.valueOf(roll.size()));
        assertThat(meetings.column("法定人数").get(1)).startsWith("未达到");
        assertThat(meetings.column("第一议题")).containsExactly("学习党的二十大精神（台账测试）", "未学习", "学习《中国共产党章程》（台账测试）");
        assertThat(meetings.column("决定事项").get(0)).isEqualTo("1. 为辖区独居老人开展助餐服务\n2. 整理支部学习资料");

        // The attendance register: a row per member on the roll, a column per meeting, totals both ways.
        Table attendance = table(ledger, "attendance");
        assertThat(attendance.rows()).hasSize(roll.size());
        assertThat(attendance.column("党员编码")).containsExactlyInAnyOrderElementsOf(roll);
        Map<String, String> present = attendance.by("党员编码", "出席");
        assertThat(present.get(full.get(0))).isEqualTo("3");
        assertThat(present.get(full.get(1))).isEqualTo("2");
        assertThat(attendance.by("党员编码", "请假").get(full.get(1))).isEqualTo("1");
        assertThat(present.get(full.get(full.size() - 1))).isEqualTo("1");
        assertThat(attendance.by("党员编码", "缺席").get(full.get(full.size() - 1))).isEqualTo("2");
        probationary.forEach(p -> assertThat(present.get(p)).as(p).isEqualTo("1"));
        assertThat(attendance.by("党员编码", "05-20 主题党日").get(full.get(1))).isEqualTo("请假");
        List<String> perMeeting = attendance.totals().get(0);
        assertThat(perMeeting.get(0)).isEqualTo("出席人数");
        int first = attendance.columns().indexOf("02-10 支部党员大会");
        assertThat(perMeeting.subList(first, first + 3)).containsExactly(String.valueOf(roll.size()), "1", String.valueOf(full.size() - 1));
        assertThat(perMeeting.get(attendance.columns().indexOf("出席")))
                .isEqualTo(String.valueOf(roll.size() + 1 + full.size() - 1));

        // The study register: the two meetings with the first-item study.
        Table studies = table(ledger, "studies");
        assertThat(studies.column("第一议题学习内容")).containsExactly("学习党的二十大精神（台账测试）", "学习《中国共产党章程》（台账测试）");
        assertThat(studies.column("出席")).containsExactly(String.valueOf(roll.size()), String.valueOf(full.size() - 1));

        // Decision follow-through: the raised decision follows its call; the others led nowhere.
        Table decisions = table(ledger, "decisions");
        assertThat(decisions.column("决定事项")).containsExactly("为辖区独居老人开展助餐服务", "整理支部学习资料", "组织党员开展志愿服务");
        String owner = client.jdbc.sql("SELECT name FROM member WHERE code = :c").param("c", full.get(1)).query(String.class).single();
        assertThat(decisions.column("转办为")).containsExactly("诉求 " + recorded.call(), "", "任务（" + owner + "，限 " + due() + "）");
        String stateLabel = client.read("committee", "/api/v1/meetings/" + recorded.general()).get("decisions").get(0)
                .get("callStateLabel").asString();
        assertThat(decisions.column("落实情况")).containsExactly("诉求" + stateLabel, "未落实", "任务办理中");

        // Review results: every participant, full members with the grade decided, probationary members without one.
        Table reviews = table(ledger, "reviews");
        assertThat(reviews.column("党员编码")).containsExactlyInAnyOrderElementsOf(roll);
        assertThat(reviews.column("评定等次").get(reviews.column("党员编码").indexOf(full.get(0)))).isEqualTo("优秀");
        assertThat(reviews.column("评定等次").stream().filter("合格"::equals).count()).isEqualTo(full.size() - 1);
        assertThat(reviews.column("评定等次").stream().filter("不评定等次"::equals).count()).isEqualTo(probationary.size());

        String organ = client.jdbc.sql("SELECT o.code FROM call_handler h JOIN organ o ON o.id = h.organ_id WHERE h.call_id = :c")
                .param("c", recorded.call()).query(String.class).single();
        client.calls.ok(client.calls.secretaryOf(organ), recorded.call(), "accept", null);
        client.calls.ok(client.calls.secretaryOf(organ), recorded.call(), "reply", Map.of("text", "已安排社区食堂送餐"));
        client.calls.ok(client.calls.account("staff-" + COMMUNITY, "COMMUNITY_STAFF", COMMUNITY), recorded.call(), "rate",
                Map.of("rating", "SATISFIED", "solved", true));
        JsonNode after = client.read("committee", path());
        assertThat(table(after, "decisions").column("落实情况")).containsExactly("已落实", "未落实", "任务办理中");
        assertThat(after.get("summary").get("decisionsDelivered").asInt()).isEqualTo(1);

        // The compliance summary is the compliance grid of the same year.
        JsonNode grid = client.read("committee", "/api/v1/compliance?org=" + branch + "&year=" + year);
        assertThat(after.get("compliance").get("tally")).isEqualTo(grid.get("tally"));
        Table compliance = table(after, "compliance");
        assertThat(compliance.by("会议类型", "按要求召开").get("支部党员大会")).isEqualTo("1");
        assertThat(compliance.by("会议类型", "未学习第一议题").get("主题党日")).isEqualTo("0");
        assertThat(compliance.by("会议类型", "未达法定人数").get("主题党日")).isEqualTo("1");
        assertThat(compliance.by("会议类型", "按要求召开").get("党课")).isEqualTo("1");
    }

    @Test
    void theWorkbookHasASheetPerLedgerWithABoldFrozenHeaderAndTheRowsOfTheRecords() throws IOException {
        MvcResult file = download(path() + ".xlsx", "committee");
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("合规情况", "会议记录", "党员出勤", "学习记录", "决议落实", "民主评议结果");
            Sheet register = workbook.getSheet("会议记录");
            assertThat(register.getPaneInformation().isFreezePane()).isTrue();
            assertThat(register.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(workbook.getFontAt(register.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(register.getColumnWidth(11)).isGreaterThan(register.getColumnWidth(0));
            // A header, the three meetings, the totals.
            assertThat(register.getLastRowNum()).isEqualTo(4);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(register.getRow(1).getCell(1))).isEqualTo(year + "-02-10");
            assertThat(format.formatCellValue(register.getRow(3).getCell(10))).isEqualTo("学习《中国共产党章程》（台账测试）");

            Sheet attendance = workbook.getSheet("党员出勤");
            assertThat(attendance.getLastRowNum()).isEqualTo(roll.size() + 3);
            List<String> header = new ArrayList<>();
            attendance.getRow(0).forEach(c -> header.add(format.formatCellValue(c)));
            int presentColumn = header.indexOf("出席");
            Map<String, Double> present = new HashMap<>();
            for (int r = 1; r <= roll.size(); r++) {
                present.put(format.formatCellValue(attendance.getRow(r).getCell(0)), attendance.getRow(r).getCell(presentColumn)
                        .getNumericCellValue());
            }
            assertThat(present).containsEntry(full.get(0), 3.0).containsEntry(full.get(full.size() - 1), 1.0).hasSize(roll.size());
            assertThat(attendance.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);

            Sheet decisions = workbook.getSheet("决议落实");
            assertThat(decisions.getLastRowNum()).isEqualTo(4);
            assertThat(format.formatCellValue(decisions.getRow(1).getCell(5))).isEqualTo("诉求 " + recorded.call());
            assertThat(format.formatCellValue(decisions.getRow(2).getCell(6))).isEqualTo("未落实");
            assertThat(format.formatCellValue(decisions.getRow(3).getCell(6))).isEqualTo("任务办理中");
            assertThat(workbook.getSheet("学习记录").getLastRowNum()).isEqualTo(3);
        }
        String disposition = file.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment; filename=\"ledger-" + branch + "-" + year + ".xlsx\"; filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7);
        assertThat(encoded).matches("[A-Za-z0-9%!#$&+.^_`|~-]+");
        String name = client.jdbc.sql("SELECT name FROM party_org WHERE code = :c").param("c", branch).query(String.class).single();
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo(name + " " + year + "年度 组织生活台账.xlsx");
    }

    @Test
    void theDocumentIsAPrintedLedgerWithATitleAndAHeadingAndTableForEachLedger() throws IOException {
        MvcResult file = download(path() + ".docx", "secretary");
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String name = client.jdbc.sql("SELECT name FROM party_org WHERE code = :c").param("c", branch).query(String.class).single();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo(name + " " + year + "年度 组织生活台账");
            assertThat(paragraphs).contains("一、合规情况", "二、会议记录", "三、党员出勤", "四、学习记录", "五、决议落实", "六、民主评议结果");
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(6);
            assertThat(tables.get(5).getRows()).hasSize(1 + roll.size() + 1);
            XWPFTable register = tables.get(1);
            assertThat(register.getRows()).hasSize(1 + 3 + 1);
            assertThat(register.getRow(0).isRepeatHeader()).isTrue();
            assertThat(register.getRow(1).getCell(1).getText()).isEqualTo(year + "-02-10");
            assertThat(register.getRow(1).getCell(12).getText()).contains("为辖区独居老人开展助餐服务").contains("整理支部学习资料");
            XWPFTable attendance = tables.get(2);
            assertThat(attendance.getRows()).hasSize(1 + roll.size() + 3);
            List<String> header = attendance.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
            int presentColumn = header.indexOf("出席");
            XWPFTableRow chair = attendance.getRows().stream().filter(r -> r.getCell(0).getText().equals(full.get(0))).findFirst()
                    .orElseThrow();
            assertThat(chair.getCell(presentColumn).getText()).isEqualTo("3");
            assertThat(tables.get(3).getRows()).hasSize(1 + 2 + 1);
            assertThat(tables.get(4).getRow(2).getCell(6).getText()).isEqualTo("未落实");
            assertThat(tables.get(4).getRow(3).getCell(6).getText()).isEqualTo("任务办理中");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
        }
    }

    @Test
    void anOrganisationsYearWithoutMeetingsIsAnEmptyLedgerNotAnError() {
        JsonNode ledger = client.read("committee", "/api/v1/ledgers/" + branch + "/2001");
        assertThat(ledger.get("summary").get("meetings").asInt()).isZero();
        assertThat(table(ledger, "attendance").rows()).isEmpty();
        assertThat(download("/api/v1/ledgers/" + branch + "/2001.docx", "committee").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aPeerBranchsMemberIsRefusedLikeTheMeetingsWhileTheBranchItsOrganAndTheCommitteeRead() {
        String own = client.calls.account("ld-own", "MEMBER", full.get(1));
        String neighbour = client.calls.account("ld-peer", "MEMBER", client.members(peer, "FULL").get(0));
        for (String suffix : List.of("", ".xlsx", ".docx")) {
            assertThat(client.get(own, path() + suffix).status()).as("own " + suffix).isEqualTo(200);
            assertThat(client.get("secretary", path() + suffix).status()).as("secretary " + suffix).isEqualTo(200);
            Api.Response refused = client.get(neighbour, path() + suffix);
            assertThat(refused.status()).as("peer " + suffix).isEqualTo(403);
            assertThat(refused.contentType()).contains("problem+json");
            assertThat(refused.text()).doesNotContain(full.get(0));
            assertThat(client.get("community", path() + suffix).status()).as("community " + suffix).isEqualTo(403);
        }
        assertThat(client.get(neighbour, "/api/v1/compliance?org=" + branch).status()).isEqualTo(403);
        // A member of the organisation above the branch reads it, if the demo places members there.
        List<String> above = client.jdbc.sql("""
                SELECT m.code FROM member m JOIN party_org b ON b.parent_id = m.party_org_id WHERE b.code = :b ORDER BY m.code""")
                .param("b", branch).query(String.class).list();
        if (!above.isEmpty()) {
            assertThat(client.get(client.calls.account("ld-above", "MEMBER", above.get(0)), path()).status()).isEqualTo(200);
        }
        assertThat(pages.open(neighbour, "/ledgers/" + branch + "/" + year).status()).isEqualTo(403);
        assertThat(pages.open(neighbour, "/ledgers?q=" + branch).html()).doesNotContain("/ledgers/" + branch + "/");
    }

    @Test
    void anUnknownOrganisationIsNotFoundAndAYearOutOfRangeOrNoNumberIsABadRequestInChinese() {
        Api.Response unknown = client.get("committee", "/api/v1/ledgers/NO-SUCH-ORG/" + year);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("NO-SUCH-ORG");
        assertThat(client.get("committee", "/api/v1/ledgers/NO-SUCH-ORG/" + year + ".xlsx").status()).isEqualTo(404);
        int next = LocalDate.now(SHANGHAI).getYear() + 2;
        for (String bad : List.of("1999", String.valueOf(next), "2026a", "０２０２６")) {
            Api.Response refused = client.get("committee", "/api/v1/ledgers/" + branch + "/" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).contains("problem+json");
        }
        assertThat(client.get("committee", "/api/v1/ledgers/" + branch + "/1999.docx").json().get("detail").asString())
                .contains("年份应在 2000 年至");
        assertThat(pages.open("committee", "/ledgers/" + branch + "/1999").status()).isEqualTo(400);
    }

    @Test
    void thePagesChooseAnOrganisationAndShowEachLedgerPrintableWithItsFiles() {
        var index = pages.open("committee", "/ledgers?q=" + branch + "&year=" + year);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.html()).contains("href=\"/ledgers/" + branch + "/" + year + "\"").doesNotContain("??");
        var page = pages.open("member", "/ledgers");
        assertThat(page.status()).isEqualTo(200);
        var ledger = pages.open("committee", "/ledgers/" + branch + "/" + year);
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.html()).contains("年度 组织生活台账").contains("id=\"meetings\"").contains("id=\"attendance\"")
                .contains("id=\"studies\"").contains("id=\"decisions\"").contains("id=\"compliance\"")
                .contains("href=\"/meetings/" + recorded.general() + "\"").contains("/css/ledgers.css")
                .contains("href=\"/ledgers/" + branch + "/" + year + ".xlsx\"").doesNotContain("不应出现").doesNotContain("??")
                .contains(">" + (year - 1) + "年度</a>").contains("<td class=\"absent\"><span>缺席</span></td>");
        var xlsx = pages.open("committee", "/ledgers/" + branch + "/" + year + ".xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.result().getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(pages.open("committee", "/ledgers/" + branch + "/" + year + ".docx").status()).isEqualTo(200);
    }

    @Test
    void aLedgerCostsTheSameStatementsWhateverTheNumberOfMeetings() {
        String empty = "/api/v1/ledgers/" + branch + "/2001";
        // Warm both (a first request may fill a cache), then count each.
        client.read("committee", path());
        client.read("committee", empty);
        long full = CountedStatements.during(() -> client.read("committee", path()));
        long none = CountedStatements.during(() -> client.read("committee", empty));
        assertThat(client.read("committee", path()).get("summary").get("meetings").asInt()).isEqualTo(3);
        assertThat(full).as("statements for three meetings and for none").isEqualTo(none).isPositive();
    }

    /**
     * Counts the statements prepared on this thread (MockMvc serves a request on the test's thread): the data source
     * hands out connections that count, and nothing else changes.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedStatements {

        private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

        static long during(Runnable work) {
            long before = COUNT.get()[0];
            work.run();
            return COUNT.get()[0] - before;
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof Counting) ? new Counting(source) : bean;
                }
            };
        }

        static final class Counting extends DelegatingDataSource {

            Counting(DataSource target) {
                super(target);
            }

            @Override
            public Connection getConnection() throws SQLException {
                return counted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counted(super.getConnection(username, password));
            }

            private static Connection counted(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                    || method.getName().equals("prepareCall")) {
                                COUNT.get()[0]++;
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        }
    }

    // ---------------------------------------------------------------- reading the JSON tables

    /** A section of the JSON ledger as text cells, read by column label. */
    record Table(List<String> columns, List<List<String>> rows, List<String> links, List<List<String>> totals) {

        List<String> column(String label) {
            int i = columns.indexOf(label);
            assertThat(i).as("column " + label + " in " + columns).isNotNegative();
            return rows.stream().map(r -> r.get(i)).toList();
        }

        Map<String, String> by(String key, String value) {
            Map<String, String> map = new LinkedHashMap<>();
            List<String> keys = column(key);
            List<String> values = column(value);
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), values.get(i));
            }
            return map;
        }
    }

    static Table table(JsonNode ledger, String key) {
        for (JsonNode section : ledger.get("sections")) {
            if (section.get("key").asString().equals(key)) {
                List<String> columns = new ArrayList<>();
                section.get("columns").forEach(c -> columns.add(c.get("label").asString()));
                List<List<String>> rows = new ArrayList<>();
                List<String> links = new ArrayList<>();
                section.get("rows").forEach(r -> {
                    rows.add(cells(r));
                    links.add(r.get("href").isNull() ? null : r.get("href").asString());
                });
                List<List<String>> totals = new ArrayList<>();
                section.get("totals").forEach(r -> totals.add(cells(r)));
                return new Table(columns, rows, links, totals);
            }
        }
        throw new AssertionError("no section " + key);
    }

    private static List<String> cells(JsonNode row) {
        List<String> cells = new ArrayList<>();
        row.get("cells").forEach(c -> cells.add(c.isNull() ? "" : c.asString()));
        return cells;
    }

    private MvcResult download(String path, String user) {
        try {
            return mvc.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(user))).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
