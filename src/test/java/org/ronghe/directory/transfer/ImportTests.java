package org.ronghe.directory.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.directory.member.IdNumbers;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.platform.security.AccountPrincipal;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The directory travels as spreadsheets: an import is checked as a whole, every problem is listed
 * by row and column in Chinese, and only a clean file changes anything — once.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=imports")
class ImportTests {

    static final List<String> MEMBER_HEADERS = List.of("党员编号", "姓名", "性别", "出生日期", "身份证号", "手机号",
            "党员类别", "入党日期", "所在党组织编码", "工作单位编码", "居住社区编码", "党内职务", "党务干部");
    static final List<String> PARTY_ORG_HEADERS = List.of("组织编码", "组织名称", "组织类别", "上级组织编码", "所属单位编码",
            "所属社区编码", "成立日期", "任期年限", "上次换届日期", "是否设委员会", "开始日期", "结束日期", "撤销日期");
    static final List<String> COMMUNITY_HEADERS = List.of("社区编码", "社区名称", "所属街道编码", "户数", "人口", "纬度", "经度");
    static final String BRANCH = "JG001-001";
    static final String ORGAN = "JG001";
    static final String STREET = "440103001";
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Transfers transfers;

    // --- all or nothing -------------------------------------------------------------------------

    @Test
    void aFileWithOneBadRowAmongManyChangesNothingAndNamesThatRow() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(member("T-ALL" + "%03d".formatted(i), "批量党员" + i));
        }
        // The 16th data row is spreadsheet row 17: its gender is neither 男 nor 女.
        rows.get(15).set(2, "未知");
        long before = members();

        Api.Response response = importMembers("党员.xlsx", xlsx(MEMBER_HEADERS, rows));

        assertThat(response.status()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(17);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("性别");
        assertThat(errors.get(0).get("value").asString()).isEqualTo("未知");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("应为以下之一：男、女");
        assertThat(response.json().get("detail").asString()).contains("共 1 处错误", "未导入任何数据");
        assertThat(members()).isEqualTo(before);
        assertThat(membersCoded("T-ALL%")).isZero();
    }

    @Test
    void theSameGoodFileTwiceChangesNothingTheSecondTime() {
        byte[] file = xlsx(MEMBER_HEADERS, List.of(member("T-TWICE01", "李红"), member("T-TWICE02", "王刚"),
                member("T-TWICE03", "陈明")));
        long before = members();

        JsonNode first = importMembers("党员.xlsx", file).json();
        JsonNode second = importMembers("党员.xlsx", file).json();

        assertThat(report(first)).containsExactly("members", 3, 3, 0, 0);
        assertThat(report(second)).containsExactly("members", 3, 0, 0, 3);
        assertThat(members()).isEqualTo(before + 3);
    }

    @Test
    void aChangedRowInAnOtherwiseKnownFileUpdatesOnlyThatMember() {
        List<List<String>> rows = List.of(member("T-UPD01", "赵一"), member("T-UPD02", "钱二"), member("T-UPD03", "孙三"));
        importMembers("党员.csv", csv(MEMBER_HEADERS, rows));
        List<List<String>> changed = rows.stream().map(r -> (List<String>) new ArrayList<>(r)).toList();
        changed.get(1).set(1, "钱二改");

        JsonNode report = importMembers("党员.csv", csv(MEMBER_HEADERS, changed)).json();

        assertThat(report(report)).containsExactly("members", 3, 0, 1, 2);
        assertThat(api.get("committee", "/api/v1/directory/members/T-UPD02").json().get("name").asString()).isEqualTo("钱二改");
    }

    // --- file formats ---------------------------------------------------------------------------

    @Test
    void aUtf8CsvWithAByteOrderMarkImportsWithItsChineseIntact() {
        List<String> row = member("T-BOM01", "欧阳晓燕");
        byte[] file = csv(MEMBER_HEADERS, List.of(row));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);

        JsonNode report = importMembers("党员.csv", file).json();

        assertThat(report(report)).containsExactly("members", 1, 1, 0, 0);
        JsonNode stored = api.get("committee", "/api/v1/directory/members/T-BOM01").json();
        assertThat(stored.get("name").asString()).isEqualTo("欧阳晓燕");
        assertThat(stored.get("idNumber").asString()).isEqualTo(row.get(4));
        assertThat(stored.get("partyOrgCode").asString()).isEqualTo(BRANCH);
    }

    @Test
    void aGb18030CsvAsChineseExcelSavesItImportsWithItsChineseIntact() {
        List<String> row = member("T-GBK01", "诸葛孔明");
        row.set(6, "预备党员");
        String text = String.join("\r\n", String.join(",", MEMBER_HEADERS), String.join(",", row)) + "\r\n";
        byte[] file = text.getBytes(GB18030);
        assertThat(new String(file, StandardCharsets.UTF_8)).isNotEqualTo(text); // not readable as UTF-8

        JsonNode report = importMembers("党员.csv", file).json();

        assertThat(report(report)).containsExactly("members", 1, 1, 0, 0);
        JsonNode stored = api.get("committee", "/api/v1/directory/members/T-GBK01").json();
        assertThat(stored.get("name").asString()).isEqualTo("诸葛孔明");
        assertThat(stored.get("status").asString()).isEqualTo("PROBATIONARY");
    }

    @Test
    void aGb18030CsvWithErrorsReportsTheChineseHeadersAndValuesReadable() {
        List<String> row = member("T-GBK02", "错误行");
        row.set(6, "积极分子");
        String text = String.join(",", MEMBER_HEADERS) + "\r\n" + String.join(",", row) + "\r\n";

        Api.Response response = importMembers("党员.csv", text.getBytes(GB18030));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(tuple(2, "党员类别", "积极分子", "应为以下之一：正式党员、预备党员"));
    }

    // --- every error listed ---------------------------------------------------------------------

    @Test
    void everyErrorInTheFileIsListedByRowColumnAndChineseReason() {
        List<String> noName = member("T-ERR01", "");
        List<String> badDateAndPhone = member("T-ERR02", "周四");
        badDateAndPhone.set(7, "2020-13-45");
        badDateAndPhone.set(5, "12345");
        List<String> good = member("T-ERR03", "吴五");
        List<String> badCodeAndCadre = member("T-ERR 04", "郑六");
        badCodeAndCadre.set(12, "专职");
        long before = members();

        Api.Response response = importMembers("党员.xlsx",
                xlsx(MEMBER_HEADERS, List.of(noName, badDateAndPhone, good, badCodeAndCadre)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(2, "姓名", null, "不能为空"),
                tuple(3, "手机号", "12345", "应为 11 位手机号或带区号的固定电话"),
                tuple(3, "入党日期", "2020-13-45", "日期格式应为 YYYY-MM-DD"),
                tuple(5, "党员编号", "T-ERR 04", "编码只能包含字母、数字、点、横线和下划线"),
                tuple(5, "党务干部", "专职", "应为以下之一：专职党务干部、兼职党务干部"));
        assertThat(response.json().get("detail").asString()).contains("共 5 处错误");
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void aMissingRequiredColumnIsReportedOnTheHeaderRow() {
        List<String> headers = new ArrayList<>(MEMBER_HEADERS);
        int name = headers.indexOf("姓名");
        int partyOrg = headers.indexOf("所在党组织编码");
        List<String> row = member("T-COL01", "冯七");
        headers.remove(partyOrg);
        row.remove(partyOrg);
        headers.remove(name);
        row.remove(name);

        Api.Response response = importMembers("党员.csv", csv(headers, List.of(row)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(1, "姓名", null, "缺少必填列，请使用下载的模板"),
                tuple(1, "所在党组织编码", null, "缺少必填列，请使用下载的模板"));
        assertThat(membersCoded("T-COL%")).isZero();
    }

    @Test
    void aFileWithHeadersButNoDataRowsIsRefused() {
        Api.Response response = importMembers("党员.csv", csv(MEMBER_HEADERS, List.of()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(tuple(2, "", null, "文件没有数据行"));
    }

    @Test
    void aMemberOfAPartyOrganisationThatDoesNotExistIsReported() {
        List<String> row = member("T-REF01", "陈八");
        row.set(8, "T-NO-SUCH-ORG");
        List<String> badCommunity = member("T-REF02", "褚九");
        badCommunity.set(10, "T-NO-SUCH-COMMUNITY");

        Api.Response response = importMembers("党员.xlsx", xlsx(MEMBER_HEADERS, List.of(row, badCommunity)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(2, "所在党组织编码", "T-NO-SUCH-ORG", "党组织编码不存在：T-NO-SUCH-ORG"),
                tuple(3, "居住社区编码", "T-NO-SUCH-COMMUNITY", "社区编码不存在：T-NO-SUCH-COMMUNITY"));
        assertThat(membersCoded("T-REF%")).isZero();
    }

    @Test
    void aCodeOrIdNumberRepeatedWithinTheFileIsReportedOnTheRepeat() {
        List<String> first = member("T-DUP01", "卫十");
        List<String> sameCode = member("T-DUP01", "蒋十一");
        List<String> other = member("T-DUP02", "沈十二");
        List<String> sameId = member("T-DUP03", "韩十三");
        sameId.set(4, other.get(4));

        Api.Response response = importMembers("党员.csv", csv(MEMBER_HEADERS, List.of(first, sameCode, other, sameId)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(3, "党员编号", "T-DUP01", "与第 2 行重复"),
                tuple(5, "身份证号", other.get(4), "与第 4 行重复"));
        assertThat(membersCoded("T-DUP%")).isZero();
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsReported() {
        List<String> row = member("T-CHK01", "杨十四");
        String valid = row.get(4);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String invalid = valid.substring(0, 17) + wrong;
        row.set(4, invalid);

        Api.Response response = importMembers("党员.csv", csv(MEMBER_HEADERS, List.of(row)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(tuple(2, "身份证号", invalid, "校验位不正确"));
        assertThat(membersCoded("T-CHK%")).isZero();
    }

    @Test
    void anIdNumberThatContradictsTheGivenBirthDateAndGenderIsReported() {
        List<String> row = member("T-CON01", "朱十五");
        row.set(2, "女");
        row.set(3, "1950-01-01");

        Api.Response response = importMembers("党员.csv", csv(MEMBER_HEADERS, List.of(row)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(2, "性别", "女", "与身份证号中的性别不一致"),
                tuple(2, "出生日期", "1950-01-01", "与身份证号中的出生日期不一致"));
    }

    @Test
    void maskedIdNumbersAndPhonesAreRefusedWithAClearMessage() {
        List<String> maskedId = member("T-MASK01", "秦十六");
        maskedId.set(4, "440103********1234");
        List<String> maskedPhone = member("T-MASK02", "尤十七");
        maskedPhone.set(5, "138****5678");

        Api.Response response = importMembers("党员.xlsx", xlsx(MEMBER_HEADERS, List.of(maskedId, maskedPhone)));

        assertThat(response.status()).isEqualTo(422);
        String message = "为脱敏数据，不能导入；请由有权查看个人信息的账号导出原始数据";
        assertThat(errors(response)).containsExactly(
                tuple(2, "身份证号", "440103********1234", message),
                tuple(3, "手机号", "138****5678", message));
        assertThat(membersCoded("T-MASK%")).isZero();
    }

    @Test
    void anExportWithMaskedPersonalDataCannotOverwriteTheRealNumbers() {
        // The system administrator sees phone and ID numbers masked; their export must not be importable.
        Api.Response export = api.get("admin", "/api/v1/directory/exports/members.xlsx");
        assertThat(export.status()).isEqualTo(200);
        String firstId = sheetRows(export.body()).get(1).get(MEMBER_HEADERS.indexOf("身份证号"));
        assertThat(firstId).contains("*");

        Api.Response response = api.upload("admin", "/api/v1/directory/imports/members", "党员.xlsx", export.body());

        assertThat(response.status()).isEqualTo(422);
        JsonNode first = response.json().get("errors").get(0);
        assertThat(first.get("row").asInt()).isEqualTo(2);
        assertThat(first.get("message").asString()).contains("脱敏数据");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE id_number LIKE '%*%' OR phone LIKE '%*%'")
                .query(Long.class).single()).isZero();
    }

    // --- the party organisation tree ------------------------------------------------------------

    @Test
    void partyOrganisationsWhoseParentComesLaterInTheFileImportFine() {
        List<List<String>> rows = List.of(
                partyOrg("T-PO-B1", "第一党支部", "党支部", "T-PO-C"),
                partyOrg("T-PO-B2", "第二党支部", "党支部", "T-PO-G"),
                partyOrg("T-PO-G", "党总支", "党总支", "T-PO-C"),
                partyOrg("T-PO-C", "机关党委", "党委", ""));

        Api.Response response = api.upload("committee", "/api/v1/directory/imports/party-orgs", "党组织.xlsx",
                xlsx(PARTY_ORG_HEADERS, rows));

        assertThat(response.status()).isEqualTo(200);
        assertThat(report(response.json())).containsExactly("party-orgs", 4, 4, 0, 0);
        assertThat(parentOf("T-PO-B1")).isEqualTo("T-PO-C");
        assertThat(parentOf("T-PO-B2")).isEqualTo("T-PO-G");
        assertThat(parentOf("T-PO-G")).isEqualTo("T-PO-C");
        JsonNode branch = api.get("committee", "/api/v1/directory/party-orgs/T-PO-B1").json();
        assertThat(branch.get("kind").asString()).isEqualTo("BRANCH");
        assertThat(branch.get("termYears").asInt()).isEqualTo(3);
        assertThat(branch.get("organCode").asString()).isEqualTo(ORGAN);
        assertThat(report(api.upload("committee", "/api/v1/directory/imports/party-orgs", "党组织.xlsx",
                xlsx(PARTY_ORG_HEADERS, rows)).json())).containsExactly("party-orgs", 4, 0, 0, 4);
    }

    @Test
    void aCycleOfParentsIsRejected() {
        List<List<String>> rows = List.of(
                partyOrg("T-CY-A", "甲支部", "党支部", "T-CY-B"),
                partyOrg("T-CY-B", "乙总支", "党总支", "T-CY-C"),
                partyOrg("T-CY-C", "丙党委", "党委", "T-CY-A"),
                partyOrg("T-CY-D", "丁支部", "党支部", "T-CY-D"));

        Api.Response response = api.upload("committee", "/api/v1/directory/imports/party-orgs", "党组织.csv",
                csv(PARTY_ORG_HEADERS, rows));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(
                tuple(2, "上级组织编码", "T-CY-B", "上级关系形成循环"),
                tuple(3, "上级组织编码", "T-CY-C", "上级关系形成循环"),
                tuple(4, "上级组织编码", "T-CY-A", "上级关系形成循环"),
                tuple(5, "上级组织编码", "T-CY-D", "上级组织不能是其本身"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_org WHERE code LIKE 'T-CY-%'").query(Long.class).single()).isZero();
    }

    @Test
    void aFileThatWouldMakeAStoredOrganisationItsOwnAncestorIsRejected() {
        String top = ORGAN + "-000";
        assertThat(parentOf(BRANCH)).isEqualTo(top);
        // The stored top committee placed under one of its own branches.
        List<String> row = partyOrg(top, "顶层党委", "党委", BRANCH);

        Api.Response response = api.upload("committee", "/api/v1/directory/imports/party-orgs", "党组织.csv",
                csv(PARTY_ORG_HEADERS, List.of(row)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(errors(response)).containsExactly(tuple(2, "上级组织编码", BRANCH, "上级关系形成循环"));
        assertThat(parentOf(top)).isNull();
    }

    // --- who may import -------------------------------------------------------------------------

    @Test
    void anOrganSecretaryMayNotImport() {
        long before = members();

        Api.Response response = api.upload("secretary", "/api/v1/directory/imports/members", "党员.csv",
                csv(MEMBER_HEADERS, List.of(member("T-SEC01", "许十八"))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void aRejectedImportAnswers422ProblemDetailsListingEachError() {
        List<String> row = member("T-PRB01", "何十九");
        row.set(8, "T-NOPE");

        Api.Response response = importMembers("党员.csv", csv(MEMBER_HEADERS, List.of(row)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("type").asString()).isEqualTo("https://ronghe.org/problems/import-rejected");
        assertThat(problem.get("title").asString()).isEqualTo("导入未通过校验");
        assertThat(problem.get("entity").asString()).isEqualTo("members");
        JsonNode error = problem.get("errors").get(0);
        assertThat(new ArrayList<>(error.propertyNames())).containsExactlyInAnyOrder("row", "column", "value", "message");
        assertThat(error.get("row").asInt()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("所在党组织编码");
        assertThat(error.get("value").asString()).isEqualTo("T-NOPE");
        assertThat(error.get("message").asString()).isEqualTo("党组织编码不存在：T-NOPE");
    }

    @Test
    void anUnknownKindOfRecordIsNotFound() {
        assertThat(api.upload("committee", "/api/v1/directory/imports/planets", "x.csv", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(404);
        assertThat(api.get("committee", "/api/v1/directory/templates/planets.xlsx").status()).isEqualTo(404);
    }

    // --- templates and exports ------------------------------------------------------------------

    @Test
    void theTemplatesCarryExactlyTheSheetsChineseHeaders() {
        assertThat(headersOf(transfers.sheet("members").orElseThrow())).isEqualTo(MEMBER_HEADERS);
        assertThat(headersOf(transfers.sheet("party-orgs").orElseThrow())).isEqualTo(PARTY_ORG_HEADERS);
        assertThat(transfers.sheets()).extracting(Transfers.SheetInfo::entity).containsExactly("categories", "streets",
                "communities", "grids", "organs", "party-orgs", "members", "leaders", "liaisons", "pairings");
        for (Transfers.SheetInfo sheet : transfers.sheets()) {
            List<String> headers = headersOf(sheet);

            Api.Response xlsx = api.get("committee", "/api/v1/directory/templates/" + sheet.entity() + ".xlsx");
            assertThat(xlsx.status()).as(sheet.entity()).isEqualTo(200);
            assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<List<String>> rows = sheetRows(xlsx.body());
            assertThat(rows).as(sheet.entity() + " template rows").hasSize(1);
            assertThat(rows.get(0)).as(sheet.entity() + " xlsx headers").isEqualTo(headers);

            Api.Response csv = api.get("committee", "/api/v1/directory/templates/" + sheet.entity() + ".csv");
            assertThat(csv.status()).as(sheet.entity()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8))
                    .as(sheet.entity() + " csv headers").isEqualTo(String.join(",", headers) + "\r\n");
        }
    }

    @Test
    void theXlsxTemplateExplainsEveryColumn() throws IOException {
        Api.Response xlsx = api.get("member", "/api/v1/directory/templates/members.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("党员");
            XSSFSheet help = workbook.getSheet("填写说明");
            assertThat(help).isNotNull();
            List<String> explained = new ArrayList<>();
            for (int i = 1; i <= help.getLastRowNum(); i++) {
                explained.add(help.getRow(i).getCell(0).getStringCellValue());
                assertThat(help.getRow(i).getCell(1).getStringCellValue()).isIn("必填", "选填");
            }
            assertThat(explained).isEqualTo(MEMBER_HEADERS);
        }
    }

    @Test
    void aTemplateFilledInImports() {
        Api.Response template = api.get("committee", "/api/v1/directory/templates/members.xlsx");
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.getSheetAt(0).createRow(1);
            List<String> values = member("T-TPL01", "施二一");
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            workbook.write(out);
            filled = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        assertThat(report(importMembers("党员导入模板.xlsx", filled).json())).containsExactly("members", 1, 1, 0, 0);
    }

    @Test
    void anExportByTheWorkCommitteeImportsBackWithNothingCreatedOrUpdated() {
        for (Transfers.SheetInfo sheet : transfers.sheets()) {
            Api.Response export = api.get("committee", "/api/v1/directory/exports/" + sheet.entity() + ".xlsx");
            assertThat(export.status()).as(sheet.entity()).isEqualTo(200);
            List<List<String>> rows = sheetRows(export.body());
            assertThat(rows.get(0)).as(sheet.entity() + " export headers").isEqualTo(headersOf(sheet));
            assertThat(rows.size()).as(sheet.entity() + " exported rows").isGreaterThan(1);

            Api.Response response = api.upload("committee", "/api/v1/directory/imports/" + sheet.entity(),
                    sheet.entity() + ".xlsx", export.body());

            assertThat(response.status()).as(sheet.entity() + ": " + response.text()).isEqualTo(200);
            assertThat(report(response.json())).as(sheet.entity())
                    .containsExactly(sheet.entity(), rows.size() - 1, 0, 0, rows.size() - 1);
        }
    }

    @Test
    void aCommunityFileWithoutHouseholdFiguresImportedTwiceChangesNothingTheSecondTime() {
        // 户数, 人口, 纬度 and 经度 are optional columns, left empty here.
        byte[] file = csv(COMMUNITY_HEADERS, List.of(List.of("T-COM01", "试点社区", STREET, "", "", "", "")));

        JsonNode first = api.upload("committee", "/api/v1/directory/imports/communities", "社区.csv", file).json();
        JsonNode second = api.upload("committee", "/api/v1/directory/imports/communities", "社区.csv", file).json();

        assertThat(report(first)).containsExactly("communities", 1, 1, 0, 0);
        assertThat(report(second)).containsExactly("communities", 1, 0, 0, 1);
    }

    // --- the import page ------------------------------------------------------------------------

    @Test
    void theImportPageShowsEveryErrorInATable() throws Exception {
        List<String> badGender = member("T-PAGE01", "孔二二");
        badGender.set(2, "X");
        List<String> unknownOrg = member("T-PAGE02", "曹二三");
        unknownOrg.set(8, "T-GONE");
        MockMultipartFile file = new MockMultipartFile("file", "党员.xlsx", "application/octet-stream",
                xlsx(MEMBER_HEADERS, List.of(badGender, unknownOrg)));

        MvcResult result = mvc.perform(multipart("/transfer/members").file(file).with(csrf()).with(signedIn("committee",
                Role.COMMITTEE_ADMIN))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"import-errors\"", "党员导入未通过校验：共 2 处错误，未导入任何数据");
        assertThat(html).containsPattern("<td>2</td>\\s*<td>性别</td>\\s*<td>X</td>\\s*<td>应为以下之一：男、女</td>");
        assertThat(html).containsPattern(
                "<td>3</td>\\s*<td>所在党组织编码</td>\\s*<td>T-GONE</td>\\s*<td>党组织编码不存在：T-GONE</td>");
        assertThat(html).doesNotContain("id=\"import-report\"");
        assertThat(membersCoded("T-PAGE%")).isZero();
    }

    @Test
    void theImportPageReportsWhatAGoodFileDid() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "党员.csv", "text/csv",
                csv(MEMBER_HEADERS, List.of(member("T-PAGE11", "严二四"), member("T-PAGE12", "华二五"))));

        MvcResult result = mvc.perform(multipart("/transfer/members").file(file).with(csrf()).with(signedIn("committee",
                Role.COMMITTEE_ADMIN))).andReturn();

        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"import-report\"", "导入完成：共 2 行，新增 2，更新 0，未变化 0。");
        assertThat(html).doesNotContain("id=\"import-errors\"");
        assertThat(membersCoded("T-PAGE1%")).isEqualTo(2);
    }

    @Test
    void theImportPageRefusesAnUploadWithoutCsrfTokenOrFromASecretary() throws Exception {
        byte[] content = csv(MEMBER_HEADERS, List.of(member("T-PAGE21", "金二六")));

        int withoutCsrf = mvc.perform(multipart("/transfer/members")
                        .file(new MockMultipartFile("file", "党员.csv", "text/csv", content))
                        .with(signedIn("committee", Role.COMMITTEE_ADMIN)))
                .andReturn().getResponse().getStatus();
        int bySecretary = mvc.perform(multipart("/transfer/members")
                        .file(new MockMultipartFile("file", "党员.csv", "text/csv", content))
                        .with(csrf()).with(signedIn("secretary", Role.ORGAN_SECRETARY)))
                .andReturn().getResponse().getStatus();

        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(bySecretary).isEqualTo(403);
        assertThat(membersCoded("T-PAGE2%")).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------

    private Api.Response importMembers(String filename, byte[] content) {
        return api.upload("committee", "/api/v1/directory/imports/members", filename, content);
    }

    /** A valid member row: a man with a fresh, valid ID number, in the demo branch. */
    private static List<String> member(String code, String name) {
        int n = PEOPLE.incrementAndGet();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n * 11L);
        String first17 = "110101" + birth.toString().replace("-", "") + "%03d".formatted(2 * (n % 400) + 1);
        String id = first17 + IdNumbers.checkCharacter(first17);
        String phone = "139" + "%08d".formatted(n);
        return new ArrayList<>(Arrays.asList(code, name, "男", "", id, phone, "正式党员", "", BRANCH, ORGAN, "", "", ""));
    }

    private static List<String> partyOrg(String code, String name, String kind, String parent) {
        return new ArrayList<>(Arrays.asList(code, name, kind, parent, ORGAN, "", "", "", "", "", "", "", ""));
    }

    private static byte[] csv(List<String> headers, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(String.join(",", headers)).append("\r\n");
        rows.forEach(r -> text.append(String.join(",", r)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<String> headers, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("数据");
            List<List<String>> all = new ArrayList<>();
            all.add(headers);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (!all.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first sheet of a workbook as text, header row first. */
    private static List<List<String>> sheetRows(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> headersOf(Transfers.SheetInfo sheet) {
        return sheet.columns().stream().map(Column::header).toList();
    }

    private static List<Object> report(JsonNode report) {
        return List.of(report.get("entity").asString(), report.get("rows").asInt(), report.get("created").asInt(),
                report.get("updated").asInt(), report.get("unchanged").asInt());
    }

    private static List<org.assertj.core.groups.Tuple> errors(Api.Response response) {
        List<org.assertj.core.groups.Tuple> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(tuple(e.get("row").asInt(), e.get("column").asString(),
                e.get("value").isNull() ? null : e.get("value").asString(), e.get("message").asString())));
        return errors;
    }

    private long members() {
        return jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single();
    }

    private long membersCoded(String pattern) {
        return jdbc.sql("SELECT COUNT(*) FROM member WHERE code LIKE :p").param("p", pattern).query(Long.class).single();
    }

    private String parentOf(String code) {
        List<String> parents = jdbc.sql("SELECT pp.code FROM party_org p LEFT JOIN party_org pp ON pp.id = p.parent_id WHERE p.code = :c")
                .param("c", code).query((rs, n) -> rs.getString(1)).list();
        assertThat(parents).as("party organisation " + code).hasSize(1);
        return parents.get(0);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username, Role role) {
        long id = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).single();
        String scope = jdbc.sql("SELECT scope_code FROM account WHERE username = :u").param("u", username)
                .query((rs, n) -> rs.getString(1)).list().get(0);
        AccountPrincipal principal = new AccountPrincipal(new CurrentUser(id, username, username, role, scope), null, true, false);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
