package org.ronghe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.platform.Accounts;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A production start (no demo) has the administrator and an empty directory, and no demo accounts. */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=nodemo", "ronghe.demo.seed=false"})
class WithoutDemoTests {

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoAccountsExistOnlyWhenTheDemoIsSeeded() {
        assertThat(accounts.byUsername("admin")).isPresent();
        for (String demo : DemoAccounts.USERNAMES) {
            assertThat(accounts.byUsername(demo)).as(demo).isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM street").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM district").query(Long.class).single()).isEqualTo(1);
    }
}
