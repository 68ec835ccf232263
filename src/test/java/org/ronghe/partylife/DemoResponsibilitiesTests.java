package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The small demo district's responsibility year: every organ's letter signed with both lists, the three meetings
 * held by most (one organ without the progress meeting), duty reports evaluated by ballots or on paper.
 */
@RongheTest
class DemoResponsibilitiesTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void every_demo_organ_has_its_signed_letter_three_meetings_mostly_held_and_duty_reports_with_votes() {
        assertThat(count("SELECT COUNT(*) FROM responsibility_letter")).isEqualTo(count("SELECT COUNT(*) FROM organ"));
        assertThat(count("SELECT COUNT(*) FROM responsibility_letter WHERE state = 'SIGNED'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(DISTINCT list_kind) FROM duty_item")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM duty_item_record")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE kind = 'RESPONSIBILITY_DEPLOYMENT'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE kind = 'RESPONSIBILITY_PROGRESS'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE kind = 'DUTY_REPORT'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM duty_report WHERE evaluation = 'BALLOT'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM duty_report WHERE evaluation = 'PAPER'")).isPositive();
        // The counts kept on each report equal its ballots.
        assertThat(count("""
                SELECT COUNT(*) FROM duty_report r WHERE r.evaluation = 'BALLOT'
                AND r.good + r.fairly_good + r.fair + r.poor <> (SELECT COUNT(*) FROM duty_report_ballot b WHERE b.report_id = r.id)"""))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.responsibilities'")).isEqualTo(1);

        JsonNode list = api.get("committee", "/api/v1/responsibilities?size=50").json();
        long fulfilled = 0;
        for (JsonNode letter : list.get("items")) {
            assertThat(letter.get("items").asInt()).isEqualTo(8);
            fulfilled += letter.get("fulfilled").asInt();
        }
        assertThat(fulfilled).as("some items fulfilled from the demo's meetings").isPositive();
        long id = list.get("items").get(0).get("id").asLong();
        JsonNode letter = api.get("committee", "/api/v1/responsibilities/" + id).json();
        assertThat(letter.get("meetings")).hasSize(3);
        assertThat(letter.get("dutyReports").size()).isPositive();
    }
}
