package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.FullDemoDistrict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The full demo district (212 communities, 10,400 members) gets its year of community service at the first start. */
@FullDemoDistrict
class FullDemoServiceTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void mostMembersOfTheFullDistrictAreCheckedInAndHaveServedThroughTheYear() {
        long members = count("SELECT COUNT(*) FROM member WHERE community_id IS NOT NULL");
        long confirmed = count("SELECT COUNT(*) FROM service_checkin WHERE state = 'CONFIRMED'");
        assertThat(confirmed).isBetween(members * 80 / 100, members * 90 / 100);
        assertThat(count("SELECT COUNT(*) FROM service_item")).isEqualTo(212 * 6);
        assertThat(count("SELECT COUNT(*) FROM service_log WHERE state = 'CONFIRMED'")).isGreaterThan(20_000);
        assertThat(count("SELECT COUNT(*) FROM platform_setting WHERE name = 'demo.service'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
