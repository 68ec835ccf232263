package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The small demo district has a year of organisational life, with gaps: not everything held, not all quorate. */
@RongheTest
class DemoMeetingsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoDistrictHasAYearOfMeetingsWithRealisticGaps() {
        long meetings = jdbc.sql("SELECT COUNT(*) FROM meeting").query(Long.class).single();
        assertThat(meetings).isGreaterThan(100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE quorate = FALSE").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting WHERE first_item_study = FALSE").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_attendance").query(Long.class).single()).isGreaterThan(meetings);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_event WHERE subject = 'meeting' AND type = 'RECORDED'").query(Long.class).single())
                .isEqualTo(meetings);
        // Decisions: some given as tasks and delivered, some overdue, some leading nowhere — each step an event.
        long tasks = jdbc.sql("SELECT COUNT(*) FROM meeting_decision WHERE owner_id IS NOT NULL").query(Long.class).single();
        long delivered = jdbc.sql("SELECT COUNT(*) FROM meeting_decision WHERE delivered").query(Long.class).single();
        assertThat(tasks).isPositive();
        assertThat(delivered).isPositive().isLessThan(tasks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_decision WHERE owner_id IS NOT NULL AND NOT delivered AND due_on < CURRENT_DATE")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_decision WHERE owner_id IS NULL AND call_id IS NULL").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_event WHERE type = 'DECISION_ASSIGNED'").query(Long.class).single()).isEqualTo(tasks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meeting_event WHERE type = 'DECISION_DELIVERED'").query(Long.class).single())
                .isEqualTo(delivered);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.meetings'").query(Long.class).single()).isEqualTo(1);
    }
}
