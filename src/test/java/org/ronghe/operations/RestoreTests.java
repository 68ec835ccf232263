package org.ronghe.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.IsolatedDatabase;
import org.ronghe.support.Node;
import org.ronghe.support.TestDatabase;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A backup restores: the application is backed up while it runs, the backup is loaded into a fresh
 * database with {@code scripts/restore.sh} (the operator's command), and the application started on
 * the copy holds every row of every table (a digest of all of them, Flyway's history included), reads
 * the same personal data with the same data key (and refuses to start with another), finds its audit
 * chain intact, and takes new writes.
 * <p>
 * H2 (the embedded database): the running application writes the backup itself ({@code POST
 * /api/v1/operations/backups}, {@code SCRIPT TO}). PostgreSQL: {@code scripts/backup.sh} runs
 * {@code pg_dump} against the running application's schema, {@code scripts/restore.sh} runs
 * {@code pg_restore} into a new database. One command: {@code ./mvnw test -Dtest=RestoreTests}, with
 * {@code RONGHE_TEST_POSTGRES_URL} for the PostgreSQL pass.
 */
@Tag("sql")
class RestoreTests {

    static final Path DIRECTORY = Path.of("target", "restore-test").toAbsolutePath();
    static final String SCHEMA = "restore_source";

    @Test
    void theEmbeddedDatabaseBackedUpWhileRunningRestoresWithEveryRecordAndAnIntactAuditChain() throws Exception {
        assumeThat(TestDatabase.postgres()).as("the H2 backup runs in the H2 pass; the PostgreSQL pass restores with pg_restore")
                .isFalse();
        Path directory = DIRECTORY.resolve("h2");
        FileSystemUtils.deleteRecursively(directory);
        Path restored = directory.resolve("restored").resolve("ronghe");

        Snapshot before;
        Path backup;
        try (Node source = start("source", IsolatedDatabase.h2File(directory.resolve("source").resolve("ronghe")),
                "--ronghe.backup.directory=" + directory.resolve("backups"))) {
            Snapshot read = Snapshot.read(source, work(source));
            assertThat(source.post(null, "/api/v1/operations/backups", Map.of()).status()).as("no backup without a token")
                    .isEqualTo(401);
            assertThat(source.post(source.token("secretary", Api.DEMO_PASSWORD), "/api/v1/operations/backups", Map.of()).status())
                    .as("only the system administrator backs up").isEqualTo(403);

            Node.Json written = source.post(source.token("admin", Api.ADMIN_PASSWORD), "/api/v1/operations/backups", Map.of());
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            backup = Path.of(written.json().get("file").asString());
            assertThat(backup).exists().hasParent(directory.resolve("backups"));
            assertThat(written.json().get("bytes").asLong()).isEqualTo(Files.size(backup));
            // nothing runs on its own in this node (timers in manual mode): this is the state the backup holds
            before = read.withDigestOf(source);
            assertThat(source.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'BACKUP_WRITTEN'").query(Long.class).single())
                    .isEqualTo(1);
        }

        String url = IsolatedDatabase.h2FileUrl(restored);
        Map<String, String> environment = Map.of("RONGHE_DB_URL", url.substring(0, url.indexOf(';')), "RONGHE_H2_JAR", h2Jar());
        assertThat(script("restore.sh", environment, backup.toString())).as("restore.sh").isZero();
        assertThat(script("restore.sh", environment, backup.toString())).as("restore.sh into a database that exists").isEqualTo(2);

        // without the data key the backup was sealed with, the copy refuses to start (and writes nothing: the digest follows)
        assertThatThrownBy(() -> withKey("1:ffeeddccbbaa99887766554433221100", IsolatedDatabase.h2File(restored)))
                .hasStackTraceContaining("is not the key this database was sealed with");

        try (Node copy = start("restored", IsolatedDatabase.h2File(restored))) {
            before.isRestoredIn(copy);
        }
    }

    /** Starts (and stops) a node with another data key than the tests' own. */
    private static void withKey(String key, List<String> database) {
        List<String> settings = new ArrayList<>(Node.TEST_SETTINGS.stream().filter(a -> !a.startsWith("--RONGHE_DATA_KEY=")).toList());
        settings.addAll(database);
        settings.addAll(List.of("--ronghe.timers.mode=manual", "--RONGHE_DATA_KEY=" + key));
        Node.start("wrong-key", settings, context -> { }).close();
    }

    @Test
    void aPostgresqlDatabaseDumpedWhileRunningRestoresIntoANewDatabaseWithEveryRecordAndAnIntactAuditChain() throws Exception {
        assumeThat(TestDatabase.postgres()).as("pg_dump and pg_restore run in the PostgreSQL pass").isTrue();
        assumeThat(installed("pg_dump") && installed("pg_restore")).as("pg_dump and pg_restore on the PATH").isTrue();
        Path directory = DIRECTORY.resolve("postgres");
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        Path dump = directory.resolve("ronghe.dump");
        String sourceUrl = IsolatedDatabase.postgresUrl();

        Snapshot before;
        try (Node source = start("source", IsolatedDatabase.arguments(SCHEMA))) {
            long call = work(source);
            assertThat(source.post(source.token("admin", Api.ADMIN_PASSWORD), "/api/v1/operations/backups", Map.of()).status())
                    .as("the application backs up H2 only").isEqualTo(409);
            before = Snapshot.read(source, call).withDigestOf(source);
            assertThat(script("backup.sh", Map.of("RONGHE_DB_URL", sourceUrl, "RONGHE_DB_SCHEMA", SCHEMA), dump.toString()))
                    .as("backup.sh while the application runs").isZero();
            assertThat(DatabaseDigest.everything(source.app().getBean(DataSource.class))).as("the database while pg_dump ran")
                    .isEqualTo(before.digest());
        }

        String database = restoreDatabase(sourceUrl);
        IsolatedDatabase.execute(sourceUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        String restoredUrl = sourceUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        assertThat(script("restore.sh", Map.of("RONGHE_DB_URL", restoredUrl), dump.toString())).as("restore.sh").isZero();

        try (Node copy = start("restored", IsolatedDatabase.postgres(restoredUrl, SCHEMA))) {
            before.isRestoredIn(copy);
        }
    }

    /** What the tests compare between the database backed up and its restored copy. */
    record Snapshot(JsonNode chain, String call, String members, long callId, Map<String, String> digest) {

        /** Reads through the API; its sign-ins write to the database, so the digest is taken afterwards. */
        static Snapshot read(Node node, long call) {
            String committee = node.token("committee", Api.DEMO_PASSWORD);
            JsonNode chain = node.get(node.token("admin", Api.ADMIN_PASSWORD), "/api/v1/audit/verify").json();
            String view = node.get(committee, "/api/v1/calls/" + call).body();
            String members = node.get(committee, "/api/v1/directory/members?size=20").body();
            return new Snapshot(chain, view, members, call, null);
        }

        Snapshot withDigestOf(Node node) {
            return new Snapshot(chain, call, members, callId, DatabaseDigest.everything(node.app().getBean(DataSource.class)));
        }

        void isRestoredIn(Node copy) {
            Map<String, String> restored = DatabaseDigest.everything(copy.app().getBean(DataSource.class));
            assertThat(DatabaseDigest.changes(digest, restored)).as("tables that differ from the backed-up database").isEmpty();
            assertThat(restored).hasSameSizeAs(digest)
                    // (on PostgreSQL the calls and their events are in monthly partitions, call_2026_11 …)
                    .containsKeys("call_assignment", "call_handler", "call_tally", "audit_log", "audit_seal", "member",
                    "scheduled_tasks", "flyway_schema_history");
            assertThat(chain.get("intact").asBoolean()).as("audit chain before the backup: " + chain).isTrue();

            String committee = copy.token("committee", Api.DEMO_PASSWORD);
            String admin = copy.token("admin", Api.ADMIN_PASSWORD);
            JsonNode verified = copy.get(admin, "/api/v1/audit/verify").json();
            assertThat(verified.get("intact").asBoolean()).as("audit chain of the copy: " + verified).isTrue();
            assertThat(verified.get("sealed").asLong()).isGreaterThanOrEqualTo(chain.get("sealed").asLong());
            // personal data opens with the same data key: the contact phone and the members' phones read the same
            String view = copy.get(committee, "/api/v1/calls/" + callId).body();
            assertThat(view).isEqualTo(call).contains("13800138000");
            assertThat(copy.get(committee, "/api/v1/directory/members?size=20").body()).isEqualTo(members);

            // the copy takes new writes: its sequences were restored too, and the chain goes on
            long next = work(copy);
            assertThat(next).isGreaterThan(callId);
            JsonNode after = copy.get(admin, "/api/v1/audit/verify").json();
            assertThat(after.get("intact").asBoolean()).as("audit chain after a new write: " + after).isTrue();
            assertThat(after.get("sealed").asLong()).isGreaterThan(verified.get("sealed").asLong());
        }
    }

    /** A call with a contact phone (sealed with the data key), raised and accepted: rows in calls, events, timers and the audit log. */
    static long work(Node node) {
        String community = node.token("community", Api.DEMO_PASSWORD);
        Node.Json raised = node.post(community, "/api/v1/calls", Map.of("title", "备份之前的诉求", "category", "ELDERLY",
                "community", "440103001001", "contactName", "王阿姨", "contactPhone", "13800138000"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long id = raised.json().get("id").asLong();
        Node.Json accepted = node.post(node.token("secretary", Api.DEMO_PASSWORD), "/api/v1/calls/" + id + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return id;
    }

    static Node start(String name, List<String> database, String... more) {
        List<String> settings = new ArrayList<>(database);
        // a few simulated calls, so calls, events, timers and their audit entries are in the backup; timers wait for the test
        settings.addAll(List.of("--ronghe.demo.calls=30", "--ronghe.timers.mode=manual"));
        settings.addAll(List.of(more));
        return Node.start(name, Node.arguments(settings), context -> { });
    }

    /** The fresh database a PostgreSQL backup is restored into: {@code RONGHE_TEST_RESTORE_DATABASE}, or the test database's name + {@code _restore}. */
    static String restoreDatabase(String url) {
        String named = System.getenv("RONGHE_TEST_RESTORE_DATABASE");
        if (named != null && !named.isBlank()) {
            return named;
        }
        String path = url.replaceFirst("^jdbc:postgresql://[^/]+/", "");
        return path.replaceFirst("\\?.*$", "") + "_restore";
    }

    static int script(String name, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", name).toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        System.out.println("scripts/" + name + " → " + process.exitValue() + "\n" + output);
        return process.exitValue();
    }

    static boolean installed(String program) {
        try {
            return new ProcessBuilder(program, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The H2 jar the tests run with, for the script's H2 tools. */
    static String h2Jar() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
