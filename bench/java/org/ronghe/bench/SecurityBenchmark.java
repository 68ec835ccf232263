package org.ronghe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.ronghe.RongheApplication;
import org.ronghe.platform.Audit;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.RateLimit;
import org.ronghe.platform.RateLimits;
import org.ronghe.platform.crypto.DataKeys;
import org.ronghe.platform.crypto.Reseal;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the security measures cost (docs/security.md): audited transactions with and without the seal
 * step, the chain verification, sealing and opening personal data, re-sealing plain values, the member
 * export, and one rate-limit take. Ronghe starts in-process on PostgreSQL (schema bench_security, dropped
 * and recreated) with the full demo district and no demo calls. See bench/security.sh.
 */
public final class SecurityBenchmark {

    static final String SCHEMA = "bench_security";
    static final String KEY = "1:00112233445566778899aabbccddeeff";

    private SecurityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres";
        int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        List<String> appArgs = List.of("--spring.datasource.url=" + url, "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
                "--spring.flyway.default-schema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA,
                "--ronghe.demo.seed=true", "--ronghe.demo.size=full", "--ronghe.demo.calls=0",
                "--RONGHE_DEMO_PASSWORD=Demo#Bench1", "--RONGHE_ADMIN_PASSWORD=Admin#Bench1", "--RONGHE_DATA_KEY=" + KEY,
                "--server.port=0", "--ronghe.timers.mode=manual", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RongheApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            System.out.printf(Locale.ROOT, "Security benchmark on %s, schema %s, %d members, %d cores%n", url, SCHEMA,
                    app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM member").query(Long.class).single(),
                    Runtime.getRuntime().availableProcessors());
            audit(app, transactions, 1);
            audit(app, transactions, 4);
            verify(app);
            personalData(app);
            reseal(app);
            export(app);
            rateLimit(app, transactions);
        }
    }

    /**
     * Transactions writing three audit entries each (like a call step): through Audit (inserted, then sealed
     * before commit) and, as the baseline, the same three rows inserted into a copy of the table, unsealed.
     */
    static void audit(ConfigurableApplicationContext app, int n, int threads) throws Exception {
        Audit audit = app.getBean(Audit.class);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        NamedParameterJdbcTemplate jdbc = app.getBean(NamedParameterJdbcTemplate.class);
        List<Audit.Entry> entries = List.of(
                Audit.Entry.change("CALL_ACCEPTED", "call", "1", Map.of("state", "DISPATCHED"), Map.of("state", "ACCEPTED")),
                Audit.Entry.change("CALL_REPLIED", "call", "1", Map.of("state", "ACCEPTED"), Map.of("state", "REPLIED")),
                Audit.Entry.of("CALL_RATED", "call", "1"));
        // the baseline writes into a copy of the table: rows slipped into audit_log itself would (rightly) fail the verification
        app.getBean(JdbcClient.class).sql("CREATE TABLE IF NOT EXISTS audit_plain (LIKE audit_log INCLUDING ALL)").update();
        String insert = "INSERT INTO audit_plain (at, actor, action, subject, subject_key, before_state, after_state, remote_addr) "
                + "VALUES (:at, 'bench', :action, 'call', '1', '{\"state\":\"DISPATCHED\"}', '{\"state\":\"ACCEPTED\"}', NULL)";
        Runnable sealed = () -> tx.executeWithoutResult(s -> audit.recordAllAs("bench", entries));
        Runnable plain = () -> tx.executeWithoutResult(s -> jdbc.batchUpdate(insert, entries.stream()
                .map(e -> new MapSqlParameterSource("at", java.time.OffsetDateTime.now()).addValue("action", e.action()))
                .toArray(MapSqlParameterSource[]::new)));
        timed(n, threads, plain); // warm-up
        timed(n, threads, sealed);
        for (int round = 1; round <= 3; round++) { // alternating, so a burst of load from elsewhere hits both
            double[] p = timed(n, threads, plain);
            double[] q = timed(n, threads, sealed);
            System.out.printf(Locale.ROOT, "audit, %d tx x 3 entries, %d thread(s), round %d: plain insert %.0f tx/s (p50 %.2f ms, "
                    + "p99 %.2f ms); with the seal step %.0f tx/s (p50 %.2f ms, p99 %.2f ms)%n", n, threads, round, p[0], p[1], p[2],
                    q[0], q[1], q[2]);
        }
    }

    static void verify(ConfigurableApplicationContext app) throws Exception {
        long entries = app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
        String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = app.getBean(JsonMapper.class);
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Admin#Bench1\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asString();
        long best = Long.MAX_VALUE;
        JsonNode report = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            report = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verify"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf(Locale.ROOT, "verify %d entries: %.0f ms (best of 3), intact=%s%n", entries, best / 1e6,
                report.get("intact").asBoolean());
    }

    static void personalData(ConfigurableApplicationContext app) {
        PersonalData data = app.getBean(PersonalData.class);
        int n = 20_000;
        List<String> sealed = new ArrayList<>(n);
        for (int round = 0; round < 3; round++) {
            sealed.clear();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sealed.add(data.seal(PersonalData.MEMBER_PHONE, "138" + String.format("%08d", i)));
            }
            long sealNs = System.nanoTime() - t;
            t = System.nanoTime();
            for (String s : sealed) {
                data.open(PersonalData.MEMBER_PHONE, s);
            }
            long openNs = System.nanoTime() - t;
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                data.index("44010319800101" + String.format("%04d", i));
            }
            long indexNs = System.nanoTime() - t;
            if (round == 2) {
                System.out.printf(Locale.ROOT, "SM4-GCM, %d phone numbers: seal %.1f ms (%.1f µs each), open %.1f ms (%.1f µs each); "
                                + "blind index (HMAC-SM3) %.1f µs each%n", n, sealNs / 1e6, sealNs / 1e3 / n, openNs / 1e6,
                        openNs / 1e3 / n, indexNs / 1e3 / n);
            }
        }
    }

    /** Turns every member's phone and ID number back into plain text, then times the re-seal (migration V7_2). */
    static void reseal(ConfigurableApplicationContext app) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        PersonalData data = app.getBean(PersonalData.class);
        var rows = jdbc.sql("SELECT id, id_number, phone FROM member").query((rs, i) -> new String[]{rs.getString(1),
                data.open(PersonalData.MEMBER_ID_NUMBER, rs.getString(2)), data.open(PersonalData.MEMBER_PHONE, rs.getString(3))}).list();
        NamedParameterJdbcTemplate batch = app.getBean(NamedParameterJdbcTemplate.class);
        batch.batchUpdate("UPDATE member SET id_number = :i, phone = :p WHERE id = :id", rows.stream()
                .map(r -> new MapSqlParameterSource("id", Long.parseLong(r[0])).addValue("i", r[1]).addValue("p", r[2]))
                .toArray(MapSqlParameterSource[]::new));
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            long t = System.nanoTime();
            long n = Reseal.run(c, data, DataKeys.of(KEY));
            long ns = System.nanoTime() - t;
            System.out.printf(Locale.ROOT, "re-seal %d plain values (%d members' phone and ID number): %.0f ms, %.0f values/s%n",
                    n, rows.size(), ns / 1e6, n / (ns / 1e9));
        }
    }

    static void export(ConfigurableApplicationContext app) throws Exception {
        String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = app.getBean(JsonMapper.class);
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"committee\",\"password\":\"Demo#Bench1\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asString();
        double[] times = new double[10];
        for (int i = -3; i < times.length; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/directory/exports/members.xlsx"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("export answered " + r.statusCode());
            }
            if (i >= 0) {
                times[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(times);
        PersonalData data = app.getBean(PersonalData.class);
        List<String[]> stored = app.getBean(JdbcClient.class).sql("SELECT id_number, phone FROM member")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        long t = System.nanoTime();
        for (String[] s : stored) {
            data.open(PersonalData.MEMBER_ID_NUMBER, s[0]);
            data.open(PersonalData.MEMBER_PHONE, s[1]);
        }
        System.out.printf(Locale.ROOT, "export members xlsx (%d rows, committee, unmasked): p50 %.0f ms, max %.0f ms (10 runs); "
                + "of which opening the %d sealed values: %.1f ms%n", stored.size(), times[4], times[9], stored.size() * 2,
                (System.nanoTime() - t) / 1e6);
    }

    static void rateLimit(ConfigurableApplicationContext app, int n) throws Exception {
        RateLimits limits = app.getBean(RateLimits.class);
        RateLimit limit = new RateLimit("bench", 1_000_000, Duration.ofMinutes(1));
        for (int round = 0; round < 2; round++) {
            double[] r = timed(n, 1, () -> limits.take(limit, "10.0.0." + (int) (Math.random() * 50)));
            if (round == 1) {
                System.out.printf(Locale.ROOT, "rate limit take (one bucket row, own transaction): %.0f/s, p50 %.2f ms, p99 %.2f ms%n",
                        r[0], r[1], r[2]);
            }
        }
    }

    /** @return operations/s, p50 ms, p99 ms */
    static double[] timed(int n, int threads, Runnable op) throws Exception {
        double[] each = new double[n];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                runs.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    op.run();
                    each[k] = (System.nanoTime() - t) / 1e6;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(each);
        return new double[]{n / seconds, each[n / 2], each[(int) (n * 0.99)]};
    }
}
