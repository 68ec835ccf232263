package org.ronghe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Two starts of the platform on the same database, as a user does with {@code ./mvnw spring-boot:run}:
 * the first seeds the demo district and says so, the second reuses it and shows the same figures.
 */
@Tag("sql")
@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

    static final String SCHEMA = "restart";

    @Test
    void aSecondStartShowsTheSameFiguresWithoutSeedingAgain(CapturedOutput output) throws Exception {
        String[] args = arguments();
        Map<String, Number> first;
        try (ConfigurableApplicationContext app = start(args)) {
            first = figures(app);
        }
        assertThat(output.getOut()).contains("Seeding the demo district (small)").contains("Demo district seeded in");
        int logged = output.getOut().length();

        try (ConfigurableApplicationContext app = start(args)) {
            assertThat(figures(app)).isEqualTo(first);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'DEMO_SEEDED'").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'admin'").query(Long.class).single()).isEqualTo(1);
        }
        String second = output.getOut().substring(logged);
        assertThat(second).contains("Demo district already seeded").doesNotContain("Seeding the demo district");
        assertThat(first.get("streets")).isEqualTo(3L);
        assertThat(first.get("partyOrgs")).isEqualTo(24L);
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(RongheApplication.class).run(args);
    }

    private static Map<String, Number> figures(ConfigurableApplicationContext app) {
        CurrentUser committee = app.getBean(Accounts.class).byUsername("committee").orElseThrow();
        Map<String, Number> figures = new java.util.HashMap<>();
        app.getBeansOfType(FigureSource.class).values().stream()
                .flatMap(s -> s.figures(committee).stream())
                .forEach(f -> figures.put(f.key(), f.value()));
        return figures;
    }

    private static String[] arguments() throws Exception {
        List<String> common = List.of("--server.port=0", "--ronghe.demo.size=small", "--RONGHE_DEMO_PASSWORD=Demo#Test1",
                "--RONGHE_ADMIN_PASSWORD=Admin#Test1", "--spring.jmx.enabled=false",
                // the tests' data key (application-test.properties), so no key file is written under ./data
                "--RONGHE_DATA_KEY=1:000102030405060708090a0b0c0d0e0f");
        if (TestDatabase.postgres()) {
            String url = System.getenv(TestDatabase.URL_VARIABLE);
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            return concat(common, "--spring.datasource.url=" + url, "--spring.datasource.hikari.schema=" + SCHEMA,
                    "--spring.flyway.default-schema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA);
        }
        Path dir = Path.of("target", "restart-test");
        FileSystemUtils.deleteRecursively(dir);
        String file = new File(dir.toFile(), "ronghe").getAbsolutePath();
        return concat(common, "--spring.datasource.url=jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private static String[] concat(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
