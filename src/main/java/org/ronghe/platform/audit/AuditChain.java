package org.ronghe.platform.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.ronghe.platform.crypto.DataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as a chain: each entry gets a seal (table {@code audit_seal}) in the order of
 * commit, whose MAC covers the previous seal's MAC, its own sequence number and the entry's whole
 * content. The MAC is HMAC-SM3 under a key derived from the data key, so someone who can write to
 * the database but does not hold the key cannot rebuild the chain after changing it. Sealing happens
 * just before the writing transaction commits, under a lock on the chain's head row, so concurrent
 * writers are serialised for only the moment of sealing.
 */
@Component
class AuditChain {

    static final String PURPOSE = "ronghe audit chain";
    static final int MAX_PROBLEMS = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final DataKeys keys;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    AuditChain(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DataKeys keys, DataSource dataSource,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.keys = keys;
        // PostgreSQL streams a result in chunks only with a fetch size, inside a transaction
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Seals entries in the caller's transaction, in the order of their ids. */
    void seal(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(Entry::id));
        Head head = jdbc.sql("SELECT last_seq, last_mac FROM audit_seal_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        int keyId = keys.currentId();
        byte[] key = keys.derived(keyId, PURPOSE);
        long seq = head.seq();
        String previous = head.mac();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            Entry entry = ordered.get(i);
            seq++;
            previous = mac(key, previous, seq, entry);
            rows[i] = new MapSqlParameterSource().addValue("seq", seq).addValue("id", entry.id())
                    .addValue("key", keyId).addValue("mac", previous);
        }
        batch.batchUpdate("INSERT INTO audit_seal (seq, audit_id, key_id, mac) VALUES (:seq, :id, :key, :mac)", rows);
        jdbc.sql("UPDATE audit_seal_head SET last_seq = :seq, last_mac = :mac WHERE id = 1")
                .param("seq", seq).param("mac", previous).update();
    }

    /**
     * Walks the whole chain: every seal must follow its predecessor, name an existing entry and match
     * that entry's content; the head must name the last seal; every entry must be sealed.
     */
    Verification verify() {
        return readOnly.execute(status -> walk());
    }

    private Verification walk() {
        Walk walk = new Walk();
        streaming.query("""
                SELECT s.seq, s.audit_id, s.key_id, s.mac, a.id AS entry_id, a.at, a.actor, a.action, a.subject,
                       a.subject_key, a.before_state, a.after_state, a.remote_addr
                FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id ORDER BY s.seq""", walk::next);
        Head head = jdbc.sql("SELECT last_seq, last_mac FROM audit_seal_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() != walk.lastSeq || !head.mac().equals(walk.lastMac)) {
            walk.problem("HEAD_MISMATCH", null, head.seq(), "链头记录的最后序号为 " + head.seq() + "，链中最后序号为 "
                    + walk.lastSeq + "：链尾的记录被删除或链头被改动");
        }
        streaming.query("""
                SELECT a.id FROM audit_log a
                WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id) ORDER BY a.id""",
                (java.sql.ResultSet rs) -> {
                    walk.problem("UNSEALED", rs.getLong(1), null, "记录未入链：绕过应用写入，或其封条被删除");
                });
        return new Verification(walk.problemCount == 0, walk.count, head.seq(), head.mac(),
                walk.problemCount, walk.problems);
    }

    private final class Walk {
        long count;
        long lastSeq;
        String lastMac = "";
        long problemCount;
        final List<Problem> problems = new ArrayList<>();

        void next(ResultSet rs) throws SQLException {
            count++;
            long seq = rs.getLong("seq");
            long auditId = rs.getLong("audit_id");
            int keyId = rs.getInt("key_id");
            String stored = rs.getString("mac");
            if (seq != lastSeq + 1) {
                problem("SEAL_MISSING", null, lastSeq + 1, "封条序号 " + (lastSeq + 1) + (seq - 1 > lastSeq + 1 ? "–" + (seq - 1) : "")
                        + " 缺失：封条被删除");
            } else if (rs.getObject("entry_id") == null) {
                problem("MISSING", auditId, seq, "审计记录 " + auditId + " 已被删除");
            } else if (keys.ids().contains(keyId)) {
                String expected = mac(keys.derived(keyId, PURPOSE), lastMac, seq, entry(rs));
                if (!expected.equals(stored)) {
                    problem("CHANGED", auditId, seq, "审计记录 " + auditId + " 的内容或其封条被改动");
                }
            } else {
                problem("KEY_UNKNOWN", auditId, seq, "封条使用的数据密钥 " + keyId + " 未配置，无法校验");
            }
            lastSeq = seq;
            lastMac = stored;
        }

        void problem(String kind, Long auditId, Long seq, String detail) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(kind, auditId, seq, detail));
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("entry_id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("subject_key"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("remote_addr"));
    }

    /** HMAC-SM3 over the previous MAC, the sequence number and every field, each length-prefixed (null as -1). */
    static String mac(byte[] key, String previous, long seq, Entry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, previous);
            field(out, Long.toString(seq));
            field(out, Long.toString(e.id()));
            field(out, e.at() == null ? null : Long.toString(micros(e.at().toInstant())));
            field(out, e.actor());
            field(out, e.action());
            field(out, e.subject());
            field(out, e.key());
            field(out, e.before());
            field(out, e.after());
            field(out, e.remoteAddr());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return HexFormat.of().formatHex(DataKeys.hmacSm3(key, bytes.toByteArray()));
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** An audit entry as stored (times to the microsecond, as both databases keep them). */
    record Entry(long id, OffsetDateTime at, String actor, String action, String subject, String key, String before,
                 String after, String remoteAddr) {
    }

    private record Head(long seq, String mac) {
    }

    /**
     * @param intact   no problem found
     * @param sealed   seals walked
     * @param headSeq  the head's last sequence number; with {@code headMac}, worth noting outside the database
     */
    record Verification(boolean intact, long sealed, long headSeq, String headMac, long problemCount,
                        List<Problem> problems) {
    }

    /**
     * @param kind CHANGED (content differs from its seal), MISSING (sealed entry deleted), UNSEALED (entry
     *             without seal), SEAL_MISSING (a gap in the seals), HEAD_MISMATCH (tail removed), KEY_UNKNOWN
     */
    record Problem(String kind, Long auditId, Long seq, String detail) {
    }
}
