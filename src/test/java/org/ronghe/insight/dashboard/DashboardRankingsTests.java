package org.ronghe.insight.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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

/**
 * The rankings panel shows the year's assessment results as the assessment module answers them (here a made-up run
 * of three organs), best first with the link to each explanation; a year without a run says so; an organ's secretary
 * sees their own organ's place only.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=dashboard_rankings")
class DashboardRankingsTests {

    static final int YEAR = 2025;

    @TestConfiguration(proxyBeanMethods = false)
    static class MadeUpResults {

        @Bean
        @Primary
        AssessmentResults madeUpAssessmentResults() {
            return (year, kind) -> year != YEAR || kind != Subject.Kind.ORGAN ? Optional.empty()
                    : Optional.of(new AssessmentResults.Ranking(7, YEAR, LocalDate.of(YEAR, 12, 31), true, List.of(
                    result(1, "JG003", "区财政局", "92.50", Grade.GOOD, false),
                    result(2, "JG001", "区民政局", "81.25", Grade.FAIRLY_GOOD, false),
                    result(3, "JG002", "区教育局", "40.00", Grade.POOR, true))));
        }

        private static AssessmentResults.Result result(int rank, String code, String name, String total, Grade grade, boolean vetoed) {
            return new AssessmentResults.Result(new Subject(Subject.Kind.ORGAN, code, name), rank, new BigDecimal(total), grade, vetoed,
                    null, null, "/assessments/runs/7/" + code);
        }
    }

    @Autowired
    Api api;

    @Test
    void theCommitteeSeesTheYearsOrgansBestFirstEachLinkingToItsExplanation() {
        JsonNode ranking = ok("committee", "/api/v1/dashboard/rankings?year=" + YEAR);
        assertThat(ranking.get("available").asBoolean()).isTrue();
        assertThat(ranking.get("published").asBoolean()).isTrue();
        assertThat(ranking.get("runId").isNumber()).isTrue();
        JsonNode items = ranking.get("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).get("organCode").asString()).isEqualTo("JG003");
        assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(items.get(0).get("total").isNumber()).isTrue();
        assertThat(items.get(0).get("total").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(items.get(1).get("link").asString()).isEqualTo("/assessments/runs/7/JG001");
        assertThat(items.get(2).get("vetoed").asBoolean()).isTrue();
        assertThat(items.get(2).get("gradeLabel").asString()).isEqualTo("差");
        assertThat(ok("leader", "/api/v1/dashboard/rankings?year=" + YEAR).get("items").size()).isEqualTo(3);
    }

    @Test
    void aSecretarySeesTheirOwnOrgansPlaceAndAYearWithoutARunHasNoResults() {
        JsonNode mine = ok("secretary", "/api/v1/dashboard/rankings?year=" + YEAR).get("items");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("organCode").asString()).isEqualTo("JG001");
        assertThat(mine.get(0).get("rank").asInt()).isEqualTo(2);
        assertThat(ok("street", "/api/v1/dashboard/rankings?year=" + YEAR).get("items").size()).isZero();

        JsonNode none = ok("committee", "/api/v1/dashboard/rankings?year=" + (YEAR - 1));
        assertThat(none.get("available").asBoolean()).isFalse();
        assertThat(none.get("items").size()).isZero();
    }

    private JsonNode ok(String user, String path) {
        Api.Response answer = api.get(user, path);
        assertThat(answer.status()).as(user + " " + path + ": " + answer.text()).isEqualTo(200);
        return answer.json();
    }
}
