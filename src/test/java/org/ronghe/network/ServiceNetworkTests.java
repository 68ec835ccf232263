package org.ronghe.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service network as its keepers and its readers meet it: centres opened, listed and closed (never lost),
 * input checked field by field in Chinese, temporary points active only between their dates, staff phones
 * shown only to those who keep the site, writes kept to one's own street or community, imports all or nothing,
 * and the figures equal to the lists they link to.
 */
@RongheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "ronghe.test.schema=network")
class ServiceNetworkTests {

    static final String COMMUNITY = "440103001001";
    static final String STREET = "440103001";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    TestClock clock;

    CallsClient calls;
    /** A community in another street than the demo street account's. */
    String elsewhere;

    @BeforeAll
    void signIn() {
        calls = new CallsClient(context);
        elsewhere = jdbc.sql("SELECT c.code FROM community c JOIN street s ON s.id = c.street_id WHERE s.code <> :s ORDER BY c.code")
                .param("s", STREET).query(String.class).list().get(0);
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    static Map<String, Object> station(String code, String community) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "仁涌党群服务驿站 " + code);
        body.put("level", "STATION");
        body.put("community", community);
        body.put("address", "仁涌路 8 号");
        body.put("latitude", 23.11);
        body.put("longitude", 113.24);
        body.put("services", List.of("政策咨询", "爱心驿站", "志愿服务"));
        body.put("openingHours", "周一至周五 9:00-17:30");
        body.put("staff", List.of(Map.of("name", "黄站长", "duty", "站长", "phone", "13912345678")));
        return body;
    }

    static Map<String, Object> point(String code, String community, LocalDate starts, LocalDate ends) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "核酸采样点 " + code);
        body.put("kind", "SAMPLING");
        body.put("community", community);
        body.put("address", "仁涌社区广场");
        body.put("startsOn", starts.toString());
        if (ends != null) {
            body.put("endsOn", ends.toString());
        }
        body.put("emergency", "YJ2025001");
        body.put("staff", List.of(Map.of("name", "采样员甲", "duty", "采样", "phone", "13800001111")));
        return body;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aCentreIsOpenedListedAndClosedAndItsRecordStays() {
        Api.Response opened = calls.post("committee", "/api/v1/service-centres", station("ST-A1", COMMUNITY));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.json().get("centre").get("id").asLong();
        assertThat(opened.json().get("centre").get("street").asString()).isEqualTo(STREET);

        JsonNode listed = api.get("member", "/api/v1/service-centres?community=" + COMMUNITY + "&level=STATION&size=200").json();
        assertThat(listed.get("items").findValuesAsString("code")).contains("ST-A1");

        Api.Response closed = calls.post("committee", "/api/v1/service-centres/" + id + "/close", Map.of("reason", "场地收回"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("centre").get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("events").findValuesAsString("type")).containsExactly("OPENED", "CLOSED");

        assertThat(api.get("member", "/api/v1/service-centres/" + id).status()).isEqualTo(200);
        assertThat(api.get("member", "/api/v1/service-centres?state=CLOSED&size=200").json().get("items").findValuesAsString("code"))
                .contains("ST-A1");
        assertThat(api.get("member", "/api/v1/service-centres?state=OPEN&size=200").json().get("items").findValuesAsString("code"))
                .doesNotContain("ST-A1");
        Api.Response again = calls.post("committee", "/api/v1/service-centres/" + id + "/update", station("ST-A1", COMMUNITY));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("已关闭");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject = 'service_centre' AND subject_key = 'ST-A1'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyOpensTheCentreOnce() {
        Api.Response first = calls.post("committee", "/api/v1/service-centres", station("ST-K1", COMMUNITY), "Idempotency-Key", "centre-k1");
        Api.Response retried = calls.post("committee", "/api/v1/service-centres", station("ST-K1", COMMUNITY), "Idempotency-Key", "centre-k1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("centre").get("id").asLong()).isEqualTo(first.json().get("centre").get("id").asLong());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_centre WHERE code = 'ST-K1'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedInChineseAndNothingWritten() {
        long before = count("service_centre");
        Map<String, Object> body = station("ST-BAD", COMMUNITY);
        body.put("name", " ");
        body.put("latitude", 123.0);
        body.put("openingHours", "看情况");
        body.put("staff", List.of(Map.of("name", "王五", "phone", "12345")));
        body.put("services", List.of("政策咨询、法律援助"));
        Api.Response refused = calls.post("committee", "/api/v1/service-centres", body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        Map<String, String> errors = new HashMap<>();
        refused.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors).containsEntry("name", "不能为空").containsEntry("latitude", "应在 -90 到 90 之间")
                .containsKeys("openingHours", "staff[0].phone", "services[0]");
        assertThat(errors.get("openingHours")).contains("开放时段");
        assertThat(errors.get("staff[0].phone")).contains("手机号");

        Map<String, Object> street = station("ST-BAD2", COMMUNITY);
        street.put("level", "STREET");
        Api.Response misplaced = calls.post("committee", "/api/v1/service-centres", street);
        assertThat(misplaced.status()).isEqualTo(422);
        assertThat(misplaced.text()).contains("街道服务中心不属于社区");
        assertThat(count("service_centre")).isEqualTo(before);

        Api.Response backwards = calls.post("committee", "/api/v1/temporary-points",
                point("TP-BAD", COMMUNITY, LocalDate.now(clock), LocalDate.now(clock).minusDays(1)));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.text()).contains("结束日期不能早于开始日期");
    }

    @Test
    void aTemporaryPointIsActiveOnlyFromItsStartToItsEnd() {
        LocalDate today = LocalDate.now(clock);
        Api.Response opened = calls.post("community", "/api/v1/temporary-points",
                point("TP-D1", COMMUNITY, today.plusDays(1), today.plusDays(3)));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.json().get("point").get("id").asLong();
        assertThat(opened.json().get("point").get("activeToday").asBoolean()).isFalse();
        assertThat(activeOn(today)).doesNotContain("TP-D1");
        assertThat(activeOn(today.plusDays(1))).contains("TP-D1");
        assertThat(activeOn(today.plusDays(3))).contains("TP-D1");
        assertThat(activeOn(today.plusDays(4))).doesNotContain("TP-D1");

        clock.advance(Duration.ofDays(2));
        assertThat(api.get("member", "/api/v1/temporary-points/" + id).json().get("point").get("activeToday").asBoolean()).isTrue();
        Api.Response closed = calls.post("community", "/api/v1/temporary-points/" + id + "/close", null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("point").get("endsOn").asString()).isEqualTo(today.plusDays(2).toString());

        clock.advance(Duration.ofDays(1));
        assertThat(api.get("member", "/api/v1/temporary-points/" + id).json().get("point").get("activeToday").asBoolean()).isFalse();
        assertThat(calls.post("community", "/api/v1/temporary-points/" + id + "/close", null).status()).isEqualTo(409);
        assertThat(api.get("member", "/api/v1/temporary-points?emergency=YJ2025001&size=200").json().get("items")
                .findValuesAsString("code")).contains("TP-D1");
    }

    private List<String> activeOn(LocalDate day) {
        return api.get("leader", "/api/v1/temporary-points?activeOn=" + day + "&size=200").json().get("items").findValuesAsString("code");
    }

    @Test
    void staffPhonesShowOnlyToTheCommitteeAndTheStaffOfTheCentresPlace() {
        Api.Response opened = calls.post("committee", "/api/v1/service-centres", station("ST-P1", COMMUNITY));
        long id = opened.json().get("centre").get("id").asLong();
        for (String keeper : List.of("committee", "street", "community")) {
            assertThat(phoneSeenBy(keeper, id)).as(keeper).isEqualTo("13912345678");
        }
        for (String reader : List.of("admin", "secretary", "member", "leader")) {
            assertThat(phoneSeenBy(reader, id)).as(reader).isEqualTo("139****5678");
            assertThat(api.get(reader, "/api/v1/service-centres?community=" + COMMUNITY + "&size=200").text()).as(reader)
                    .doesNotContain("13912345678");
            assertThat(cells(api.get(reader, "/api/v1/service-centres/export.xlsx?community=" + COMMUNITY).body())).as(reader)
                    .noneMatch(c -> c.contains("13912345678"));
        }
        String neighbour = calls.account("net-neighbour", "COMMUNITY_STAFF", elsewhere);
        assertThat(phoneSeenBy(neighbour, id)).isEqualTo("139****5678");
        assertThat(jdbc.sql("SELECT phone FROM network_staff WHERE site_kind = 'CENTRE' AND site_id = :id").param("id", id)
                .query(String.class).single()).doesNotContain("13912345678");
    }

    private String phoneSeenBy(String user, long id) {
        Api.Response answer = api.get(user, "/api/v1/service-centres/" + id);
        assertThat(answer.status()).as(user + " " + answer.text()).isEqualTo(200);
        return answer.json().get("centre").get("staff").get(0).get("phone").asString();
    }

    @Test
    void streetAndCommunityStaffKeepOnlyTheirOwnPlaces() {
        long before = count("service_centre") + count("temporary_point");
        assertThat(calls.post("community", "/api/v1/service-centres", station("ST-W1", elsewhere)).status()).isEqualTo(403);
        assertThat(calls.post("street", "/api/v1/service-centres", station("ST-W2", elsewhere)).status()).isEqualTo(403);
        assertThat(calls.post("secretary", "/api/v1/service-centres", station("ST-W3", COMMUNITY)).status()).isEqualTo(403);
        assertThat(calls.post("admin", "/api/v1/service-centres", station("ST-W4", COMMUNITY)).status()).isEqualTo(403);
        assertThat(calls.post("community", "/api/v1/temporary-points", point("TP-W1", elsewhere, LocalDate.now(clock), null)).status())
                .isEqualTo(403);
        Map<String, Object> streetCentre = station("ST-W5", null);
        streetCentre.remove("community");
        streetCentre.put("level", "STREET");
        streetCentre.put("street", STREET);
        assertThat(calls.post("community", "/api/v1/service-centres", streetCentre).status()).isEqualTo(403);
        assertThat(count("service_centre") + count("temporary_point")).isEqualTo(before);

        Api.Response own = calls.post("street", "/api/v1/service-centres", streetCentre);
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        Api.Response inStreet = calls.post("street", "/api/v1/service-centres", station("ST-W6", COMMUNITY));
        assertThat(inStreet.status()).as(inStreet.text()).isEqualTo(201);
        long theirs = inStreet.json().get("centre").get("id").asLong();
        Map<String, Object> revised = station("ST-W6", COMMUNITY);
        revised.put("openingHours", "每天 8:30-20:00");
        Api.Response update = calls.post("community", "/api/v1/service-centres/" + theirs + "/update", revised);
        assertThat(update.status()).as(update.text()).isEqualTo(200);
        assertThat(update.json().get("centre").get("openingHours").asString()).isEqualTo("每天 8:30-20:00");
        Api.Response moved = calls.post("community", "/api/v1/service-centres/" + theirs + "/update", station("ST-W6", elsewhere));
        assertThat(moved.status()).isEqualTo(403);
        assertThat(calls.post("secretary", "/api/v1/service-centres/" + theirs + "/close", null).status()).isEqualTo(403);
        assertThat(api.get("secretary", "/api/v1/service-centres/" + theirs).json().get("centre").get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void anImportWithBadRowsChangesNothingAndNamesEveryBadCell() {
        long before = count("service_centre");
        long audited = count("audit_log");
        String bad = """
                编码,名称,层级,街道编码,社区编码,地址,纬度,经度,服务项目,开放时间,工作人员
                IM-1,好的驿站,驿站,,%1$s,仁涌路 1 号,23.1,113.2,政策咨询、志愿服务,周一至周五 9:00-17:30,张三/站长/13800002222
                IM-2,层级不对,乡镇,,%1$s,仁涌路 2 号,95,113.2,,,
                IM-3,,社区,,NO-SUCH,仁涌路 3 号,,,,随时,李四/值班/123
                IM-1,重复的编码,驿站,,%1$s,仁涌路 4 号,,,,,
                """.formatted(COMMUNITY);
        Api.Response refused = api.upload("committee", "/api/v1/service-centres/imports", "centres.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        List<String> cells = new ArrayList<>();
        refused.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(cells).contains("3:层级", "3:纬度", "4:名称", "4:社区编码", "4:开放时间", "4:工作人员", "5:编码")
                .noneMatch(c -> c.startsWith("2:"));
        assertThat(refused.text()).contains("未导入任何数据");
        assertThat(count("service_centre")).isEqualTo(before);
        assertThat(count("audit_log")).isEqualTo(audited);

        String good = """
                编码,名称,层级,街道编码,社区编码,地址,纬度,经度,服务项目,开放时间,工作人员
                IM-1,好的驿站,驿站,,%1$s,仁涌路 1 号,23.1,113.2,政策咨询、志愿服务,周一至周五 9:00-17:30,张三/站长/13800002222
                IM-2,社区中心,社区,,%1$s,仁涌路 2 号,,,,,
                """.formatted(COMMUNITY);
        JsonNode first = api.upload("community", "/api/v1/service-centres/imports", "centres.csv", good.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(first.get("created").asInt()).isEqualTo(2);
        // The export masks the phone for a reader, and the masked export imported again changes nothing.
        JsonNode again = api.upload("community", "/api/v1/service-centres/imports", "centres.csv",
                good.replace("13800002222", "138****2222").getBytes(StandardCharsets.UTF_8)).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("updated").asInt()).isZero();
        Api.Response outside = api.upload("community", "/api/v1/service-centres/imports", "centres.csv",
                good.replace(COMMUNITY, elsewhere).replace("IM-", "IX-").getBytes(StandardCharsets.UTF_8));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_centre WHERE code LIKE 'IX-%'").query(Long.class).single()).isZero();
    }

    @Test
    void temporaryPointsImportAllOrNothing() {
        LocalDate today = LocalDate.now(clock);
        String bad = """
                编码,名称,类型,社区编码,地址,纬度,经度,服务项目,开始日期,结束日期,应急事件编码,工作人员
                TI-1,采样点一,核酸采样点,%1$s,广场,,,,%2$s,%3$s,YJ2025001,
                TI-2,采样点二,采样,%1$s,广场,,,,%3$s,%2$s,,
                """.formatted(COMMUNITY, today, today.plusDays(5));
        long before = count("temporary_point");
        Api.Response refused = api.upload("committee", "/api/v1/temporary-points/imports", "points.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        List<String> cells = new ArrayList<>();
        refused.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(cells).containsExactlyInAnyOrder("3:类型", "3:结束日期");
        assertThat(count("temporary_point")).isEqualTo(before);
        Api.Response ok = api.upload("committee", "/api/v1/temporary-points/imports", "points.csv",
                bad.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.json().get("created").asInt()).isEqualTo(1);
    }

    @Test
    void everyFigureEqualsTheListItLinksTo() {
        calls.post("committee", "/api/v1/service-centres", station("ST-F1", COMMUNITY));
        calls.post("committee", "/api/v1/temporary-points", point("TP-F1", COMMUNITY, LocalDate.now(clock), null));
        for (String user : List.of("committee", "member", "street", "leader")) {
            JsonNode figures = api.get(user, "/api/v1/figures").json();
            assertThat(total(user, "/api/v1/service-centres?state=OPEN")).as(user).isEqualTo(figures.get("serviceCentres").asLong())
                    .isPositive();
            for (String level : List.of("District", "Street", "Community", "Station")) {
                assertThat(total(user, "/api/v1/service-centres?state=OPEN&level=" + level.toUpperCase()))
                        .as(user + " " + level).isEqualTo(figures.get("serviceCentres" + level).asLong());
            }
            assertThat(total(user, "/api/v1/temporary-points")).as(user).isEqualTo(figures.get("temporaryPoints").asLong()).isPositive();
        }
    }

    private long total(String user, String path) {
        return api.get(user, path).json().get("total").asLong();
    }

    private static List<String> cells(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<String> cells = new ArrayList<>();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell)))));
            return cells;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
