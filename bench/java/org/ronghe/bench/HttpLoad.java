package org.ronghe.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client for Ronghe's JSON API, run as a second process: N virtual users each run full call loops —
 * raise (with an Idempotency-Key) → dispatch (only when the call waits in the dispatcher queue) → accept →
 * reply → rate, which closes the call — as the demo accounts community (raises and rates), secretary
 * (区民政局 accepts and replies) and committee (dispatches). It prints p50/p99 per step and per loop and
 * loops/s, and can write a journal of every step a client saw acknowledged, for the crash checks.
 *
 * <p>With {@code --retry-for S} a request that failed without an answer (connection refused or reset, the
 * process was killed) or with 503 or another 5xx is sent again, unchanged — a raise with the same
 * Idempotency-Key — for up to S seconds. A step retried after an unknown outcome that answers 409 is
 * settled by reading the call: if it is already in the step's state, the step had been committed.
 *
 * <p>Needs only the JDK: {@code java bench/java/org/ronghe/bench/HttpLoad.java --url … --users … --duration …}
 * (see bench/http-loop.sh and bench/README.md).
 */
public final class HttpLoad {

    static final List<String> STEPS = List.of("raise", "dispatch", "accept", "reply", "rate");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final List<String> ORDER = List.of("RAISED", "DISPATCHED", "ACCEPTED", "REPLIED", "CLOSED");
    /** The state a step starts from: a 409 in that state was a lost race, not a refused step. */
    private static final Map<String, String> BEFORE = Map.of("dispatch", "RAISED", "accept", "DISPATCHED",
            "reply", "ACCEPTED", "rate", "REPLIED");

    private final Options o;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Recorder> steps = new ConcurrentHashMap<>();
    private final Recorder loops = new Recorder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong measuredLoops = new AtomicLong();
    private final AtomicLong failedLoops = new AtomicLong();
    private final AtomicLong startedLoops = new AtomicLong();
    private final AtomicLong leftOpen = new AtomicLong();
    private final BufferedWriter journal;
    private volatile long measureFrom;
    private volatile long measureTo;

    HttpLoad(Options o) throws IOException {
        this.o = o;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.journal = o.journal == null ? null : Files.newBufferedWriter(o.journal, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        STEPS.forEach(s -> steps.put(s, new Recorder()));
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "HTTP call loop: %s, %d users, %d s (+%d s warm-up), run %s, retry for %d s%s%n",
                o.url, o.users, o.duration, o.warmup, o.run, o.retryFor,
                o.journal == null ? "" : ", journal " + o.journal);
        HttpLoad load = new HttpLoad(o);
        int failed = load.run();
        System.exit(failed == 0 ? 0 : 1);
    }

