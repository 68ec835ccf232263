package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ronghe.RongheApplication;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.platform.Accounts;
import org.ronghe.support.TestClock;
import org.ronghe.support.TestDatabase;
import org.ronghe.support.TimerDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The platform is stopped while a call waits for its reply and started again on the same database:
 * the escalation planned before the stop fires after it, once.
 */
@Tag("sql")
class CallRestartTests {

    static final String SCHEMA = "calls_restart";

    @Test
    void anEscalationPlannedBeforeARestartFiresOnceAfterIt() throws Exception {
        String[] args = arguments();
        long id;
        Instant replyBy;
        try (ConfigurableApplicationContext app = start(args)) {
            CallDesk desk = app.getBean(CallDesk.class);
            var community = app.getBean(Accounts.class).byUsername("community").orElseThrow();
            id = desk.raise(community, new CallDesk.NewCall("重启前提出的诉求", "老人助餐", "ELDERLY", null, null, null, null,
                    null, null, null, "王先生", "13900139000"), null).id();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT state FROM call WHERE id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("DISPATCHED");
            replyBy = jdbc.sql("SELECT reply_by FROM call WHERE id = :id").param("id", id)
                    .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :i")
                    .param("i", "escalate-" + id + "-1").query(Long.class).single()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext app = start(args)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TestClock clock = app.getBean(TestClock.class);
            TimerDriver timers = app.getBean(TimerDriver.class);
            CallsClient.moveTo(clock, replyBy.plus(Duration.ofMinutes(1)));
            timers.runDue();
            assertThat(count(jdbc, "call_event", id, "type", "ESCALATED")).isEqualTo(1);
            assertThat(count(jdbc, "call_notice", id, "kind", "ESCALATED")).isEqualTo(1);
            assertThat(count(jdbc, "call_event", id, "type", "URGED")).isEqualTo(1);
            assertThat(count(jdbc, "call_event", id, "type", "ESCALATED_AGAIN")).isZero();
            timers.runDue();
            timers.advance(Duration.ofMinutes(5));
            assertThat(count(jdbc, "call_event", id, "type", "ESCALATED")).isEqualTo(1);
            assertThat(count(jdbc, "call_notice", id, "kind", "ESCALATED")).isEqualTo(1);
        }
    }

    static long count(JdbcClient jdbc, String table, long id, String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE call_id = :id AND " + column + " = :v")
                .param("id", id).param("v", value).query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(RongheApplication.class, TestClock.Configuration.class).run(args);
    }

    private static String[] arguments() throws Exception {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--ronghe.demo.size=small", "--ronghe.demo.seed=true",
                "--RONGHE_DEMO_PASSWORD=Demo#Test1", "--RONGHE_ADMIN_PASSWORD=Admin#Test1", "--spring.jmx.enabled=false",
                "--RONGHE_DATA_KEY=1:000102030405060708090a0b0c0d0e0f",
                "--ronghe.timers.mode=manual", "--logging.level.org.flywaydb=WARN"));
        if (TestDatabase.postgres()) {
            String url = System.getenv(TestDatabase.URL_VARIABLE);
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            all.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.hikari.schema=" + SCHEMA,
                    "--spring.flyway.default-schema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA));
        } else {
            Path dir = Path.of("target", "calls-restart-test");
            FileSystemUtils.deleteRecursively(dir);
            String file = new File(dir.toFile(), "ronghe").getAbsolutePath();
            all.add("--spring.datasource.url=jdbc:h2:file:" + file
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        return all.toArray(String[]::new);
    }
}
