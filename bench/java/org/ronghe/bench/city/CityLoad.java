package org.ronghe.bench.city;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.ds.PGSimpleDataSource;
import org.ronghe.calls.store.CallTallies;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.crypto.DataKeys;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Loads a city-sized year into an empty PostgreSQL database through COPY: migrates it with the application's
 * migrations, writes the directory and the calls with their dispatches, handlers and events, rebuilds the
 * secondary indexes, vacuums and analyses, builds the call tallies and creates one account per role for the
 * query benchmark. See bench/README.md ("City scale").
 */
public final class CityLoad {

    /** Disk per call (heap and indexes of call, call_assignment, call_handler), measured on a 200,000-call load. */
    static final long BYTES_PER_CALL = 1_300;
    /** Disk per event row with its indexes, measured likewise; a call has about 5.5 events. */
    static final long BYTES_PER_EVENT = 200;
    static final double EVENTS_PER_CALL = 5.5;
    /** Kept free beyond the estimate: WAL, sorts of the index builds, other databases. */
    static final long HEADROOM = 8L << 30;
    private static final List<String> BIG_TABLES = List.of("call", "call_assignment", "call_handler", "call_event");

    private final CityOptions options;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    private CityLoad(CityOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        CityOptions options = CityOptions.parse(args);
        new CityLoad(options).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        CityDirectory directory = new CityDirectory(options);
        CityCalls calls = new CityCalls(options, directory);
        List<CityCalls.Month> months = CityCalls.plan(options);
        System.out.printf(Locale.ROOT, "City load: %,d calls %s .. %s (%d months), events from %s, %,d members, %d streets, "
                        + "%,d communities, %,d grids, %,d party organisations; %d jobs%n", options.calls, options.from, options.to,
                months.size(), CityCalls.eventsFrom(options), options.members, options.streets, options.communities, options.grids,
                options.partyOrgs, options.jobs);
        if (options.redoDispatches) {
            redoDispatches(directory, calls, months);
            return;
        }
        try (Connection admin = calls.connect()) {
            prepareEmpty(admin);
            checkDisk(admin);
            time("migrate", () -> migrate());
            List<String> indexes = options.keepIndexes ? List.of() : dropIndexes(admin);
            DataKeys keys = DataKeys.of(options.dataKey);
            time("directory", () -> directory.write(admin, new PersonalData(keys)).forEach(r -> System.out.println("  " + r)));
            time("calls", () -> loadCalls(calls, months));
            time("vacuum analyze", () -> vacuum(admin));
            time("indexes", () -> createIndexes(calls, indexes));
            time("sequences", () -> sequences(admin));
            time("tallies", () -> CallTallies.rebuild(dataSource("-c work_mem=256MB"), options.zone));
            time("analyze", () -> execute(admin, "ANALYZE"));
            accounts(admin, directory);
            report(admin);
        }
        System.out.printf(Locale.ROOT, "Total %.1f min%n", (System.nanoTime() - started) / 6e10);
    }

    /**
     * Rewrites call_assignment and call_handler of a loaded database from the same seed and the same --to (the
     * calls replay identically), with the columns the current migrations give them; then their indexes, the tallies.
     */
    private void redoDispatches(CityDirectory directory, CityCalls calls, List<CityCalls.Month> months) throws Exception {
        long started = System.nanoTime();
        try (Connection admin = calls.connect()) {
            directory.replay();
            execute(admin, "TRUNCATE call_assignment, call_handler RESTART IDENTITY");
            execute(admin, "ALTER TABLE call_handler ADD COLUMN IF NOT EXISTS call_raised_at TIMESTAMP WITH TIME ZONE");
            execute(admin, "ALTER TABLE call_assignment ADD COLUMN IF NOT EXISTS call_raised_at TIMESTAMP WITH TIME ZONE");
            List<String> indexes = dropIndexes(admin, List.of("call_assignment", "call_handler"));
            time("dispatches", () -> loadCalls(calls, months, true));
            time("vacuum analyze", () -> {
                execute(admin, "VACUUM (ANALYZE) call_assignment");
                execute(admin, "VACUUM (ANALYZE) call_handler");
            });
            time("indexes", () -> createIndexes(calls, indexes));
            time("tallies", () -> CallTallies.rebuild(dataSource("-c work_mem=256MB"), options.zone));
            time("analyze", () -> execute(admin, "ANALYZE"));
            accounts(admin, directory);
            report(admin);
        }
        System.out.printf(Locale.ROOT, "Total %.1f min%n", (System.nanoTime() - started) / 6e10);
    }

    private void prepareEmpty(Connection c) throws SQLException {
        if (options.reset) {
            execute(c, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("The database is not empty (schema public has tables): "
                        + "give an empty database, or --reset to drop and recreate its schema public");
            }
        }
    }

