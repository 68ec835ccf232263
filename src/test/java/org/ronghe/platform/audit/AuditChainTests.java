package org.ronghe.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log is a chain of seals: whoever changes, deletes or slips in an entry around the
 * application (here: as the database superuser, past the append-only triggers) is found by the
 * verification, which names the entry.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=auditchain")
// Its own schema and pool: closed after the class, so the PostgreSQL pass holds fewer connections at once
@DirtiesContext
class AuditChainTests {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyEntryIsSealedAndTheUntouchedChainVerifies() {
        api.signInStatus("street", "Wrong#Pass1");
        api.issue("street", Api.DEMO_PASSWORD);
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("sealed").asLong()).isEqualTo(count("SELECT COUNT(*) FROM audit_log")).isPositive();
        assertThat(report.get("headSeq").asLong()).isEqualTo(count("SELECT MAX(seq) FROM audit_seal"));
    }

    @Test
    void concurrentWritersEachGetTheNextSealWithoutGapsOrForks() throws Exception {
        long before = count("SELECT COUNT(*) FROM audit_seal");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        api.signInStatus("nobody-" + thread + "-" + i, "Wrong#Pass1");
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(before + 40);
        assertThat(count("SELECT MAX(seq) FROM audit_seal")).isEqualTo(count("SELECT COUNT(*) FROM audit_seal"));
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
    }

    @Test
    void anEntryChangedBehindTheApplicationsBackIsFoundByItsId() {
        long id = freshEntry("chain-changed");
        String actor = jdbc.sql("SELECT actor FROM audit_log WHERE id = :id").param("id", id).query(String.class).single();
        bypassingTriggers("UPDATE audit_log SET actor = 'someone-else' WHERE id = " + id);
        try {
            assertThat(problems()).contains("CHANGED:" + id);
        } finally {
            bypassingTriggers("UPDATE audit_log SET actor = '" + actor + "' WHERE id = " + id);
        }
        assertThat(problems()).doesNotContain("CHANGED:" + id);
    }

    @Test
    void aDeletedEntryIsFoundByItsId() {
        long id = freshEntry("chain-deleted");
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE id = :id").param("id", id).query().singleRow();
        bypassingTriggers("DELETE FROM audit_log WHERE id = " + id);
        try {
            assertThat(problems()).contains("MISSING:" + id);
        } finally {
            transactions.executeWithoutResult(s -> {
                replicaRole();
                jdbc.sql("""
                                INSERT INTO audit_log (id, at, actor, action, subject, subject_key, before_state, after_state, remote_addr)
                                VALUES (:id, :at, :actor, :action, :subject, :subject_key, :before_state, :after_state, :remote_addr)""")
                        .params(row).update();
            });
        }
        assertThat(problems()).doesNotContain("MISSING:" + id);
    }

    @Test
    void anEntrySlippedInAroundTheApplicationIsReportedUnsealed() {
        long id = count("SELECT MAX(id) FROM audit_log") + 1000;
        bypassingTriggers("INSERT INTO audit_log (id, at, actor, action, subject) VALUES (" + id
                + ", CURRENT_TIMESTAMP, 'forger', 'LOGIN_SUCCEEDED', 'account')");
        try {
            assertThat(problems()).contains("UNSEALED:" + id);
        } finally {
            bypassingTriggers("DELETE FROM audit_log WHERE id = " + id);
        }
    }

    @Test
    void theVerificationIsForAdministratorsOnly() {
        assertThat(api.get("secretary", "/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("committee", "/api/v1/audit/verify").status()).isEqualTo(200);
    }

    private JsonNode verify() {
        Api.Response response = api.get("admin", "/api/v1/audit/verify");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** The problems found, as {@code KIND:auditId}. */
    private List<String> problems() {
        List<String> found = new ArrayList<>();
        verify().get("problems").forEach(p -> found.add(p.get("kind").asString() + ":"
                + (p.get("auditId").isNull() ? "" : p.get("auditId").asLong())));
        return found;
    }

    private long freshEntry(String username) {
        api.signInStatus(username, "Wrong#Pass1");
        return count("SELECT MAX(id) FROM audit_log WHERE actor = '" + username + "'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** As the database superuser: on PostgreSQL the append-only triggers do not fire for the replica role. */
    private void bypassingTriggers(String sql) {
        transactions.executeWithoutResult(s -> {
            replicaRole();
            jdbc.sql(sql).update();
        });
    }

    private void replicaRole() {
        if (TestDatabase.postgres()) {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
        }
    }
}
