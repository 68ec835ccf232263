package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.FullDemoDistrict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The full demo district (569 grassroots organisations) gets its year of organisational life at the first start. */
@FullDemoDistrict
class FullDemoMeetingsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOrganisationOfTheFullDistrictHasAYearOfMeetings() {
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT party_org_id) FROM meeting").query(Long.class).single()).isGreaterThan(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.meetings'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void mostBranchesOfTheFullDistrictHaveLastYearsReviewDecided() {
        long branches = jdbc.sql("SELECT COUNT(*) FROM party_org WHERE kind = 'BRANCH'").query(Long.class).single();
        long decided = jdbc.sql("SELECT COUNT(*) FROM review WHERE state = 'DECIDED'").query(Long.class).single();
        assertThat(decided).isGreaterThan(branches * 3 / 4).isLessThan(branches);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.reviews'").query(Long.class).single()).isEqualTo(1);
    }
}
