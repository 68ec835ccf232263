package org.ronghe.calls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.CurrentUser;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** On PostgreSQL the call tables are partitioned by month, and the months ahead are created before they come. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_partitions")
class CallPartitionsTests {

    @Autowired
    CallPartitions partitions;
    @Autowired
    TestClock clock;
    @Autowired
    CallDesk desk;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void onPostgresqlOnly() {
        assumeThat(TestDatabase.postgres()).as("partitions exist on PostgreSQL only").isTrue();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCallRaisedInAMonthBeyondTheMigrationsLandsInThatMonthsOwnPartition() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2029-03-10T02:00:00Z")));
        YearMonth march = YearMonth.of(2029, 3);
        assertThat(partitions.months()).doesNotContain(march);

        partitions.ensureAhead();

        assertThat(partitions.months()).contains(march.minusMonths(1), march, march.plusMonths(CallPartitions.MONTHS_AHEAD));
        CurrentUser community = accounts.byUsername("community").orElseThrow();
        long id = desk.raise(community, new CallDesk.NewCall("三月的诉求", null, "ELDERLY", null, null, null, null, null,
                null, null, null, null), null).id();
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM call WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("call_2029_03");
        assertThat(jdbc.sql("SELECT DISTINCT tableoid::regclass::text FROM call_event WHERE call_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("call_event_2029_03");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_default").query(Long.class).single()).isZero();
    }

    @Test
    void creatingTheSameMonthsTwiceChangesNothing() {
        partitions.ensureAhead();
        int before = partitions.months().size();

        partitions.ensureAhead();

        assertThat(partitions.months()).hasSize(before).contains(YearMonth.now(clock));
    }
}
