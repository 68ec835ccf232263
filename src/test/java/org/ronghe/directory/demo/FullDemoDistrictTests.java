package org.ronghe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.FullDemoDistrict;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The full demo district, as {@code ./mvnw spring-boot:run} seeds it, has the figures of the report. */
@FullDemoDistrict
class FullDemoDistrictTests {

    @Autowired
    Api api;

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
}
