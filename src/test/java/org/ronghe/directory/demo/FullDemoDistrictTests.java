package org.ronghe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.FullDemoDistrict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The full demo district, as {@code ./mvnw spring-boot:run} seeds it, has the figures of the report. Every test of
 * the full district lives in this one class: the tests run in two JVMs, and each JVM that met the district would
 * seed it again (a few minutes per database).
 */
@FullDemoDistrict
class FullDemoDistrictTests {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFiguresAreThoseOfTheDistrictInTheReport() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("streets").asLong()).isEqualTo(22);
        assertThat(figures.get("communities").asLong()).isEqualTo(212);
        assertThat(figures.get("organs").asLong()).isEqualTo(55);
        assertThat(figures.get("partyOrgs").asLong()).isEqualTo(569);
        assertThat(figures.get("members").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(figures.get("leaders").asLong()).isEqualTo(30);
        assertThat(figures.get("liaisons").asLong()).isEqualTo(30);
        assertThat(figures.get("pairings").asLong()).isEqualTo(212);
        assertThat(figures.get("pairedCommunities").asLong()).isEqualTo(212);
        assertThat(figures.get("grids").asLong()).isGreaterThan(212);
    }

    @Test
    void theVisitCampaignIsShapedLikeTheReports() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("visitingOrgs").asLong()).isEqualTo(569);
        assertThat(figures.get("visitingMembers").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(figures.get("householdsVisited").asLong()).isGreaterThanOrEqualTo(250_000);
        assertThat(figures.get("problemsHeard").asLong()).isBetween(9_000L, 11_000L);
        assertThat(figures.get("problemsResolved").asLong()).isGreaterThan(figures.get("problemsHeard").asLong() / 2);
        assertThat(figures.get("householdsFollowedUp").asLong()).isGreaterThan(figures.get("problemsHeard").asLong() / 2);
    }

    @Test
    void theServiceNetworkHasItsFourLevelsAndLastYearsSamplingPoints() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("serviceCentres").asLong()).isEqualTo(262);
        assertThat(figures.get("serviceCentresDistrict").asLong()).isEqualTo(1);
        assertThat(figures.get("serviceCentresStreet").asLong()).isEqualTo(22);
        assertThat(figures.get("serviceCentresCommunity").asLong()).isEqualTo(212);
        assertThat(figures.get("serviceCentresStation").asLong()).isEqualTo(27);
        assertThat(figures.get("temporaryPoints").asLong()).isEqualTo(198);
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
        assertThat(api.get("member", "/api/v1/temporary-points?kind=SAMPLING&emergency=YJ" + lastYear + "001").json().get("total").asLong())
                .isEqualTo(198);
    }

    @Test
    void lastYearsEmergencyHasTheReportsFigures() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("emergencies").asLong()).isEqualTo(1);
        assertThat(figures.get("temporaryBranches").asLong()).isEqualTo(141);
        assertThat(figures.get("commandoTeams").asLong()).isEqualTo(395);
        assertThat(figures.get("vanguardTeams").asLong()).isEqualTo(662);
        assertThat(figures.get("mobilisedMembers").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(figures.get("coveredCommunities").asLong()).isEqualTo(212);
        assertThat(figures.get("temporaryPoints").asLong()).isEqualTo(198);
        assertThat(figures.get("serviceCentres").asLong()).isEqualTo(262);
        // 30 leaders at their streets, a cadre at each community, a three-person team at each compound
        assertThat(figures.get("stationedCadres").asLong())
                .isEqualTo(api.get("committee", "/api/v1/emergencies/stationed-cadres").json().get("total").asLong())
                .isGreaterThan(30 + 212 + 3 * 212);
        // the party organisations the report counts are the standing ones: the temporary branches are dissolved
        assertThat(figures.get("partyOrgs").asLong()).isEqualTo(569);
    }

    @Test
    void everyRuleHasAtLeastOneFinding() {
        JsonNode findings = api.get("committee", "/api/v1/directory/findings").json();
        java.util.Set<String> rules = new java.util.HashSet<>();
        findings.forEach(f -> rules.add(f.get("rule").asString()));
        assertThat(rules).hasSize(org.ronghe.directory.findings.FindingRule.values().length);
    }

    @Test
    void everyOrganisationOfTheFullDistrictHasAYearOfMeetings() {
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT party_org_id) FROM meeting").query(Long.class).single()).isGreaterThan(500);
        assertThat(count("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.meetings'")).isEqualTo(1);
    }

    @Test
    void mostBranchesOfTheFullDistrictHaveLastYearsReviewDecided() {
        long branches = count("SELECT COUNT(*) FROM party_org WHERE kind = 'BRANCH'");
        long decided = count("SELECT COUNT(*) FROM review WHERE state = 'DECIDED'");
        assertThat(decided).isGreaterThan(branches * 3 / 4).isLessThan(branches);
        assertThat(count("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.reviews'")).isEqualTo(1);
    }

    @Test
    void mostMembersOfTheFullDistrictAreCheckedInAndHaveServedThroughTheYear() {
        long members = count("SELECT COUNT(*) FROM member WHERE community_id IS NOT NULL");
        long confirmed = count("SELECT COUNT(*) FROM service_checkin WHERE state = 'CONFIRMED'");
        assertThat(confirmed).isBetween(members * 80 / 100, members * 90 / 100);
        assertThat(count("SELECT COUNT(*) FROM service_item")).isEqualTo(212 * 6);
        assertThat(count("SELECT COUNT(*) FROM service_log WHERE state = 'CONFIRMED'")).isGreaterThan(20_000);
        assertThat(count("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.service'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
