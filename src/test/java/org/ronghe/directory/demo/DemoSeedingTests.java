package org.ronghe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.platform.Accounts;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo district is seeded once; starting again reuses it. */
@RongheTest
class DemoSeedingTests {

    @Autowired
    DemoSeeder seeder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void seedingAgainChangesNothing() {
        long members = count("member");
        long accountsBefore = count("account");
        long seeded = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'DEMO_SEEDED'").query(Long.class).single();
        seeder.run(new DefaultApplicationArguments());
        assertThat(count("member")).isEqualTo(members);
        assertThat(count("account")).isEqualTo(accountsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'DEMO_SEEDED'").query(Long.class).single()).isEqualTo(seeded).isEqualTo(1);
    }

    @Test
    void everyRoleHasADemoAccountTiedToANamedPlace() {
        assertThat(accounts.byUsername("secretary")).hasValueSatisfying(u -> assertThat(u.scopeCode()).isEqualTo("JG001"));
        assertThat(accounts.byUsername("street")).hasValueSatisfying(u -> assertThat(u.scopeCode()).isEqualTo("440103001"));
        assertThat(accounts.byUsername("community")).hasValueSatisfying(u -> assertThat(u.scopeCode()).isEqualTo("440103001001"));
        assertThat(accounts.byUsername("leader")).hasValueSatisfying(u -> assertThat(u.scopeCode()).isEqualTo("LD01"));
        assertThat(accounts.byUsername("member")).hasValueSatisfying(u -> assertThat(u.scopeCode()).isEqualTo("DY000001"));
        assertThat(accounts.byUsername("committee")).isPresent();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
