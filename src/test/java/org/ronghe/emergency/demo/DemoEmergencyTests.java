package org.ronghe.emergency.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The small demo district gets last year's emergency in proportion to its communities, recorded through the desks
 * and stood down: every figure comes from the rows the desks wrote.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=demo_emergency", "ronghe.demo.emergency=full"})
class DemoEmergencyTests {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lastYearsEmergencyIsOnRecordStoodDownWithItsBranchesDissolved() {
        String code = "YJ" + (LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1) + "001";
        int communities = jdbc.sql("SELECT COUNT(*) FROM community").query(Integer.class).single();
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("emergencies").asLong()).isEqualTo(1);
        assertThat(figures.get("temporaryBranches").asLong()).isEqualTo(DemoEmergency.scaled(141, communities));
        assertThat(figures.get("commandoTeams").asLong()).isEqualTo(DemoEmergency.scaled(395, communities));
        assertThat(figures.get("vanguardTeams").asLong()).isEqualTo(DemoEmergency.scaled(662, communities));

        assertThat(jdbc.sql("SELECT state FROM emergency WHERE code = :c").param("c", code).query(String.class).single()).isEqualTo("STOOD_DOWN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM temporary_branch WHERE state <> 'DISSOLVED'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party_org p JOIN temporary_branch b ON b.party_org_id = p.id WHERE p.dissolved_on IS NULL").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_area WHERE until IS NULL").query(Long.class).single()).isEqualTo(communities);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_command WHERE ended_at IS NULL").query(Long.class).single()).isEqualTo(15);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE kind = 'BRANCH_APPROVED'").query(Long.class).single())
                .isEqualTo(DemoEmergency.scaled(141, communities));
    }
}
