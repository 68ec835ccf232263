package org.ronghe.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The diagnosis and the dashboard read the assessment the committee computed — the stored run, not a copy — and
 * every organ they show links to an explanation that opens.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=insight_assessed")
class AssessedDistrictTests {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Autowired
    ApplicationContext context;
    @Autowired
    Api api;
    @Autowired
    Pages pages;

    @Test
    void theTwoSkinsOfTheDiagnosisAreTheSubScoresOfTheRunTheCommitteeComputed() {
        long run = computeThisYear();
        JsonNode ranking = api.get("committee", "/api/v1/assessments/" + run + "?kind=ORGAN").json().get("results");
        Map<String, BigDecimal[]> sides = new HashMap<>();
        ranking.forEach(r -> sides.put(r.get("subject").get("code").asString(),
                new BigDecimal[]{r.get("partyBuilding").decimalValue(), r.get("business").decimalValue()}));

        JsonNode twoSkins = api.get("committee", "/api/v1/diagnosis?year=" + YEAR).json().get("twoSkins");
        assertThat(twoSkins.get("available").asBoolean()).isTrue();
        assertThat(twoSkins.get("runId").asLong()).isEqualTo(run);
        assertThat(twoSkins.get("organs")).hasSize(sides.size()).isNotEmpty();
        BigDecimal gap = new BigDecimal(20);
        for (JsonNode verdict : twoSkins.get("organs")) {
            JsonNode organ = verdict.get("sides");
            BigDecimal[] stored = sides.get(organ.get("organCode").asString());
            assertThat(organ.get("partyBuilding").decimalValue()).isEqualByComparingTo(stored[0]);
            assertThat(organ.get("business").decimalValue()).isEqualByComparingTo(stored[1]);
            boolean apart = stored[0].subtract(stored[1]).abs().compareTo(gap) >= 0;
            assertThat(verdict.get("flagged").asBoolean()).as(organ.get("organCode").asString()).isEqualTo(apart);
            assertThat(pages.open("committee", organ.get("link").asString()).status()).isEqualTo(200);
        }
    }

    @Test
    void theDashboardRanksTheOrgansAsTheRunDoesAndEachLinksToItsExplanation() {
        long run = computeThisYear();
        List<String> byRun = new ArrayList<>();
        api.get("committee", "/api/v1/assessments/" + run + "?kind=ORGAN").json().get("results")
                .forEach(r -> byRun.add(r.get("subject").get("code").asString()));

        JsonNode rankings = api.get("committee", "/api/v1/dashboard/rankings?year=" + YEAR).json();
        assertThat(rankings.get("runId").asLong()).isEqualTo(run);
        List<String> shown = new ArrayList<>();
        rankings.get("items").forEach(i -> shown.add(i.get("organCode").asString()));
        assertThat(shown).isEqualTo(byRun.subList(0, shown.size())).isNotEmpty();
        String first = rankings.get("items").get(0).get("link").asString();
        assertThat(pages.open("committee", first).html()).contains(rankings.get("items").get(0).get("organName").asString());
    }

    private long computeThisYear() {
        Api.Response computed = new CallsClient(context).post("committee", "/api/v1/assessments", Map.of("year", YEAR));
        assertThat(computed.status()).as(computed.text()).isEqualTo(201);
        return computed.json().get("id").asLong();
    }
}
