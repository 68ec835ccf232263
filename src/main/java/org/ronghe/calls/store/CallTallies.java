package org.ronghe.calls.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Rating;
import org.ronghe.platform.BeforeCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tallies behind the call figures ({@code call_tally}): each step adds what it changed to the rows of
 * the day and the month the call was raised, in the step's own transaction, so the figures of a month or a
 * year are read from a few thousand rows. {@link #rebuild} recomputes them all from the raw rows.
 * <p>
 * On PostgreSQL a step appends its differences to {@code call_tally_delta} instead of updating the tally rows,
 * which every step of a busy street or organ would otherwise wait on; {@link #fold} moves them into
 * {@code call_tally} every few seconds, and readers add the differences not yet folded ({@link #ROWS}), so a
 * figure is exact at any moment.
 */
@Component
public class CallTallies {

    /** The counters of a tally row, in column order. */
    public static final List<String> COUNTERS = List.of("raised", "open_calls", "calls", "organ_calls", "dispatches", "accepted",
            "accepted_in_time", "unaccepted_counted", "replied", "replied_in_time", "rated", "solved", "satisfied", "basically");
    static final String REBUILT_SETTING = "calls.tally.rebuilt";
    private static final Logger log = LoggerFactory.getLogger(CallTallies.class);
    private static final String KEY_COLUMNS = "dim, grain, period, street_id, community_id, organ_id, category_code";
    private static final String COLUMNS = KEY_COLUMNS + ", " + String.join(", ", COUNTERS);
    /** The tally rows to read (alias them): the folded rows and the differences not yet folded, to be summed by key. */
    public static final String ROWS = "(SELECT " + COLUMNS + " FROM call_tally UNION ALL SELECT " + COLUMNS + " FROM call_tally_delta)";

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final Dialect dialect;
    // H2 has no concurrency-safe upsert: on the embedded database (one process) tally writes take turns until commit.
    private final ReentrantLock embeddedLock = new ReentrantLock();

    CallTallies(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock) throws SQLException {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection);
        }
    }

    /** SQL for the day, in the platform's zone, of a timestamp column (for counts grouped by day). */
    public String dayOf(String column) {
        return dialect.day(column, clock.getZone());
    }

    /**
     * Adds what the given calls changed since they were loaded; call before they are marked written. Inside a
     * transaction the differences are written just before it commits, so that the row locks of a busy
     * street's and organ's tallies are held for the commit only, not for the rest of the step.
     */
    void add(List<Call> calls) {
        Map<Key, long[]> deltas = deltas(calls, clock.getZone());
        if (deltas.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            Map<Key, long[]> pending = BeforeCommit.collection(this, BeforeCommit.TALLIES, TreeMap::new, this::writeNonZero);
            deltas.forEach((key, delta) -> add(pending, key, delta));
        } else {
            write(deltas);
        }
    }

    private void write(Map<Key, long[]> deltas) {
        if (dialect == Dialect.H2) {
            holdEmbeddedLockUntilCommit();
            for (Map.Entry<Key, long[]> e : deltas.entrySet()) {
                MapSqlParameterSource row = params(e.getKey(), e.getValue());
                if (jdbc.update(H2_UPDATE, row) == 0) {
                    jdbc.update(INSERT, row);
                }
            }
        } else {
            jdbc.batchUpdate(INSERT_DELTA, deltas.entrySet().stream()
                    .map(e -> params(e.getKey(), e.getValue())).toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Moves the appended differences into the tally rows, in one statement (PostgreSQL; on H2 steps write the
     * tally rows themselves). A difference committed while the fold runs stays for the next one; readers see
     * each difference exactly once, before or after the fold, because both happen in one transaction. The
     * differences are derived rows, not records: deleting them loses nothing.
     *
     * @return the differences folded
     */
    public int fold() {
        if (dialect != Dialect.POSTGRES) {
            return 0;
        }
        return jdbc.getJdbcTemplate().update("WITH moved AS (DELETE FROM call_tally_delta RETURNING " + COLUMNS + ") "
                + "INSERT INTO call_tally (" + COLUMNS + ") SELECT " + KEY_COLUMNS + ", "
                + String.join(", ", COUNTERS.stream().map(c -> "SUM(" + c + ")").toList())
                + " FROM moved GROUP BY " + KEY_COLUMNS + POSTGRES_ON_CONFLICT);
    }

    /**
     * The differences of one transaction, summed per tally row (in key order, so transactions lock rows alike);
     * steps of one transaction may cancel out (raised and closed at once): such rows are not written.
     */
    private void writeNonZero(Map<Key, long[]> deltas) {
        deltas.values().removeIf(delta -> Arrays.stream(delta).allMatch(n -> n == 0));
        if (!deltas.isEmpty()) {
            write(deltas);
        }
    }

    /** The tallies were built from the raw rows at least once (after the migration that added them, or a restore). */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfNeverBuilt() {
        Integer built = jdbc.queryForObject("SELECT COUNT(*) FROM platform_setting WHERE name = :n",
                Map.of("n", REBUILT_SETTING), Integer.class);
        if (built != null && built == 0) {
            long started = System.nanoTime();
            rebuild(dataSource, clock.getZone());
            log.info("Call tallies built from the raw rows in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Recomputes every tally from the calls and their dispatches, in one transaction, set-based (a city's year
     * takes minutes). Public and static so that bulk loads outside the application (the city-scale generator)
     * can finish with it.
     */
    public static void rebuild(DataSource dataSource, ZoneId zone) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Dialect dialect = Dialect.of(connection);
            String day = dialect.day("c.raised_at", zone);
            try (Statement sql = connection.createStatement()) {
                if (dialect == Dialect.POSTGRES) {
                    sql.execute("LOCK TABLE call_tally, call_tally_delta IN EXCLUSIVE MODE");
                }
                sql.executeUpdate("DELETE FROM call_tally_delta");
                sql.executeUpdate("DELETE FROM call_tally");
                sql.executeUpdate("INSERT INTO call_tally (" + KEY_COLUMNS + ", " + String.join(", ", COUNTERS) + ") "
                        + "SELECT 'O', 'D', " + day + ", c.street_id, 0, a.organ_id, c.category_code, 0, 0, " + SUMS
                        + " FROM call_assignment a JOIN call c ON c.id = a.call_id AND c.raised_at = a.call_raised_at"
                        + " GROUP BY " + day + ", c.street_id, a.organ_id, c.category_code");
                sql.executeUpdate("INSERT INTO call_tally (" + KEY_COLUMNS + ", " + String.join(", ", COUNTERS) + ") "
                        + "SELECT 'C', 'D', raised_day, street_id, community_id, 0, '', "
                        + String.join(", ", COUNTERS.stream().map(c -> "SUM(" + c + ")").toList())
                        + " FROM (SELECT " + day + " AS raised_day, c.street_id, c.community_id, 1 AS raised,"
                        + " CASE WHEN c.state <> 'CLOSED' THEN 1 ELSE 0 END AS open_calls, "
                        + String.join(", ", COUNTERS.subList(2, COUNTERS.size()).stream().map(c -> "0 AS " + c).toList())
                        + " FROM call c UNION ALL SELECT " + day + ", c.street_id, c.community_id, 0, 0, " + PER_ROW
                        + " FROM call_assignment a JOIN call c ON c.id = a.call_id AND c.raised_at = a.call_raised_at) x GROUP BY raised_day, street_id, community_id");
                String month = "CAST(DATE_TRUNC('month', period) AS DATE)";
                sql.executeUpdate("INSERT INTO call_tally (" + KEY_COLUMNS + ", " + String.join(", ", COUNTERS) + ") "
                        + "SELECT dim, 'M', " + month + ", street_id, community_id, organ_id, category_code, "
                        + String.join(", ", COUNTERS.stream().map(c -> "SUM(" + c + ")").toList())
                        + " FROM call_tally WHERE grain = 'D' GROUP BY dim, " + month + ", street_id, community_id, organ_id, category_code");
                sql.executeUpdate("DELETE FROM platform_setting WHERE name = '" + REBUILT_SETTING + "'");
            }
            try (PreparedStatement marker = connection.prepareStatement("INSERT INTO platform_setting (name, setting_value) VALUES (?, ?)")) {
                marker.setString(1, REBUILT_SETTING);
                marker.setString(2, java.time.Instant.now().toString());
                marker.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild the call tallies", e);
        }
    }

    /** What the calls changed, by tally row: their own counts when first stored or when they close or reopen, and each written dispatch's. */
    static Map<Key, long[]> deltas(List<Call> calls, ZoneId zone) {
        Map<Key, long[]> deltas = new TreeMap<>();
        for (Call call : calls) {
            LocalDate day = call.raisedAt().atZone(zone).toLocalDate();
            long[] own = new long[COUNTERS.size()];
            own[0] = call.storedState() == null ? 1 : 0;
            own[1] = open(call.state()) - (call.storedState() == null ? 0 : open(call.storedState()));
            addToCommunity(deltas, call, day, own);
            for (Call.Assignment a : call.assignmentsToWrite()) {
                long[] delta = minus(counts(a), a.stored() == null ? null : counts(a.stored()));
                if (delta != null) {
                    addToCommunity(deltas, call, day, delta);
                    add(deltas, new Key('O', 'D', day, call.place().streetId(), 0, a.organId(), call.details().categoryCode()), delta);
                    add(deltas, new Key('O', 'M', day.withDayOfMonth(1), call.place().streetId(), 0, a.organId(),
                            call.details().categoryCode()), delta);
                }
            }
        }
        deltas.values().removeIf(v -> Arrays.stream(v).allMatch(x -> x == 0));
        return deltas;
    }

    /** One dispatch's counts, as docs/rates.md defines them (the same as {@link #PER_ROW}). */
    static long[] counts(Call.Assignment a) {
        long[] c = new long[COUNTERS.size()];
        boolean accepted = a.acceptedAt() != null;
        boolean leftInTime = (a.returnedAt() != null && !a.returnedAt().isAfter(a.acceptBy()))
                || (a.reroutedAt() != null && !a.reroutedAt().isAfter(a.acceptBy()));
        c[2] = a.firstOfCall() ? 1 : 0;
        c[3] = a.firstToOrgan() ? 1 : 0;
        c[4] = 1;
        c[5] = accepted ? 1 : 0;
        c[6] = accepted && !a.acceptedAt().isAfter(a.acceptBy()) ? 1 : 0;
        c[7] = !accepted && !leftInTime ? 1 : 0;
        c[8] = a.repliedAt() != null ? 1 : 0;
        c[9] = a.repliedAt() != null && !a.repliedAt().isAfter(a.replyBy()) ? 1 : 0;
        c[10] = a.rating() != null ? 1 : 0;
        c[11] = Boolean.TRUE.equals(a.solved()) ? 1 : 0;
        c[12] = a.rating() == Rating.SATISFIED ? 1 : 0;
        c[13] = a.rating() == Rating.BASICALLY_SATISFIED ? 1 : 0;
        return c;
    }

    /** One dispatch's counts in SQL (alias {@code a}), the same as {@link #counts}. */
    static final String PER_ROW = """
            CASE WHEN a.first_of_call THEN 1 ELSE 0 END,
            CASE WHEN a.first_to_organ THEN 1 ELSE 0 END,
            1,
            CASE WHEN a.accepted_at IS NOT NULL THEN 1 ELSE 0 END,
            CASE WHEN a.accepted_at IS NOT NULL AND a.accepted_at <= a.accept_by THEN 1 ELSE 0 END,
            CASE WHEN a.accepted_at IS NULL AND NOT ((a.returned_at IS NOT NULL AND a.returned_at <= a.accept_by)
                                                   OR (a.rerouted_at IS NOT NULL AND a.rerouted_at <= a.accept_by)) THEN 1 ELSE 0 END,
            CASE WHEN a.replied_at IS NOT NULL THEN 1 ELSE 0 END,
            CASE WHEN a.replied_at IS NOT NULL AND a.replied_at <= a.reply_by THEN 1 ELSE 0 END,
            CASE WHEN a.rating IS NOT NULL THEN 1 ELSE 0 END,
            CASE WHEN a.solved THEN 1 ELSE 0 END,
            CASE WHEN a.rating = 'SATISFIED' THEN 1 ELSE 0 END,
            CASE WHEN a.rating = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END""";
    private static final String SUMS = "SUM(" + String.join("), SUM(", PER_ROW.split(",\n")) + ")";

    private static void addToCommunity(Map<Key, long[]> deltas, Call call, LocalDate day, long[] delta) {
        add(deltas, new Key('C', 'D', day, call.place().streetId(), call.place().communityId(), 0, ""), delta);
        add(deltas, new Key('C', 'M', day.withDayOfMonth(1), call.place().streetId(), call.place().communityId(), 0, ""), delta);
    }

    private static void add(Map<Key, long[]> deltas, Key key, long[] delta) {
        long[] sum = deltas.computeIfAbsent(key, k -> new long[COUNTERS.size()]);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += delta[i];
        }
    }

    private static long[] minus(long[] now, long[] before) {
        if (before == null) {
            return now;
        }
        long[] d = new long[now.length];
        boolean any = false;
        for (int i = 0; i < d.length; i++) {
            d[i] = now[i] - before[i];
            any |= d[i] != 0;
        }
        return any ? d : null;
    }

    private static int open(CallState state) {
        return state == CallState.CLOSED ? 0 : 1;
    }

    private void holdEmbeddedLockUntilCommit() {
        if (embeddedLock.isHeldByCurrentThread()) {
            return;
        }
        embeddedLock.lock();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    embeddedLock.unlock();
                }
            });
        } else {
            embeddedLock.unlock();
        }
    }

    private static MapSqlParameterSource params(Key key, long[] counts) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("dim", String.valueOf(key.dim()))
                .addValue("grain", String.valueOf(key.grain())).addValue("period", key.period())
                .addValue("street", key.street()).addValue("community", key.community()).addValue("organ", key.organ())
                .addValue("category", key.category());
        for (int i = 0; i < counts.length; i++) {
            p.addValue(COUNTERS.get(i), counts[i]);
        }
        return p;
    }

    private static final String INSERT = "INSERT INTO call_tally (" + KEY_COLUMNS + ", " + String.join(", ", COUNTERS)
            + ") VALUES (:dim, :grain, :period, :street, :community, :organ, :category, :"
            + String.join(", :", COUNTERS) + ")";
    private static final String INSERT_DELTA = "INSERT INTO call_tally_delta (" + COLUMNS + ") VALUES (:dim, :grain, :period, "
            + ":street, :community, :organ, :category, :" + String.join(", :", COUNTERS) + ")";
    private static final String POSTGRES_ON_CONFLICT = " ON CONFLICT (" + KEY_COLUMNS + ") DO UPDATE SET "
            + String.join(", ", COUNTERS.stream().map(c -> c + " = call_tally." + c + " + EXCLUDED." + c).toList());
    private static final String H2_UPDATE = "UPDATE call_tally SET "
            + String.join(", ", COUNTERS.stream().map(c -> c + " = " + c + " + :" + c).toList())
            + " WHERE dim = :dim AND grain = :grain AND period = :period AND street_id = :street AND community_id = :community"
            + " AND organ_id = :organ AND category_code = :category";

    /** A tally row's key; ordered, so that concurrent steps lock the rows they share in the same order. */
    record Key(char dim, char grain, LocalDate period, long street, long community, long organ, String category)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Character.compare(dim, o.dim);
            if (c == 0) c = Character.compare(grain, o.grain);
            if (c == 0) c = period.compareTo(o.period);
            if (c == 0) c = Long.compare(street, o.street);
            if (c == 0) c = Long.compare(community, o.community);
            if (c == 0) c = Long.compare(organ, o.organ);
            if (c == 0) c = category.compareTo(o.category);
            return c;
        }
    }

    enum Dialect {
        POSTGRES, H2;

        static Dialect of(Connection connection) throws SQLException {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRES : H2;
        }

        /** The day (in the platform's zone) of a timestamp column. */
        String day(String column, ZoneId zone) {
            String id = zone.getId().replace("'", "");
            return this == POSTGRES ? "CAST(" + column + " AT TIME ZONE '" + id + "' AS DATE)"
                    : "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', '" + id + "') AS DATE)";
        }
    }
}