    int run() throws Exception {
        for (String user : List.of(o.raiser, o.organ, o.dispatcher)) {
            token(user, null);
        }
        long start = System.nanoTime();
        measureFrom = start + Duration.ofSeconds(o.warmup).toNanos();
        measureTo = measureFrom + Duration.ofSeconds(o.duration).toNanos();
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < o.users; u++) {
            int user = u;
            Thread t = new Thread(() -> user(user), "user-" + u);
            users.add(t);
            t.start();
        }
        Thread progress = new Thread(() -> progress(start), "progress");
        progress.setDaemon(true);
        progress.start();
        for (Thread t : users) {
            t.join();
        }
        double seconds = Math.min(System.nanoTime(), measureTo) - measureFrom;
        seconds = Math.max(seconds, 1) / 1e9;
        if (journal != null) {
            synchronized (journal) {
                journal.flush();
            }
        }
        report(seconds);
        return (int) failedLoops.get();
    }

    private void user(int user) {
        long seq = 0;
        while (System.nanoTime() < measureTo && (o.loops == 0 || startedLoops.get() < o.loops)
                && (o.stopFile == null || !Files.exists(o.stopFile))) {
            long n = startedLoops.incrementAndGet();
            String key = o.run + "-u" + user + "-" + (seq++);
            long t0 = System.nanoTime();
            Boolean ok;
            try {
                ok = loop(key, n);
            } catch (RuntimeException e) {
                System.err.println("loop " + key + " failed: " + e);
                ok = false;
            }
            long t1 = System.nanoTime();
            if (ok == null) {
                leftOpen.incrementAndGet();
            } else if (!ok) {
                failedLoops.incrementAndGet();
            } else if (t0 >= measureFrom && t1 <= measureTo) {
                loops.add(t1 - t0);
                measuredLoops.incrementAndGet();
            }
        }
    }

    /** One loop: true when every step was acknowledged, null when the call was deliberately left open for its timers. */
    private Boolean loop(String key, long n) {
        String body = "{\"title\":\"压测诉求 " + key + "\",\"description\":\"电梯停运，老人无法下楼（负载测试）\","
                + "\"category\":\"" + o.category + "\",\"community\":\"" + o.community + "\"}";
        Answer raised = step("raise", o.raiser, null, () -> post("/api/v1/calls", o.raiser, body)
                .header("Idempotency-Key", key).build(), null);
        if (raised == null) {
            return false;
        }
        long id = raised.id();
        String state = raised.state();
        ack(key, id, "RAISED");
        if ("RAISED".equals(state) || "RETURNED".equals(state)) {
            if (step("dispatch", o.dispatcher, id, () -> post("/api/v1/calls/" + id + "/dispatch", o.dispatcher,
                    "{\"lead\":\"" + o.lead + "\"}").build(), "DISPATCHED") == null) {
                return false;
            }
            ack(key, id, "DISPATCHED");
        }
        if (o.leaveDispatchedEvery > 0 && n % o.leaveDispatchedEvery == 0) {
            ack(key, id, "LEFT_DISPATCHED");
            return null;
        }
        if (step("accept", o.organ, id, () -> post("/api/v1/calls/" + id + "/accept", o.organ, "").build(), "ACCEPTED") == null) {
            return false;
        }
        ack(key, id, "ACCEPTED");
        if (o.leaveAcceptedEvery > 0 && n % o.leaveAcceptedEvery == 0) {
            ack(key, id, "LEFT_ACCEPTED");
            return null;
        }
        if (step("reply", o.organ, id, () -> post("/api/v1/calls/" + id + "/reply", o.organ,
                "{\"text\":\"已协调物业修复电梯并上门回访\"}").build(), "REPLIED") == null) {
            return false;
        }
        ack(key, id, "REPLIED");
        if (step("rate", o.raiser, id, () -> post("/api/v1/calls/" + id + "/rate", o.raiser,
                "{\"rating\":\"SATISFIED\",\"solved\":true}").build(), "CLOSED") == null) {
            return false;
        }
        ack(key, id, "CLOSED");
        return true;
    }

    /**
     * Sends one step until it is acknowledged, retrying unanswered requests, 503 and other 5xx for
     * {@code --retry-for} seconds. {@code reached} is the state the step leads to: a 409 after an
     * unanswered attempt is checked against the call's state.
     */
    private Answer step(String name, String user, Long id, Supplier<HttpRequest> request, String reached) {
        long t0 = System.nanoTime();
        long giveUp = t0 + Duration.ofSeconds(o.retryFor).toNanos();
        boolean uncertain = false;
        int attempt = 0;
        while (true) {
            attempt++;
            Answer answer;
            try {
                HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answer = new Answer(response.statusCode(), response.body(),
                        response.headers().firstValue("Idempotent-Replayed").isPresent());
            } catch (IOException e) {
                count("no answer (" + e.getClass().getSimpleName() + ")");
                uncertain = true;
                if (!pause(giveUp, attempt)) {
                    System.err.println(name + " of " + id + " gave up: " + e);
                    return null;
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            int status = answer.status();
            if (status / 100 == 2) {
                count(status + (answer.replayed() ? " replayed" : ""));
                if (System.nanoTime() >= measureFrom) {
                    steps.get(name).add(System.nanoTime() - t0);
                }
                return answer;
            }
            count(String.valueOf(status));
            if (status == 401 && attempt < 5) {
                token(user, request.get().headers().firstValue("Authorization").orElse(null));
                continue;
            }
            if (status == 409 && id != null) {
                Answer now = get(o.dispatcher, id);
                String state = now == null ? null : now.state();
                if (uncertain && state != null && ORDER.indexOf(state) >= ORDER.indexOf(reached)) {
                    count("409 settled: step had been committed");
                    return now;
                }
                if (state != null && state.equals(BEFORE.get(name)) && pause(giveUp, attempt)) {
                    // Someone else (a timer firing at that moment) changed the call first: read again, send again.
                    count("409 retried: concurrent change");
                    continue;
                }
            }
            if (status >= 500) {
                uncertain = true;
                if (pause(giveUp, attempt)) {
                    continue;
                }
            }
            System.err.printf(Locale.ROOT, "%s of %s answered %d: %s%n", name, id, status, abbreviate(answer.body()));
            return null;
        }
    }

    private Answer get(String user, long id) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(o.retryFor).toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.url + "/api/v1/calls/" + id))
                        .timeout(Duration.ofSeconds(o.timeout)).header("Authorization", "Bearer " + token(user, null))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    return new Answer(200, r.body(), false);
                }
                if (r.statusCode() == 401) {
                    tokens.remove(user);
                }
            } catch (IOException e) {
                // the application is away: try again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (!pause(giveUp, attempt)) {
                return null;
            }
        }
    }

    private static boolean pause(long giveUp, int attempt) {
        if (System.nanoTime() >= giveUp) {
            return false;
        }
        try {
            Thread.sleep(Math.min(1000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private HttpRequest.Builder post(String path, String user, String json) {
        return HttpRequest.newBuilder(URI.create(o.url + path)).timeout(Duration.ofSeconds(o.timeout))
                .header("Authorization", "Bearer " + token(user, null))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** The user's token; a new one when {@code stale} (the header that was refused) is the current one. */
    private String token(String user, String stale) {
        if (stale != null) {
            tokens.remove(user, stale.substring("Bearer ".length()));
        }
        return tokens.computeIfAbsent(user, this::signIn);
    }

    private String signIn(String user) {
        String password = user.equals("admin") ? o.adminPassword : o.password;
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        long giveUp = System.nanoTime() + Duration.ofSeconds(Math.max(o.retryFor, 30)).toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.url + "/api/v1/auth/tokens"))
                        .timeout(Duration.ofSeconds(o.timeout)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    Matcher m = TOKEN.matcher(r.body());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                if (r.statusCode() < 500) {
                    throw new IllegalStateException("sign-in of " + user + " answered " + r.statusCode() + ": " + r.body());
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!pause(giveUp, attempt)) {
                throw new IllegalStateException("sign-in of " + user + " did not succeed");
            }
        }
    }

    private void ack(String key, long id, String step) {
        if (journal == null) {
            return;
        }
        try {
            synchronized (journal) {
                journal.write(key + "," + id + "," + step + "\n");
                journal.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    private void progress(long start) {
        while (true) {
            try {
                Thread.sleep(o.progress * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.printf(Locale.ROOT, "  %4d s: %d loops started, %d failed; %s%n",
                    (System.nanoTime() - start) / 1_000_000_000L, startedLoops.get(), failedLoops.get(), outcomes());
        }
    }

    private String outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.toString();
    }

    private void report(double seconds) {
        long measured = measuredLoops.get();
        System.out.printf(Locale.ROOT, "%nmeasured: %d loops in %.1f s = %.1f loops/s (%.1f steps/s), %d users; "
                        + "%d loops started, %d left open for their timers, %d failed%n",
                measured, seconds, measured / seconds, steps.values().stream().mapToLong(Recorder::count).sum() / seconds,
                o.users, startedLoops.get(), leftOpen.get(), failedLoops.get());
        System.out.println("| step | n | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (String s : STEPS) {
            steps.get(s).print(s);
        }
        loops.print("whole loop");
        System.out.println("responses: " + outcomes());
        long serverErrors = outcomes.entrySet().stream()
                .filter(e -> e.getKey().matches("5\\d\\d") && !e.getKey().equals("503"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf(Locale.ROOT, "503: %d, other 5xx: %d, no answer: %d%n",
                outcomes.getOrDefault("503", new LongAdder()).sum(), serverErrors,
                outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("no answer"))
                        .mapToLong(e -> e.getValue().sum()).sum());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    record Answer(int status, String body, boolean replayed) {

        long id() {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no call id in " + abbreviate(body));
            }
            return Long.parseLong(m.group(1));
        }

        String state() {
            Matcher m = STATE.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Latencies of one kind, in nanoseconds. */
    static final class Recorder {

        private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            values.add(nanos);
        }

        long count() {
            return values.size();
        }

        void print(String name) {
            long[] sorted;
            synchronized (values) {
                sorted = values.stream().mapToLong(Long::longValue).toArray();
            }
            if (sorted.length == 0) {
                return;
            }
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.length,
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double ms(long[] sorted, double q) {
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    static final class Options {
        String url = env("RONGHE_URL", "http://localhost:8080");
        int users = 8;
        int duration = 30;
        int warmup = 5;
        long loops;
        int retryFor;
        int timeout = 30;
        int progress = 5;
        String run = "r" + Long.toString(System.currentTimeMillis(), 36);
        Path journal;
        Path stopFile;
        String password = env("RONGHE_DEMO_PASSWORD", null);
        String adminPassword = env("RONGHE_ADMIN_PASSWORD", null);
        String raiser = "community";
        String organ = "secretary";
        String dispatcher = "committee";
        String lead = "JG001";
        String category = "ELDERLY";
        String community = "440103001001";
        int leaveDispatchedEvery;
        int leaveAcceptedEvery;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("no value for " + name);
                }
                String v = args[++i];
                switch (name) {
                    case "--url" -> o.url = v.replaceAll("/+$", "");
                    case "--users" -> o.users = Integer.parseInt(v);
                    case "--duration" -> o.duration = Integer.parseInt(v);
                    case "--warmup" -> o.warmup = Integer.parseInt(v);
                    case "--loops" -> o.loops = Long.parseLong(v);
                    case "--retry-for" -> o.retryFor = Integer.parseInt(v);
                    case "--timeout" -> o.timeout = Integer.parseInt(v);
                    case "--progress" -> o.progress = Integer.parseInt(v);
                    case "--run" -> o.run = v;
                    case "--journal" -> o.journal = Path.of(v);
                    case "--stop-file" -> o.stopFile = Path.of(v);
                    case "--password" -> o.password = v;
                    case "--raiser" -> o.raiser = v;
                    case "--organ" -> o.organ = v;
                    case "--dispatcher" -> o.dispatcher = v;
                    case "--lead" -> o.lead = v;
                    case "--category" -> o.category = v;
                    case "--community" -> o.community = v;
                    case "--leave-dispatched-every" -> o.leaveDispatchedEvery = Integer.parseInt(v);
                    case "--leave-accepted-every" -> o.leaveAcceptedEvery = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            }
            if (o.password == null) {
                throw new IllegalArgumentException("the demo accounts' password: --password or RONGHE_DEMO_PASSWORD");
            }
            return o;
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }
}
