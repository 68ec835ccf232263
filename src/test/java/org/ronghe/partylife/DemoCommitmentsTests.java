package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.ronghe.partylife.commitment.CommitmentQueries;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The small demo district's members published this year's 三亮 cards: about two thirds of them, some targets met, some not. */
@RongheTest
class DemoCommitmentsTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommitmentQueries queries;

    @Test
    void about_two_thirds_of_the_members_have_a_card_with_targets_some_met_and_some_not() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long members = jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single();
        long cards = jdbc.sql("SELECT COUNT(*) FROM commitment_card WHERE card_year = :y").param("y", year).query(Long.class).single();
        assertThat(cards).isBetween(members * 55 / 100, members * 75 / 100);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM commitment_card c WHERE NOT EXISTS (SELECT 1 FROM commitment k WHERE k.card_id = c.id)")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM commitment_event WHERE type = 'CARD_PUBLISHED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(cards);
        PartyLifeScope all = new PartyLifeScope(org.ronghe.directory.DataScope.everything(false), java.util.Set.of());
        long measurable = queries.count(all, new CommitmentQueries.Filter(null, null, null, null, year, true, null));
        long fulfilled = queries.count(all, new CommitmentQueries.Filter(null, null, null, null, year, null, true));
        assertThat(measurable).isGreaterThanOrEqualTo(cards);
        assertThat(fulfilled).isPositive().isLessThan(measurable);
        assertThat(queries.count(all, new CommitmentQueries.Filter(null, null, null, null, year, false, null))).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.commitments'").query(Long.class).single()).isEqualTo(1);
    }
}
