package org.ronghe.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.directory.member.IdNumbers;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log is evidence: every sign-in and every imported change is written to it, with
 * personal data masked, it can be searched and exported by administrators only, and PostgreSQL
 * refuses to change or remove an entry.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=audit")
class AuditTests {

    static final String MEMBER_HEADER = "党员编号,姓名,性别,出生日期,身份证号,手机号,党员类别,入党日期,所在党组织编码,工作单位编码,居住社区编码,党内职务,党务干部";
    static final String BRANCH = "JG001-001";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    Api api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transactions;

    // --- imports --------------------------------------------------------------------------------

    @Test
    void anImportWritesOneEntryPerNewMemberWithItsStateAndPersonalDataMasked() {
        Person a = person("T-AU-C01", "林一");
        Person b = person("T-AU-C02", "林二");

        JsonNode report = importMembers(a.row(), b.row()).json();

        assertThat(report.get("created").asInt()).isEqualTo(2);
        for (Person p : List.of(a, b)) {
            JsonNode entries = search("key=" + p.code()).get("items");
            assertThat(entries).as(p.code()).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.get("action").asString()).isEqualTo("IMPORT_CREATED");
            assertThat(entry.get("subject").asString()).isEqualTo("member");
            assertThat(entry.get("actor").asString()).isEqualTo("committee");
            assertThat(entry.get("before").isNull()).isTrue();
            JsonNode after = json.readTree(entry.get("after").asString());
            assertThat(after.get("name").asString()).isEqualTo(p.name());
            assertThat(after.get("partyOrg").asString()).isEqualTo(BRANCH);
            assertThat(after.get("idNumber").asString()).isEqualTo(p.id().substring(0, 6) + "********" + p.id().substring(14));
            assertThat(after.get("phone").asString()).isEqualTo(p.phone().substring(0, 3) + "****" + p.phone().substring(7));
            assertThat(entry.toString()).doesNotContain(p.id(), p.phone());
        }
        JsonNode applied = search("action=IMPORT_APPLIED&subject=member").get("items").get(0);
        assertThat(applied.get("actor").asString()).isEqualTo("committee");
        assertThat(applied.get("key").isNull()).isTrue();
        assertThat(json.readTree(applied.get("after").asString()))
                .isEqualTo(json.readTree("{\"rows\":2,\"created\":2,\"updated\":0}"));
    }

    @Test
    void anImportThatChangesOneMemberWritesOneUpdateWithBeforeAndAfter() {
        Person same = person("T-AU-U01", "周甲");
        Person changed = person("T-AU-U02", "周乙");
        importMembers(same.row(), changed.row());
        long before = entries();
        Person renamed = changed.renamed("周乙改", "13700001234");

        JsonNode report = importMembers(same.row(), renamed.row()).json();

        assertThat(report.get("updated").asInt()).isEqualTo(1);
        assertThat(report.get("unchanged").asInt()).isEqualTo(1);
        assertThat(entries()).isEqualTo(before + 2); // one update and the summary
        assertThat(search("key=" + same.code()).get("total").asLong()).isEqualTo(1);
        JsonNode update = search("key=" + changed.code() + "&action=IMPORT_UPDATED").get("items");
        assertThat(update).hasSize(1);
        JsonNode was = json.readTree(update.get(0).get("before").asString());
        JsonNode now = json.readTree(update.get(0).get("after").asString());
        assertThat(was.get("name").asString()).isEqualTo("周乙");
        assertThat(now.get("name").asString()).isEqualTo("周乙改");
        assertThat(was.get("phone").asString()).isEqualTo(changed.phone().substring(0, 3) + "****" + changed.phone().substring(7));
        assertThat(now.get("phone").asString()).isEqualTo("137****1234");
        assertThat(update.get(0).toString()).doesNotContain(changed.phone(), "13700001234", changed.id());
        JsonNode applied = search("action=IMPORT_APPLIED").get("items").get(0);
        assertThat(json.readTree(applied.get("after").asString()))
                .isEqualTo(json.readTree("{\"rows\":2,\"created\":0,\"updated\":1}"));
    }

    @Test
    void importingTheSameFileAgainWritesNoEntries() {
        byte[] file = csv(person("T-AU-S01", "郑丙").row(), person("T-AU-S02", "郑丁").row());
        assertThat(upload(file).json().get("created").asInt()).isEqualTo(2);
        long before = entries();

        JsonNode again = upload(file).json();

        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void aRejectedImportWritesNoEntries() {
        Person p = person("T-AU-R01", "郑戊");
        api.token("committee");
        long before = entries();

        Api.Response response = importMembers(p.row().replace(BRANCH, "T-NOWHERE"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(entries()).isEqualTo(before);
    }

    // --- sign-in --------------------------------------------------------------------------------

    @Test
    void aSignInWritesLoginSucceeded() {
        long before = count("actor=member&action=LOGIN_SUCCEEDED");

        api.issue("member", Api.DEMO_PASSWORD);

        assertThat(count("actor=member&action=LOGIN_SUCCEEDED")).isEqualTo(before + 1);
        JsonNode entry = search("actor=member&action=LOGIN_SUCCEEDED").get("items").get(0);
        assertThat(entry.get("subject").asString()).isEqualTo("account");
        assertThat(entry.get("key").asString()).isEqualTo("member");
    }

    @Test
    void aSignInThroughTheSignInPageWritesLoginSucceeded() throws Exception {
        long before = count("actor=community&action=LOGIN_SUCCEEDED");

        MvcResult result = mvc.perform(post("/login").param("username", "community").param("password", Api.DEMO_PASSWORD)
                .with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(count("actor=community&action=LOGIN_SUCCEEDED")).isEqualTo(before + 1);
    }

    @Test
    void aWrongPasswordWritesLoginFailedUnderTheAttemptedUsername() throws Exception {
        long before = count("actor=leader&action=LOGIN_FAILED");

        int status = signIn("leader", "Wrong#Pass1");

        assertThat(status).isEqualTo(401);
        JsonNode entries = search("actor=leader&action=LOGIN_FAILED");
        assertThat(entries.get("total").asLong()).isEqualTo(before + 1);
        assertThat(entries.get("items").get(0).get("key").asString()).isEqualTo("leader");
        assertThat(entries.get("items").get(0).get("subject").asString()).isEqualTo("account");
        api.issue("leader", Api.DEMO_PASSWORD); // a success clears the failure count again
    }

    @Test
    void aSignInAsSomeoneWhoDoesNotExistIsAuditedUnderThatName() throws Exception {
        int status = signIn("T-nobody", "Whatever#1");

        assertThat(status).isEqualTo(401);
        JsonNode entries = search("actor=T-nobody");
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        assertThat(entries.get("items").get(0).get("action").asString()).isEqualTo("LOGIN_FAILED");
    }

    @Test
    void aWrongPasswordOnTheSignInPageWritesLoginFailed() throws Exception {
        long before = count("actor=street&action=LOGIN_FAILED");

        MvcResult result = mvc.perform(post("/login").param("username", "street").param("password", "Wrong#Pass1")
                .with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(count("actor=street&action=LOGIN_FAILED")).isEqualTo(before + 1);
        api.issue("street", Api.DEMO_PASSWORD);
    }

    @Test
    void aFailedSignInWithAnOverlongUsernameIsStillJustAFailedSignIn() throws Exception {
        String name = "T-" + "x".repeat(100);

        assertThat(signIn(name, "Whatever#1")).as("the API names the too-long field").isEqualTo(400);
        MvcResult form = mvc.perform(post("/login").param("username", name).param("password", "Whatever#1")
                .with(csrf())).andReturn();

        assertThat(form.getResponse().getRedirectedUrl()).endsWith("/login?error");
        assertThat(count("action=LOGIN_FAILED&actor=" + name.substring(0, 64))).isEqualTo(1);
    }

    // --- search and export ----------------------------------------------------------------------

    @Test
    void theSearchFiltersByActorActionSubjectAndKey() {
        Person p = person("T-AU-F01", "冯己");
        importMembers(p.row());

        assertThat(items("key=" + p.code())).extracting(e -> e.get("action").asString()).containsExactly("IMPORT_CREATED");
        assertThat(items("actor=committee&action=IMPORT_CREATED&subject=member&key=" + p.code())).hasSize(1);
        assertThat(items("actor=admin&key=" + p.code())).isEmpty();
        assertThat(items("subject=party-org&key=" + p.code())).isEmpty();
        assertThat(items("action=IMPORT_UPDATED&key=" + p.code())).isEmpty();
        assertThat(items("actor=committee&size=200")).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("committee"));
        assertThat(items("action=LOGIN_SUCCEEDED&size=200")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("LOGIN_SUCCEEDED"));
        assertThat(items("subject=member&size=200")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("subject").asString()).isEqualTo("member"));
    }

    @Test
    void theSearchFiltersByPeriodInThePlatformsTimeZone() {
        LocalDate today = LocalDate.now(clock);
        String later;
        clock.advance(Duration.ofDays(3));
        try {
            api.issue("secretary", Api.DEMO_PASSWORD);
            later = LocalDate.now(clock).toString();
        } finally {
            clock.reset();
        }

        JsonNode inLater = search("actor=secretary&action=LOGIN_SUCCEEDED&from=" + later + "&to=" + later);
        assertThat(inLater.get("total").asLong()).isEqualTo(1);
        assertThat(inLater.get("items").get(0).get("at").asString()).startsWith(later).endsWith("+08:00");
        assertThat(search("actor=secretary&from=" + today.plusDays(1) + "&to=" + today.plusDays(2)).get("total").asLong()).isZero();
        assertThat(search("actor=secretary&to=" + today.plusDays(2)).get("items"))
                .allSatisfy(e -> assertThat(e.get("at").asString()).doesNotStartWith(later));
        assertThat(search("from=" + today + "&to=" + today).get("total").asLong()).isPositive();
        assertThat(search("to=" + today.minusDays(1)).get("total").asLong()).isZero();
    }

    @Test
    void theSearchPagesNewestFirst() {
        long total = search("").get("total").asLong();
        assertThat(total).isGreaterThan(4);

        JsonNode first = search("page=1&size=2");
        JsonNode second = search("page=2&size=2");

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(total);
        List<JsonNode> entries = new ArrayList<>();
        first.get("items").forEach(entries::add);
        second.get("items").forEach(entries::add);
        assertThat(entries).extracting(e -> e.get("id").asLong()).doesNotHaveDuplicates();
        assertThat(entries).isSortedAccordingTo(Comparator
                .comparing((JsonNode e) -> OffsetDateTime.parse(e.get("at").asString()).toInstant())
                .thenComparingLong(e -> e.get("id").asLong()).reversed());
    }

    @Test
    void theAuditLogIsForAdministratorsOnly() {
        Api.Response secretary = api.get("secretary", "/api/v1/audit");
        Api.Response anonymous = api.get(null, "/api/v1/audit?actor=committee");
        Api.Response secretaryExport = api.get("secretary", "/api/v1/audit/export.xlsx");

        assertThat(secretary.status()).isEqualTo(403);
        assertThat(secretary.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(secretaryExport.status()).isEqualTo(403);
        assertThat(api.get("member", "/api/v1/audit").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/v1/audit").status()).isEqualTo(200);
        assertThat(api.get("committee", "/api/v1/audit").status()).isEqualTo(200);
    }

    @Test
    void theAuditLogExportsAsAnXlsxWorkbook() throws IOException {
        Person p = person("T-AU-X01", "褚庚");
        importMembers(p.row());

        Api.Response export = api.get("committee", "/api/v1/audit/export.xlsx?key=" + p.code());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("审计日志");
            assertThat(rows.get(0)).containsExactly("序号", "时间", "操作人", "动作", "对象类型", "对象编码", "变更前", "变更后", "来源地址");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).subList(2, 6)).containsExactly("committee", "IMPORT_CREATED", "member", p.code());
            assertThat(rows.get(1).get(7)).contains(p.name()).doesNotContain(p.id());
        }
    }

    // --- append-only ----------------------------------------------------------------------------

    @Test
    void onPostgresqlTheDatabaseRefusesToChangeOrRemoveAnAuditEntry() {
        assumeThat(TestDatabase.postgres()).as("the append-only trigger exists on PostgreSQL only").isTrue();
        api.issue("member", Api.DEMO_PASSWORD);
        long id = jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
        Map<String, Object> before = jdbc.sql("SELECT actor, action FROM audit_log WHERE id = :id").param("id", id)
                .query().singleRow();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'intruder' WHERE id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(jdbc.sql("SELECT actor, action FROM audit_log WHERE id = :id").param("id", id).query().singleRow())
                .isEqualTo(before);
    }

    @Test
    void onPostgresqlTheDatabaseRefusesToEmptyTheAuditLog() {
        assumeThat(TestDatabase.postgres()).as("the append-only trigger exists on PostgreSQL only").isTrue();
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
        // Tried inside a transaction that is always rolled back, so the log survives even if the database allows it.
        Boolean refused = transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                jdbc.sql("TRUNCATE audit_log").update();
                return false;
            } catch (DataAccessException e) {
                return true;
            }
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single()).isEqualTo(before);
        assertThat(refused).as("TRUNCATE audit_log refused").isTrue();
    }

    // --- helpers --------------------------------------------------------------------------------

    private JsonNode search(String query) {
        Api.Response response = api.get("committee", "/api/v1/audit" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> items(String query) {
        List<JsonNode> items = new ArrayList<>();
        search(query).get("items").forEach(items::add);
        return items;
    }

    private long count(String query) {
        return search(query).get("total").asLong();
    }

    /** Every entry in the log, counted in the database (signs in first so the count is not disturbed). */
    private long entries() {
        api.token("committee");
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }

    private int signIn(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", password))))
                .andReturn().getResponse().getStatus();
    }

    private Api.Response importMembers(String... rows) {
        return upload(csv(rows));
    }

    private Api.Response upload(byte[] file) {
        return api.upload("committee", "/api/v1/directory/imports/members", "党员.csv", file);
    }

    private static byte[] csv(String... rows) {
        return ("\uFEFF" + MEMBER_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Person person(String code, String name) {
        int n = PEOPLE.incrementAndGet();
        LocalDate birth = LocalDate.of(1982, 3, 1).plusDays(n * 13L);
        String first17 = "110102" + birth.toString().replace("-", "") + "%03d".formatted(2 * n + 1);
        return new Person(code, name, first17 + IdNumbers.checkCharacter(first17), "136" + "%08d".formatted(n * 7919));
    }

    record Person(String code, String name, String id, String phone) {

        String row() {
            return String.join(",", code, name, "男", "", id, phone, "正式党员", "", BRANCH, "", "", "", "");
        }

        Person renamed(String newName, String newPhone) {
            return new Person(code, newName, id, newPhone);
        }
    }
}
