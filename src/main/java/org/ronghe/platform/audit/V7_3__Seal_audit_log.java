package org.ronghe.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ronghe.platform.crypto.DataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Seals the audit entries written before the chain existed, in the order of their ids. */
@Component
class V7_3__Seal_audit_log extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V7_3__Seal_audit_log.class);
    private final DataKeys keys;

    V7_3__Seal_audit_log(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        int keyId = keys.currentId();
        byte[] key = keys.derived(keyId, AuditChain.PURPOSE);
        long seq = 0;
        String previous = "";
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditChain.Entry> entries = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT id, at, actor, action, subject, subject_key, before_state, after_state, remote_addr
                    FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000""")) {
                s.setLong(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditChain.Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9)));
                    }
                }
            }
            if (entries.isEmpty()) {
                break;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_seal (seq, audit_id, key_id, mac) VALUES (?, ?, ?, ?)")) {
                for (AuditChain.Entry entry : entries) {
                    seq++;
                    previous = AuditChain.mac(key, previous, seq, entry);
                    insert.setLong(1, seq);
                    insert.setLong(2, entry.id());
                    insert.setInt(3, keyId);
                    insert.setString(4, previous);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            after = entries.get(entries.size() - 1).id();
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE audit_seal_head SET last_seq = ?, last_mac = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
        if (seq > 0) {
            log.info("Sealed the {} audit entries written before the audit chain", seq);
        }
    }
}
