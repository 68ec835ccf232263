package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what, over the demo district's year of service: a secretary their organ's sheet only, a member
 * their own records; each figure equals the list behind its link; the sheet's workbook holds its rows.
 */
@RongheTest
class ServiceScopeTests {

    @Autowired
    ApplicationContext context;

    ServiceClient service;

    @BeforeEach
    void client() {
        service = new ServiceClient(context);
    }

    @Test
    void theDemoDistrictHasAYearOfServiceThroughTheAggregates() {
        assertThat(service.count("service_checkin")).isGreaterThan(250);
        assertThat(service.count("service_item")).isEqualTo(8 * 6);
        assertThat(service.jdbc.sql("SELECT COUNT(*) FROM service_log WHERE state = 'CONFIRMED'").query(Long.class).single())
                .isGreaterThan(500);
        // every record has the events of its steps
        assertThat(service.jdbc.sql("SELECT COUNT(*) FROM service_checkin ci WHERE NOT EXISTS (SELECT 1 FROM service_event e "
                + "WHERE e.subject = 'checkin' AND e.subject_id = ci.id AND e.to_state = ci.state)").query(Long.class).single()).isZero();
    }

    @Test
    void aSecretarySeesTheirOrgansSheetOnly() {
        JsonNode own = service.get("secretary", "/api/v1/service-feedback");
        assertThat(own.get("organCode").asString()).isEqualTo("JG001");
        long members = service.jdbc.sql("SELECT COUNT(*) FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code = 'JG001'")
                .query(Long.class).single();
        assertThat(own.get("rows").size()).isEqualTo((int) members);
        assertThat(service.api.get("secretary", "/api/v1/service-feedback?organ=JG002").status()).isEqualTo(403);
        assertThat(service.api.get("secretary", "/api/v1/service-feedback.xlsx?organ=JG002").status()).isEqualTo(403);
        for (String user : List.of("member", "community", "street", "leader")) {
            assertThat(service.api.get(user, "/api/v1/service-feedback?organ=JG001").status()).as(user).isEqualTo(403);
        }
        JsonNode all = service.get("committee", "/api/v1/service-feedback");
        assertThat(all.get("organs").size()).isEqualTo(5);
        assertThat(service.api.get("committee", "/api/v1/service-feedback?quarter=2026-3").status()).isEqualTo(400);
    }

    @Test
    void aMemberSeesOnlyTheirOwnCheckInAndLogs() {
        String self = "DY000001";
        for (JsonNode log : service.get("member", "/api/v1/service-logs?size=200").get("items")) {
            assertThat(log.get("memberCode").asString()).isEqualTo(self);
        }
        for (JsonNode checkIn : service.get("member", "/api/v1/checkins?size=200").get("items")) {
            assertThat(checkIn.get("memberCode").asString()).isEqualTo(self);
        }
        String otherMember = service.jdbc.sql("SELECT MAX(code) FROM member WHERE code <> 'DY000001'").query(String.class).single();
        assertThat(service.get("member", "/api/v1/service-logs?member=" + otherMember).get("total").asLong()).isZero();
        // the secretary sees their organ's members' logs, none of another organ's
        for (JsonNode log : service.get("secretary", "/api/v1/service-logs?size=200").get("items")) {
            assertThat(log.get("organCode").asString()).isEqualTo("JG001");
        }
        for (JsonNode log : service.get("community", "/api/v1/service-logs?size=200").get("items")) {
            assertThat(log.get("communityCode").asString()).isEqualTo("440103001001");
        }
    }

    @Test
    void everyFigureEqualsTheRecordsBehindItsLink() {
        for (String user : List.of("committee", "secretary", "street", "community", "leader", "member")) {
            JsonNode figures = service.get(user, "/api/v1/figures");
            assertThat(figures.get("checkedInMembers").asLong()).as(user)
                    .isEqualTo(service.get(user, "/api/v1/checkins?state=CONFIRMED").get("total").asLong());
            JsonNode confirmed = service.get(user, "/api/v1/service-logs?state=CONFIRMED");
            assertThat(figures.get("serviceHours").decimalValue()).as(user).isEqualByComparingTo(confirmed.get("hours").decimalValue());
            BigDecimal sum = BigDecimal.ZERO;
            int pages = confirmed.get("totalPages").asInt();
            for (int page = 1; page <= pages; page++) {
                for (JsonNode log : service.get(user, "/api/v1/service-logs?state=CONFIRMED&size=200&page=" + page).get("items")) {
                    sum = sum.add(log.get("hours").decimalValue());
                }
            }
            assertThat(sum).as(user).isEqualByComparingTo(confirmed.get("hours").decimalValue());
        }
        assertThat(service.get("committee", "/api/v1/figures").get("checkedInMembers").asLong())
                .isEqualTo(service.jdbc.sql("SELECT COUNT(DISTINCT member_id) FROM service_checkin WHERE state = 'CONFIRMED'")
                        .query(Long.class).single());
    }

    @Test
    void theSheetsWorkbookHoldsItsTotalsAndOneLinePerMember() throws Exception {
        JsonNode sheet = service.get("secretary", "/api/v1/service-feedback");
        Api.Response xlsx = service.api.get("secretary", "/api/v1/service-feedback.xlsx?quarter=" + sheet.get("quarter").asString(),
                org.springframework.http.MediaType.ALL);
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).startsWith("党员编码", "姓名", "报到状态");
        assertThat(rows.get(1).get(0)).isEqualTo("合计");
        assertThat(rows.get(1).get(5)).isEqualTo(sheet.get("totals").get("logs").asString());
        assertThat(rows).hasSize(2 + sheet.get("rows").size());
        JsonNode first = sheet.get("rows").get(0);
        assertThat(rows.get(2).get(0)).isEqualTo(first.get("memberCode").asString());
        assertThat(new BigDecimal(rows.get(2).get(6))).isEqualByComparingTo(first.get("hoursInQuarter").decimalValue());
        List<String> findings = new ArrayList<>();
        first.get("findings").forEach(f -> findings.add(f.asString()));
        assertThat(rows.get(2).size() > 10 ? rows.get(2).get(10) : "").isEqualTo(String.join("；", findings));
    }
}