    /** Refuses to start when the estimate does not fit on the disk of the server's data directory. */
    private void checkDisk(Connection c) throws SQLException, IOException {
        String dataDirectory;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT setting FROM pg_settings WHERE name = 'data_directory'")) {
            rs.next();
            dataDirectory = rs.getString(1);
        }
        Path path = Path.of(dataDirectory);
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        long free = path == null || !options.url.contains("127.0.0.1") && !options.url.contains("localhost") ? -1 : Files.getFileStore(path).getUsableSpace();
        double eventShare = (double) (CityCalls.micros(options.to) - CityCalls.micros(CityCalls.eventsFrom(options)))
                / (CityCalls.micros(options.to) - CityCalls.micros(options.from));
        long need = options.calls * BYTES_PER_CALL + (long) (options.calls * eventShare * EVENTS_PER_CALL * BYTES_PER_EVENT)
                + options.members * 900L + HEADROOM;
        System.out.printf(Locale.ROOT, "Disk: need about %.1f GB (%.1f GB of it events) incl. %.0f GB headroom; %.1f GB free under %s%n",
                need / 1e9, options.calls * eventShare * EVENTS_PER_CALL * BYTES_PER_EVENT / 1e9, HEADROOM / 1e9, free / 1e9, path);
        if (free < 0) {
            System.out.println("  (the data directory is not on this machine: free space not checked)");
        } else if (free < need && !options.skipDiskCheck) {
            long perMonthOfEvents = (long) (options.calls / 12.0 * EVENTS_PER_CALL * BYTES_PER_EVENT);
            long spare = free - (need - (long) (options.calls * eventShare * EVENTS_PER_CALL * BYTES_PER_EVENT));
            throw new IllegalStateException(String.format(Locale.ROOT, "Not enough disk: about %.1f GB needed, %.1f GB free. "
                    + "Load fewer calls (--calls) or events for fewer months (--event-months N: about %.1f GB a month; %s).",
                    need / 1e9, free / 1e9, perMonthOfEvents / 1e9,
                    spare > perMonthOfEvents ? "at most " + spare / perMonthOfEvents + " months fit" : "not even one month fits"));
        }
    }

    /** The application's migrations, SQL and Java, as its postgres profile runs them. */
    private void migrate() throws ReflectiveOperationException {
        DataKeys keys = DataKeys.of(options.dataKey);
        PersonalData personal = new PersonalData(keys);
        JavaMigration sealPersonalData = (JavaMigration) construct("org.ronghe.platform.crypto.V7_2__Seal_personal_data",
                new Class<?>[]{PersonalData.class, DataKeys.class}, personal, keys);
        JavaMigration sealAuditLog = (JavaMigration) construct("org.ronghe.platform.audit.V7_3__Seal_audit_log",
                new Class<?>[]{DataKeys.class}, keys);
        Flyway.configure().dataSource(dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .javaMigrations(sealPersonalData, sealAuditLog).load().migrate();
    }

    private static Object construct(String type, Class<?>[] parameters, Object... args) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(type).getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return constructor.newInstance(args);
    }

    /** Drops the big tables' secondary indexes (not primary keys); returns their definitions to recreate them. */
    private List<String> dropIndexes(Connection c) throws SQLException {
        return dropIndexes(c, BIG_TABLES);
    }

    private List<String> dropIndexes(Connection c, List<String> tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
                ORDER BY i.tablename, i.indexname""")) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    // A partitioned table's index reads "ON ONLY": recreated without it, so that every partition gets it.
                    definitions.add(rs.getString(2).replace(" ON ONLY ", " ON "));
                }
            }
        }
        for (String name : names) {
            execute(c, "DROP INDEX " + name);
        }
        System.out.println("  dropped " + names.size() + " secondary indexes for the load: " + names);
        return definitions;
    }

    private void loadCalls(CityCalls calls, List<CityCalls.Month> months) throws Exception {
        loadCalls(calls, months, false);
    }

    private void loadCalls(CityCalls calls, List<CityCalls.Month> months, boolean onlyDispatches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs);
        AtomicLongArray totals = new AtomicLongArray(4);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (CityCalls.Month month : months) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                long[] rows = calls.load(month, onlyDispatches);
                for (int i = 0; i < 4; i++) {
                    totals.addAndGet(i, rows[i]);
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "  %s: %,d calls, %,d dispatches, %,d handlers, %,d events in %.0f s "
                                + "(%,.0f calls/s); so far %,d calls in %.0f s%n", month.month(), rows[0], rows[1], rows[2], rows[3],
                        seconds, rows[0] / seconds, totals.get(0), (System.nanoTime() - started) / 1e9);
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : done) {
            f.get();
        }
        System.out.printf(Locale.ROOT, "  calls %,d, call_assignment %,d, call_handler %,d, call_event %,d%n",
                totals.get(0), totals.get(1), totals.get(2), totals.get(3));
    }

    private void vacuum(Connection c) throws SQLException {
        // Sets hint bits and the visibility map once now (index-only scans for counts), instead of autovacuum during the runs.
        c.setAutoCommit(true);
        for (String table : BIG_TABLES) {
            execute(c, "VACUUM (ANALYZE) " + table);
        }
    }

    /** Rebuilds the dropped indexes on {@code jobs} connections at once, each with a large sort memory. */
    private void createIndexes(CityCalls calls, List<String> definitions) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(definitions);
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs);
        List<Future<?>> done = new ArrayList<>();
        for (int j = 0; j < options.jobs; j++) {
            done.add(pool.submit(() -> {
                try (Connection c = calls.connect()) {
                    execute(c, "SET maintenance_work_mem = '1GB'");
                    execute(c, "SET max_parallel_maintenance_workers = 0");
                    for (String sql = queue.poll(); sql != null; sql = queue.poll()) {
                        long t = System.nanoTime();
                        execute(c, sql);
                        System.out.printf(Locale.ROOT, "  %.0f s  %s%n", (System.nanoTime() - t) / 1e9, sql);
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** Sequences continue after the loaded ids. */
    private void sequences(Connection c) throws SQLException {
        execute(c, "SELECT setval('call_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM call), false)");
        execute(c, "SELECT setval('call_event_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM call_event), false)");
        for (String table : List.of("street", "community", "grid", "organ", "party_org", "member", "leader", "liaison", "pairing")) {
            execute(c, "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                    + table + "), false)");
        }
    }

    /** One account per role, for the query benchmark (password --account-password). */
    private void accounts(Connection c, CityDirectory d) throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(options.accountPassword);
        // The busiest organ: the first district's urban management bureau (sanitation, noise, illegal building).
        String organ = d.organCode[CityNames.ORGANS.indexOf("城市管理和综合执法局")];
        String[][] accounts = {{"city-committee", "工委（城市规模基准）", "COMMITTEE_ADMIN", null},
                {"city-secretary", "机关党组书记（城市规模基准）", "ORGAN_SECRETARY", organ},
                {"city-street", "街道工作人员（城市规模基准）", "STREET_STAFF", d.streetCode[0]},
                {"city-community", "社区工作人员（城市规模基准）", "COMMUNITY_STAFF", d.communityCode[0]},
                {"city-leader", "区领导（城市规模基准）", "LEADER", "LD0001"}};
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO account (username, display_name, password_hash, role, scope_code, demo, created_at, password_changed_at,
                                     password_source) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, 'CONFIGURED')
                ON CONFLICT (username) DO NOTHING""")) {
            OffsetDateTime now = OffsetDateTime.now();
            for (String[] a : accounts) {
                s.setString(1, a[0]);
                s.setString(2, a[1]);
                s.setString(3, hash);
                s.setString(4, a[2]);
                s.setString(5, a[3]);
                s.setObject(6, now);
                s.setObject(7, now);
                s.executeUpdate();
            }
        }
        System.out.println("  accounts city-committee, city-secretary (" + organ + "), city-street (" + d.streetCode[0]
                + "), city-community (" + d.communityCode[0] + "), city-leader (LD0001); password " + options.accountPassword);
    }

    private void report(Connection c) throws SQLException {
        System.out.println("Timings:");
        timings.forEach((step, ms) -> System.out.printf(Locale.ROOT, "  %-16s %8.1f s%n", step, ms / 1000.0));
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT t, pg_size_pretty(s), s FROM (
                  SELECT t, (SELECT SUM(pg_total_relation_size(r.oid)) FROM pg_class r
                             WHERE r.relname = t OR r.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = t::regclass)) AS s
                  FROM unnest(ARRAY['call', 'call_assignment', 'call_handler', 'call_event', 'call_tally', 'member']) t) x""")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "  %-16s %10s%n", rs.getString(1), rs.getString(2));
            }
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            System.out.println("  database         " + rs.getString(1));
        }
    }

    private PGSimpleDataSource dataSource() {
        return dataSource(null);
    }

    private PGSimpleDataSource dataSource(String serverOptions) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setOptions(serverOptions);
        ds.setUrl(options.url);
        if (options.user != null) ds.setUser(options.user);
        if (options.password != null) ds.setPassword(options.password);
        return ds;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void time(String name, Step step) throws Exception {
        long t = System.nanoTime();
        System.out.println(name + " …");
        step.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        timings.put(name, ms);
        System.out.printf(Locale.ROOT, "%s: %.1f s (at %s)%n", name, ms / 1000.0, Instant.now());
    }
}
