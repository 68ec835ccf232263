package org.ronghe.platform.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.platform.PersonalData;

/**
 * Seals, with the current key, every value of the personal-data columns that is still plain (from
 * before encryption, or written by a bulk loader) or sealed with an older key, and refreshes the
 * blind index beside it. Runs as migration V7_2 and whenever the data key changes; chunked by id.
 */
public final class Reseal {

    static final int CHUNK = 2_000;

    /** @param index the blind-index column beside it, or {@code null} */
    record Column(String table, String column, String name, String index) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("member", "id_number", PersonalData.MEMBER_ID_NUMBER, "id_number_index"),
            new Column("member", "phone", PersonalData.MEMBER_PHONE, null),
            new Column("leader", "phone", PersonalData.LEADER_PHONE, null),
            new Column("call", "contact_phone", PersonalData.CALL_CONTACT_PHONE, null),
            new Column("household", "head_phone", PersonalData.HOUSEHOLD_PHONE, null),
            new Column("network_staff", "phone", PersonalData.NETWORK_STAFF_PHONE, null));

    private Reseal() {
    }

    /** @return the number of values sealed again */
    public static long run(Connection connection, PersonalData data, DataKeys keys) throws SQLException {
        long total = 0;
        for (Column c : COLUMNS) {
            // The migration that first sealed personal data ran before later tables existed; their values are sealed on write.
            if (exists(connection, c.table())) {
                total += run(connection, data, keys, c);
            }
        }
        return total;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        // In the connection's own schema: a database may hold several (the tests give each context one).
        try (var tables = connection.getMetaData().getTables(null, connection.getSchema(), table,
                new String[]{"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
            return tables.next();
        }
    }

    private static long run(Connection connection, PersonalData data, DataKeys keys, Column c) throws SQLException {
        String current = Sm4Gcm.PREFIX + keys.currentId() + ":%";
        String select = "SELECT id, " + c.column() + " FROM " + c.table() + " WHERE id > ? AND " + c.column()
                + " IS NOT NULL AND " + c.column() + " NOT LIKE ? ORDER BY id LIMIT " + CHUNK;
        String update = "UPDATE " + c.table() + " SET " + c.column() + " = ?"
                + (c.index() == null ? "" : ", " + c.index() + " = ?") + " WHERE id = ?";
        long done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(select)) {
                s.setLong(1, after);
                s.setString(2, current);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[]{rs.getLong(1), rs.getString(2)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return done;
            }
            try (PreparedStatement u = connection.prepareStatement(update)) {
                for (Object[] row : rows) {
                    String plain = data.open(c.name(), (String) row[1]);
                    int i = 1;
                    u.setString(i++, data.seal(c.name(), plain));
                    if (c.index() != null) {
                        u.setString(i++, data.index(plain));
                    }
                    u.setLong(i, (Long) row[0]);
                    u.addBatch();
                }
                u.executeBatch();
            }
            done += rows.size();
            after = (Long) rows.get(rows.size() - 1)[0];
        }
    }
}
