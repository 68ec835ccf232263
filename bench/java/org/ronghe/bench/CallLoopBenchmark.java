package org.ronghe.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.ronghe.RongheApplication;
import org.ronghe.calls.Rating;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.CurrentUser;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call-loop benchmark: N full loops (raise → dispatch → accept → reply → rate → close) at a chosen
 * concurrency, first through Ronghe's service layer ({@link CallDesk}, the application started in-process
 * on PostgreSQL), then as a BPMN process on an embedded Flowable 7.2 engine on the same PostgreSQL server
 * (own schema, history level audit, the same pool size, the same thread-pool harness). Prints loops/s,
 * transitions/s and per-loop p50/p99 for each, and their ratio. See bench/README.md.
 */
public final class CallLoopBenchmark {

    static final String RONGHE_SCHEMA = "bench_ronghe";
    static final String FLOWABLE_SCHEMA = "bench_flowable";
    static final int TRANSITIONS_PER_LOOP = 5;
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private CallLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "Call-loop benchmark: %d loops (+%d warm-up), concurrency %d, %s as %s%n",
                o.loops, o.warmup, o.concurrency, o.url, o.user);
        String server = serverVersion(o);
        Result ronghe = null;
        Result flowable = null;
        int pool = o.pool;
        if (o.runs("ronghe")) {
            ronghe = runRonghe(o);
            pool = ronghe.pool;
        }
        if (o.runs("flowable")) {
            flowable = runFlowable(o, pool > 0 ? pool : 10);
        }
        report(o, server, ronghe, flowable);
        List<String> problems = new ArrayList<>();
        for (Result r : Arrays.asList(ronghe, flowable)) {
            if (r != null) {
                problems.addAll(r.problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The benchmark did not complete cleanly: " + problems);
        }
    }

    // ------------------------------------------------------------------------------------------ Ronghe

    static Result runRonghe(Options o) throws Exception {
        resetSchema(o, RONGHE_SCHEMA);
        List<String> appArgs = new ArrayList<>(List.of(
                "--spring.datasource.url=" + o.url,
                "--spring.datasource.username=" + o.user,
                "--spring.datasource.password=" + o.password,
                "--spring.datasource.hikari.schema=" + RONGHE_SCHEMA,
                // as in application-postgres.properties, Ronghe's production configuration
                "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
                "--spring.flyway.default-schema=" + RONGHE_SCHEMA,
                "--spring.flyway.schemas=" + RONGHE_SCHEMA,
                "--spring.flyway.clean-disabled=false",
                "--ronghe.demo.seed=true",
                "--ronghe.demo.size=small",
                "--RONGHE_DEMO_PASSWORD=Demo#Bench1",
                "--RONGHE_ADMIN_PASSWORD=Admin#Bench1",
                "--server.port=0",
                "--ronghe.timers.mode=polling",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.springdoc=ERROR"));
        if (o.pool > 0) {
            appArgs.add("--spring.datasource.hikari.maximum-pool-size=" + o.pool);
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RongheApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            int pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize();
            System.out.printf(Locale.ROOT, "Ronghe started in %.1f s (schema %s, pool %d, timers polling)%n",
                    seconds(System.nanoTime() - started), RONGHE_SCHEMA, pool);
            CallDesk desk = app.getBean(CallDesk.class);
            Accounts accounts = app.getBean(Accounts.class);
            CurrentUser community = accounts.byUsername("community").orElseThrow();
            CurrentUser secretary = accounts.byUsername("secretary").orElseThrow();
            accounts.byUsername("committee").orElseThrow(); // the dispatcher: not needed, ELDERLY dispatches itself
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            Loop loop = (i, mark) -> {
                mark.at(0);
                long id = desk.raise(community, new CallDesk.NewCall("bench call " + i,
                        "Benchmark call " + i + ": the lift of building 3 has stopped; elderly residents cannot get out.",
                        "ELDERLY", null, null, "440103001001", null, null, null, null, null, null), null).id();
                mark.at(1);
                desk.accept(secretary, id);
                mark.at(2);
                desk.reply(secretary, id, "Benchmark reply " + i + ": the lift was repaired and inspected.");
                mark.at(3);
                desk.rate(community, id, Rating.SATISFIED, true, null);
                mark.at(4);
            };
            String[] steps = {"raise + dispatch", "accept", "reply", "rate → close"};
            Result result = measure("Ronghe (CallDesk, Spring JDBC)", steps, loop, o);
            result.pool = pool;

            Map<String, Long> states = new LinkedHashMap<>();
            jdbc.sql("SELECT state, COUNT(*) FROM call WHERE title LIKE 'bench call %' GROUP BY state ORDER BY state")
                    .query(rs -> {
                        states.put(rs.getString(1), rs.getLong(2));
                    });
            long expected = (long) o.warmup + o.loops + o.countSql;
            if (states.size() != 1 || states.getOrDefault("CLOSED", 0L) != expected) {
                result.problems.add("Ronghe: expected " + expected + " CLOSED calls, found " + states);
            } else {
                System.out.printf(Locale.ROOT, "Ronghe: all %d calls CLOSED%n", expected);
            }
            return result;
        }
    }

    // ---------------------------------------------------------------------------------------- Flowable

    static Result runFlowable(Options o, int pool) throws Exception {
        resetSchema(o, FLOWABLE_SCHEMA);
        quietLogging();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("flowable");
        hikari.setJdbcUrl(o.url);
        hikari.setUsername(o.user);
        hikari.setPassword(o.password);
        hikari.setSchema(FLOWABLE_SCHEMA);
        hikari.setMaximumPoolSize(pool);
        long started = System.nanoTime();
        try (HikariDataSource ds = new HikariDataSource(hikari)) {
            StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
            cfg.setDataSource(ds);
            cfg.setDatabaseType("postgres");
            // No setDatabaseSchema: Flowable would then call Connection.setSchema in every transaction (two more
            // round trips each); the pool puts every connection in the schema once, as Ronghe's does.
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setHistoryLevel(HistoryLevel.AUDIT);
            cfg.setAsyncExecutorActivate(false);
            cfg.setDisableIdmEngine(true);
            cfg.setDisableEventRegistry(true);
            ProcessEngine engine = cfg.buildProcessEngine();
            try {
                engine.getRepositoryService().createDeployment().name("call-loop")
                        .addClasspathResource("org/ronghe/bench/call-loop.bpmn20.xml").deploy();
                System.out.printf(Locale.ROOT, "Flowable %s started in %.1f s (schema %s, pool %d, history audit, async executor off)%n",
                        ProcessEngine.class.getPackage().getImplementationVersion() == null ? "7.2"
                                : ProcessEngine.class.getPackage().getImplementationVersion(),
                        seconds(System.nanoTime() - started), FLOWABLE_SCHEMA, pool);
                RuntimeService runtime = engine.getRuntimeService();
                TaskService tasks = engine.getTaskService();

                Loop loop = (i, mark) -> {
                    mark.at(0);
                    Map<String, Object> raised = new HashMap<>();
                    raised.put("title", "bench call " + i);
                    raised.put("description",
                            "Benchmark call " + i + ": the lift of building 3 has stopped; elderly residents cannot get out.");
                    raised.put("category", "ELDERLY");
                    raised.put("community", "440103001001");
                    raised.put("raisedBy", "community");
                    String pid = runtime.startProcessInstanceByKey("callLoop", "bench-" + i, raised).getId();
                    mark.at(1);
                    complete(tasks, pid, Map.of("organ", "JG001", "dispatchedBy", "system"));
                    mark.at(2);
                    complete(tasks, pid, Map.of("acceptedBy", "secretary"));
                    mark.at(3);
                    complete(tasks, pid, Map.of("reply", "Benchmark reply " + i + ": the lift was repaired and inspected."));
                    mark.at(4);
                    complete(tasks, pid, Map.of("rating", "SATISFIED", "solved", true));
                    mark.at(5);
                };
                String[] steps = {"raise (start)", "dispatch", "accept", "reply", "rate → close"};
                Result result = measure("Flowable 7.2 (BPMN, history audit)", steps, loop, o);
                result.pool = pool;

                long expected = (long) o.warmup + o.loops + o.countSql;
                long finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionKey("callLoop").finished().count();
                long running = runtime.createProcessInstanceQuery().processDefinitionKey("callLoop").count();
                if (finished != expected || running != 0) {
                    result.problems.add("Flowable: expected " + expected + " finished instances, found " + finished
                            + " finished and " + running + " running");
                } else {
                    System.out.printf(Locale.ROOT, "Flowable: all %d instances finished%n", expected);
                }
                return result;
            } finally {
                engine.close();
            }
        }
    }

    /** Completes the one open task of an instance, found as a client would: by querying for it. */
    private static void complete(TaskService tasks, String processInstanceId, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        tasks.complete(task.getId(), variables);
    }

    // ----------------------------------------------------------------------------------------- harness

    /** One loop; calls {@code mark.at(k)} before the first step (k = 0) and after each step k. */
    @FunctionalInterface
    interface Loop {
        void run(int index, Mark mark) throws Exception;
    }

    @FunctionalInterface
    interface Mark {
        void at(int step);
    }

    static Result measure(String name, String[] steps, Loop loop, Options o) throws Exception {
        int next = 0;
        if (o.warmup > 0) {
            Result warm = drive(name, steps, loop, next, o.warmup, o.concurrency);
            next += o.warmup;
            System.out.printf(Locale.ROOT, "%s: warm-up of %d loops in %.1f s%n", name, o.warmup, seconds(warm.wallNanos));
            if (!warm.problems.isEmpty()) {
                return warm;
            }
        }
        System.gc();
        Result result = drive(name, steps, loop, next, o.loops, o.concurrency);
        next += o.loops;
        System.out.printf(Locale.ROOT, "%s: %d loops in %.1f s%n", name, o.loops, seconds(result.wallNanos));
        if (o.countSql > 0) {
            countSql(result, loop, next, o.countSql, o.showSql);
        }
        return result;
    }

    static Result drive(String name, String[] steps, Loop loop, int first, int loops, int concurrency) throws Exception {
        Result result = new Result(name, steps, loops);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicInteger threads = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong workerCpu = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency,
                r -> new Thread(r, "bench-" + threads.incrementAndGet()));
        try {
            List<Future<?>> futures = new ArrayList<>(loops);
            Map<String, Long> threadsBefore = threadCpu();
            long cpuBefore = jvmCpuNanos();
            long jitBefore = jitMillis();
            long gcBefore = gcMillis();
            long pgBefore = postgresCpuNanos();
            long start = System.nanoTime();
            for (int n = 0; n < loops; n++) {
                int slot = n;
                int index = first + n;
                futures.add(pool.submit(() -> {
                    long[] marks = new long[steps.length + 1];
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    try {
                        loop.run(index, step -> marks[step] = System.nanoTime());
                        workerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                        result.loopNanos[slot] = marks[steps.length] - marks[0];
                        for (int s = 0; s < steps.length; s++) {
                            result.stepNanos[s][slot] = marks[s + 1] - marks[s];
                        }
                    } catch (Throwable t) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, t);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            result.wallNanos = System.nanoTime() - start;
            result.jvmCpuNanos = jvmCpuNanos() - cpuBefore;
            result.workerCpuNanos = workerCpu.get();
            result.jitMillis = jitMillis() - jitBefore;
            result.gcMillis = gcMillis() - gcBefore;
            result.threadCpuNanos = threadCpuSpent(threadsBefore, threadCpu());
            long pgAfter = postgresCpuNanos();
            result.postgresCpuNanos = pgBefore < 0 || pgAfter < 0 ? -1 : pgAfter - pgBefore;
        } finally {
            pool.shutdown();
        }
        if (failures.get() > 0) {
            result.problems.add(name + ": " + failures.get() + " of " + loops + " loops failed, first: " + firstFailure.get());
            firstFailure.get().printStackTrace();
        }
        return result;
    }

    /**
     * Runs loops one at a time on this thread and counts, per step, the statements the PostgreSQL driver
     * executes (Execute messages, including BEGIN and COMMIT) and its round trips (Sync messages), from the
     * driver's own FINEST log, keeping only this thread's records.
     */
    static void countSql(Result result, Loop loop, int first, int loops, boolean show) throws Exception {
        List<String> showSql = show ? new ArrayList<>() : null;
        boolean[] listing = new boolean[1];
        Logger driver = Logger.getLogger("org.postgresql");
        Level before = driver.getLevel();
        long me = Thread.currentThread().getId();
        int[] executes = new int[1];
        int[] syncs = new int[1];
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLongThreadID() != me || record.getMessage() == null) {
                    return;
                }
                String m = record.getMessage();
                if (listing[0] && m.contains("FE=> Parse(")) {
                    int from = m.indexOf("query=\"");
                    int to = m.lastIndexOf("\",oids=");
                    String sql = from >= 0 && to > from ? m.substring(from + 7, to) : m;
                    showSql.add("    " + sql.replaceAll("\\s+", " ").trim());
                }
                if (m.contains("FE=> Execute") || m.contains("FE=> SimpleQuery")) {
                    executes[0]++;
                }
                if (m.contains("FE=> Sync") || m.contains("FE=> SimpleQuery")) {
                    syncs[0]++;
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        int steps = result.steps.length;
        long[] stepExecutes = new long[steps];
        long[] stepSyncs = new long[steps];
        driver.addHandler(handler);
        driver.setLevel(Level.FINEST);
        try {
            for (int n = 0; n < loops; n++) {
                int[] lastE = new int[1];
                int[] lastS = new int[1];
                listing[0] = n == 0 && showSql != null;
                loop.run(first + n, step -> {
                    if (listing[0] && step < steps) {
                        showSql.add("  " + result.steps[step] + ":");
                    }
                    if (step > 0) {
                        stepExecutes[step - 1] += executes[0] - lastE[0];
                        stepSyncs[step - 1] += syncs[0] - lastS[0];
                    }
                    lastE[0] = executes[0];
                    lastS[0] = syncs[0];
                });
                listing[0] = false;
            }
        } finally {
            driver.setLevel(before);
            driver.removeHandler(handler);
        }
        if (showSql != null) {
            System.out.println(result.name + ", the statements of one loop as the driver parsed them"
                    + " (add &prepareThreshold=0 to the URL to see every one):");
            showSql.forEach(System.out::println);
        }
        result.sqlPerStep = new double[steps];
        result.tripsPerStep = new double[steps];
        for (int s = 0; s < steps; s++) {
            result.sqlPerStep[s] = (double) stepExecutes[s] / loops;
            result.tripsPerStep[s] = (double) stepSyncs[s] / loops;
        }
    }

    static final class Result {
        final String name;
        final String[] steps;
        final long[] loopNanos;
        final long[][] stepNanos;
        final List<String> problems = new ArrayList<>();
        long wallNanos;
        long jvmCpuNanos;
        long workerCpuNanos;
        long jitMillis;
        long gcMillis;
        Map<String, Long> threadCpuNanos = Map.of();
        long postgresCpuNanos = -1;
        int pool;
        double[] sqlPerStep;
        double[] tripsPerStep;

        Result(String name, String[] steps, int loops) {
            this.name = name;
            this.steps = steps;
            this.loopNanos = new long[loops];
            this.stepNanos = new long[steps.length][loops];
        }

        double loopsPerSecond() {
            return loopNanos.length / seconds(wallNanos);
        }
    }

    // ------------------------------------------------------------------------------------------ report

    static void report(Options o, String server, Result ronghe, Result flowable) {
        System.out.println();
        System.out.printf(Locale.ROOT, "### Call loop, %d loops at concurrency %d (%s; pool %d; %d cores, Java %s)%n%n",
                o.loops, o.concurrency, server, ronghe != null ? ronghe.pool : flowable != null ? flowable.pool : 0,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| engine | loops | concurrency | wall s | loops/s | transitions/s | p50 ms | p99 ms | CPU ms/loop: loop threads | whole JVM | PostgreSQL |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : Arrays.asList(ronghe, flowable)) {
            if (r == null) {
                continue;
            }
            long[] sorted = r.loopNanos.clone();
            Arrays.sort(sorted);
            int n = r.loopNanos.length;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %s |%n", r.name, n,
                    o.concurrency, seconds(r.wallNanos), r.loopsPerSecond(), r.loopsPerSecond() * TRANSITIONS_PER_LOOP,
                    millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(r.workerCpuNanos) / n,
                    millis(r.jvmCpuNanos) / n,
                    r.postgresCpuNanos < 0 ? "–" : String.format(Locale.ROOT, "%.2f", millis(r.postgresCpuNanos) / n));
        }
        if (ronghe != null && flowable != null) {
            double ratio = ronghe.loopsPerSecond() / flowable.loopsPerSecond();
            System.out.printf(Locale.ROOT, "%nRonghe / Flowable (loops/s): %.2f× — target ≥ 10×: %s%n", ratio,
                    ratio >= 10 ? "met" : "NOT met");
        }
        System.out.println();
        boolean counted = (ronghe != null && ronghe.sqlPerStep != null) || (flowable != null && flowable.sqlPerStep != null);
        System.out.println(counted
                ? "| engine | step | p50 ms | p99 ms | statements/step | round trips/step |"
                : "| engine | step | p50 ms | p99 ms |");
        System.out.println(counted ? "| --- | --- | ---: | ---: | ---: | ---: |" : "| --- | --- | ---: | ---: |");
        for (Result r : Arrays.asList(ronghe, flowable)) {
            if (r == null) {
                continue;
            }
            double totalSql = 0;
            double totalTrips = 0;
            for (int s = 0; s < r.steps.length; s++) {
                long[] sorted = r.stepNanos[s].clone();
                Arrays.sort(sorted);
                String row = String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |", r.name, r.steps[s],
                        millis(percentile(sorted, 50)), millis(percentile(sorted, 99)));
                if (counted) {
                    row += r.sqlPerStep == null ? " | |" : String.format(Locale.ROOT, " %.1f | %.1f |", r.sqlPerStep[s], r.tripsPerStep[s]);
                    if (r.sqlPerStep != null) {
                        totalSql += r.sqlPerStep[s];
                        totalTrips += r.tripsPerStep[s];
                    }
                }
                System.out.println(row);
            }
            if (counted && r.sqlPerStep != null) {
                System.out.printf(Locale.ROOT, "| %s | whole loop | | | %.1f | %.1f |%n", r.name, totalSql, totalTrips);
            }
        }
        System.out.println();
        System.out.println("CPU per loop over the measured loops: the threads running the loops (application or engine code and"
                + " the JDBC driver), the whole benchmark JVM (adds GC, JIT, pools, db-scheduler polling), and every process"
                + " named postgres on this host (/proc; work of other databases on the same server counts too).");
        if (counted) {
            for (Result r : Arrays.asList(ronghe, flowable)) {
                if (r == null) {
                    continue;
                }
                StringBuilder top = new StringBuilder();
                r.threadCpuNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                        .forEach(e -> top.append(String.format(Locale.ROOT, "%s %.2f, ", e.getKey(),
                                millis(e.getValue()) / r.loopNanos.length)));
                System.out.printf(Locale.ROOT, "%s, ms/loop: JIT compiling %.2f (elapsed, all compiler threads), GC %.2f; Java threads by CPU: %s%n", r.name,
                        (double) r.jitMillis / r.loopNanos.length, (double) r.gcMillis / r.loopNanos.length,
                        top.substring(0, Math.max(0, top.length() - 2)));
            }
            System.out.printf(Locale.ROOT, "Statements and round trips: PostgreSQL driver messages (Execute incl. BEGIN/COMMIT, Sync) "
                    + "over %d loops run one at a time.%n", o.countSql);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    // --------------------------------------------------------------------------------------- utilities

    /** CPU time of the Java threads alive now, by "id name". */
    static Map<String, Long> threadCpu() {
        Map<String, Long> byThread = new HashMap<>();
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byThread.put(info.getThreadId() + " " + info.getThreadName(), cpu);
            }
        }
        return byThread;
    }

    /** CPU time spent between two {@link #threadCpu()} snapshots, by thread name with digits folded so pools add up. */
    static Map<String, Long> threadCpuSpent(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byName = new HashMap<>();
        after.forEach((thread, cpu) -> byName.merge(thread.substring(thread.indexOf(' ') + 1).replaceAll("\\d+", "#"),
                cpu - before.getOrDefault(thread, 0L), Long::sum));
        return byName;
    }

    static long jitMillis() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    static long jvmCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** User + system CPU of all processes named postgres, from /proc (Linux, database on this host); -1 otherwise. */
    static long postgresCpuNanos() {
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (processes == null) {
            return -1;
        }
        long ticks = 0;
        boolean any = false;
        for (java.io.File process : processes) {
            try {
                String stat = java.nio.file.Files.readString(new java.io.File(process, "stat").toPath());
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
                any = true;
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended meanwhile, or is not readable
            }
        }
        return any ? ticks * 10_000_000L : -1; // USER_HZ = 100 on Linux
    }

    static void resetSchema(Options o, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(o.url, o.user, o.password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    static String serverVersion(Options o) throws SQLException {
        try (Connection c = DriverManager.getConnection(o.url, o.user, o.password)) {
            String url = o.url.replaceAll("[?].*$", "");
            return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + " at " + url.replace("jdbc:postgresql://", "");
        }
    }

    /** Flowable logs through SLF4J; without Spring Boot's configuration Logback would print every statement. */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    record Options(int loops, int concurrency, int warmup, String url, String user, String password, String only,
                   int countSql, boolean showSql, int pool) {

        static final String USAGE = """
                Arguments (all optional):
                  --loops N          measured loops per engine (default 2000)
                  --concurrency C    threads in the fixed pool driving the loops (default 8)
                  --warmup W         loops run first and not measured (default 10 % of --loops)
                  --url JDBC_URL     PostgreSQL database; the schemas bench_ronghe and bench_flowable in it are
                                     dropped and recreated (default jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres)
                  --user U           database user (default: user= in the URL, else postgres)
                  --password P       database password (default: password= in the URL, else empty)
                  --pool P           connection pool size for both (default: Ronghe's configured pool, 10)
                  --only ENGINE      ronghe or flowable (default: both)
                  --count-sql K      after measuring, run K loops one at a time and count SQL statements and
                                     round trips per step (default 0: off)
                  --show-sql true    with --count-sql, also print the statements of the first counted loop""";

        boolean runs(String engine) {
            return only == null || only.equals(engine);
        }

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                if (key.equals("--help") || key.equals("-h")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (!key.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --name value, got " + key + "\n" + USAGE);
                }
                a.put(key.substring(2), args[++i]);
            }
            for (String key : a.keySet()) {
                if (!List.of("loops", "concurrency", "warmup", "url", "user", "password", "pool", "only", "count-sql", "show-sql").contains(key)) {
                    throw new IllegalArgumentException("Unknown argument --" + key + "\n" + USAGE);
                }
            }
            int loops = Integer.parseInt(a.getOrDefault("loops", "2000"));
            String url = a.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/ronghe_bench?user=postgres");
            String only = a.get("only");
            if (only != null && !only.equals("ronghe") && !only.equals("flowable")) {
                throw new IllegalArgumentException("--only takes ronghe or flowable\n" + USAGE);
            }
            return new Options(loops, Integer.parseInt(a.getOrDefault("concurrency", "8")),
                    Integer.parseInt(a.getOrDefault("warmup", String.valueOf(loops / 10))), url,
                    a.getOrDefault("user", urlParameter(url, "user", "postgres")),
                    a.getOrDefault("password", urlParameter(url, "password", "")), only,
                    Integer.parseInt(a.getOrDefault("count-sql", "0")), Boolean.parseBoolean(a.getOrDefault("show-sql", "false")),
                    Integer.parseInt(a.getOrDefault("pool", "0")));
        }

        static String urlParameter(String url, String name, String otherwise) {
            int q = url.indexOf('?');
            if (q >= 0) {
                for (String pair : url.substring(q + 1).split("&")) {
                    if (pair.startsWith(name + "=")) {
                        return pair.substring(name.length() + 1);
                    }
                }
            }
            return otherwise;
        }
    }
}
