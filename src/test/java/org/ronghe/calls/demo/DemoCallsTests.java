package org.ronghe.calls.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo district's year of calls is played out by the real lifecycle, with its late and unhappy cases. */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=democalls", "ronghe.demo.calls=400"})
class DemoCallsTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;

    @Test
    void aYearOfCallsHasEveryKindOfStoryInIt() {
        assertThat(count("SELECT COUNT(*) FROM call")).isEqualTo(400);
        List<String> types = jdbc.sql("SELECT DISTINCT type FROM call_event").query(String.class).list();
        assertThat(types).contains("RAISED", "DISPATCHED", "ACCEPTED", "REPLIED", "RATED", "RETURNED", "ACCEPT_OVERDUE",
                "URGED", "ESCALATED", "CLOSED_UNRATED");
        assertThat(count("SELECT COUNT(*) FROM call WHERE state = 'CLOSED'")).isGreaterThan(300);
        assertThat(count("SELECT COUNT(*) FROM call_notice")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM directive")).isEqualTo(6);
    }

    @Test
    void everyTimelineStartsWithItsRaisingAndEveryClosedCallEndsRatedOrUnrated() {
        assertThat(count("""
                SELECT COUNT(*) FROM call c WHERE (SELECT e.type FROM call_event e WHERE e.call_id = c.id
                                                   ORDER BY e.id LIMIT 1) <> 'RAISED'""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM call c WHERE c.state = 'CLOSED' AND (SELECT e.type FROM call_event e
                   WHERE e.call_id = c.id AND e.type IN ('RATED', 'CLOSED_UNRATED', 'REOPENED') ORDER BY e.id DESC LIMIT 1)
                   NOT IN ('RATED', 'CLOSED_UNRATED')""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM call WHERE state = 'CLOSED' AND closed_at IS NULL")).isZero();
    }

    @Test
    void onlyTimersStillAheadAreLeftScheduled() {
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks")).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time < :now")
                .param("now", OffsetDateTime.now().minusMinutes(5)).query(Long.class).single()).isZero();
        assertThat(count("SELECT COUNT(*) FROM call WHERE state <> 'CLOSED'")).isPositive();
    }

    @Test
    void theRatesAreProperShares() {
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        for (String rate : new String[]{"responseRate", "onTimeRate", "resolutionRate", "satisfactionRate"}) {
            assertThat(figures.get(rate).asDouble()).as(rate).isBetween(0.5, 1.0);
        }
        assertThat(figures.get("calls").asLong()).isEqualTo(400);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
