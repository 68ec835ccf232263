package org.ronghe.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ronghe.assessment.AssessmentResults;
import org.ronghe.assessment.Grade;
import org.ronghe.assessment.Subject;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Two skins through {@code GET /api/v1/diagnosis}, with this year's assessment results given by the test. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=insight_two_skins")
class TwoSkinsDiagnosisTests {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @TestConfiguration
    static class Results {

        // stands in front of the stored results: these sub-scores are chosen, not computed
        @Bean
        @Primary
        AssessmentResults assessmentResults() {
            return (year, kind) -> year != YEAR || kind != Subject.Kind.ORGAN ? Optional.empty()
                    : Optional.of(new AssessmentResults.Ranking(7, YEAR, LocalDate.of(YEAR, 1, 31), false, List.of(
                    result("JG002", 1, "84", "86"),
                    result("JG001", 2, "96", "41.5"))));
        }

        static AssessmentResults.Result result(String organ, int rank, String partyBuilding, String business) {
            return new AssessmentResults.Result(new Subject(Subject.Kind.ORGAN, organ, organ), rank, new BigDecimal("70"), Grade.FAIRLY_GOOD,
                    false, new BigDecimal(partyBuilding), new BigDecimal(business), "/assessments/runs/7/organs/" + organ);
        }
    }

    @Autowired
    Api api;

    @Test
    void anOrganHeldToItsMeetingsButFailingItsCallsIsFlaggedAndAStrongOneIsNot() {
        JsonNode twoSkins = api.get("committee", "/api/v1/diagnosis?year=" + YEAR).json().get("twoSkins");
        assertThat(twoSkins.get("available").asBoolean()).isTrue();
        assertThat(twoSkins.get("runId").asLong()).isEqualTo(7);
        assertThat(twoSkins.get("flagged").asLong()).isEqualTo(1);
        JsonNode first = twoSkins.get("organs").get(0);
        assertThat(first.get("sides").get("organCode").asString()).isEqualTo("JG001");
        assertThat(first.get("flagged").asBoolean()).isTrue();
        assertThat(first.get("weaker").asString()).isEqualTo("BUSINESS");
        assertThat(first.get("sides").get("link").asString()).isEqualTo("/assessments/runs/7/organs/JG001");
        JsonNode second = twoSkins.get("organs").get(1);
        assertThat(second.get("sides").get("organCode").asString()).isEqualTo("JG002");
        assertThat(second.get("flagged").asBoolean()).isFalse();
    }

    @Test
    void aSecretarySeesTheirOwnOrganOnTheScatterAndAPastYearWithoutARunSaysSo() {
        JsonNode mine = api.get("secretary", "/api/v1/diagnosis").json().get("twoSkins");
        assertThat(mine.get("organs")).hasSize(1);
        assertThat(mine.get("organs").get(0).get("sides").get("organCode").asString()).isEqualTo("JG001");
        JsonNode past = api.get("committee", "/api/v1/diagnosis?year=" + (YEAR - 1)).json().get("twoSkins");
        assertThat(past.get("available").asBoolean()).isFalse();
        assertThat(past.get("note").asString()).isEqualTo("尚无考核结果，无法比对");
    }
}
