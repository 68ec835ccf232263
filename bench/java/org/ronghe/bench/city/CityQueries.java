package org.ronghe.bench.city;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each interactive query of the city-scale database through a running Ronghe's HTTP API and pages, one
 * request at a time, as the accounts the generator created (whole city, one organ, one street), and prints a
 * Markdown table of p50/p95/p99 per query. Parameters rotate (streets, categories, organs, call ids) so that a
 * query is not answered from the same cached pages every time. See bench/README.md ("City scale").
 */
public final class CityQueries {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FIRST_ID = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");
    private static final String[] CATEGORIES = CityNames.CATEGORIES.stream().map(c -> c[0]).toArray(String[]::new);
    private static final String[] WORDS = {"电梯", "垃圾", "噪音", "积水", "路灯", "油烟", "学位", "低保"};

    /** A request that takes longer is reported as timed out (and the query's other runs skipped). */
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("city.timeout", 15));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> tokens = new HashMap<>();
    /** Pages need a signed-in session: one client (with its cookies) per account. */
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final Random random = new Random(7);

    private CityQueries(String base) {
        this.base = base;
    }

    /** A query: its label, the account it runs as, and the path of its i-th run. */
    private record Query(String label, String account, IntFunction<String> path) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = a.getOrDefault("base", "http://127.0.0.1:8391");
        int runs = Integer.parseInt(a.getOrDefault("runs", "40"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        String password = a.getOrDefault("password", "Bench#City1");
        String month = a.getOrDefault("month", "2026-10");
        String year = a.getOrDefault("year", "2026");
        String only = a.get("only");
        new CityQueries(base).run(runs, warmup, password, month, year, only);
    }

    private void run(int runs, int warmup, String password, String month, String year, String only) throws Exception {
        for (String account : List.of("city-committee", "city-secretary", "city-street")) {
            tokens.put(account, signIn(account, password));
            sessions.put(account, session(account, password));
        }
        Matcher first = FIRST_ID.matcher(get("city-committee", "/api/v1/calls?size=1").body());
        long maxId = first.find() ? Long.parseLong(first.group(1)) : 1;
        String monthFrom = month + "-01";
        String monthTo = java.time.YearMonth.parse(month).atEndOfMonth().toString();
        String yearFrom = year + "-01-01";
        String yearTo = year + "-12-31";
        String organ = "JG01021";
        List<Query> queries = queries(maxId, monthFrom, monthTo, yearFrom, yearTo, organ);
        System.out.printf(Locale.ROOT, "%d queries × %d runs (+%d warm-up) against %s; month %s, year %s, call ids 1..%d%n%n",
                queries.size(), runs, warmup, base, month, year, maxId);
        System.out.println("| # | query | as | p50 ms | p95 ms | p99 ms | max ms | ≤ 200 ms (p95) | answer |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |");
        int n = 0;
        for (Query q : queries) {
            n++;
            if (only != null && !q.label().contains(only)) {
                continue;
            }
            double[] ms = new double[runs];
            String answer = "";
            try {
                for (int i = 0; i < warmup; i++) {
                    get(q.account(), q.path().apply(runs + i));
                }
            } catch (java.net.http.HttpTimeoutException e) {
                // One request past the limit says enough; the others would only take as long.
                System.out.printf(Locale.ROOT, "| %d | %s | %s | > %d s | | | | **no** | timed out |%n", n, q.label(),
                        q.account().replace("city-", ""), TIMEOUT.toSeconds());
                continue;
            }
            for (int i = 0; i < runs; i++) {
                String path = q.path().apply(i);
                long t = System.nanoTime();
                HttpResponse<String> r;
                try {
                    r = get(q.account(), path);
                } catch (java.net.http.HttpTimeoutException e) {
                    ms = Arrays.copyOf(ms, i);
                    answer = "timed out (> " + TIMEOUT.toSeconds() + " s) at run " + (i + 1);
                    break;
                }
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
                }
                if (i == 0) {
                    answer = summary(r.body());
                }
            }
            if (ms.length == 0) {
                System.out.printf(Locale.ROOT, "| %d | %s | %s | > %d s | | | | **no** | %s |%n", n, q.label(),
                        q.account().replace("city-", ""), TIMEOUT.toSeconds(), answer);
                continue;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %.0f | %.0f | %.0f | %.0f | %s | %s |%n", n, q.label(),
                    q.account().replace("city-", ""), pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1],
                    pct(ms, 95) <= 200 ? "yes" : "**no**", answer);
        }
    }

    private List<Query> queries(long maxId, String monthFrom, String monthTo, String yearFrom, String yearTo, String organ) {
        List<Query> q = new ArrayList<>();
        String c = "city-committee";
        q.add(new Query("call list, no filter (newest first)", c, i -> "/api/v1/calls"));
        q.add(new Query("call list, page 50", c, i -> "/api/v1/calls?page=" + (50 + i % 5)));
        q.add(new Query("call list, state=DISPATCHED", c, i -> "/api/v1/calls?state=DISPATCHED"));
        q.add(new Query("call list, state=CLOSED", c, i -> "/api/v1/calls?state=CLOSED"));
        q.add(new Query("call list, organ= (handled by)", c, i -> "/api/v1/calls?organ=" + organCode(i)));
        q.add(new Query("call list, lead= (dispatched to)", c, i -> "/api/v1/calls?lead=" + organCode(i)));
        q.add(new Query("call list, street=", c, i -> "/api/v1/calls?street=" + streetCode(i)));
        q.add(new Query("call list, community=", c, i -> "/api/v1/calls?community=" + streetCode(i) + "%03d".formatted(1 + i % 10)));
        q.add(new Query("call list, category=", c, i -> "/api/v1/calls?category=" + CATEGORIES[i % CATEGORIES.length]));
        q.add(new Query("call list, period = one month", c, i -> "/api/v1/calls?from=" + monthFrom + "&to=" + monthTo));
        q.add(new Query("call list, street + category + month", c, i -> "/api/v1/calls?street=" + streetCode(i) + "&category="
                + CATEGORIES[i % CATEGORIES.length] + "&from=" + monthFrom + "&to=" + monthTo));
        q.add(new Query("call list, overdue=true", c, i -> "/api/v1/calls?overdue=true"));
        q.add(new Query("call list, open=true", c, i -> "/api/v1/calls?open=true"));
        q.add(new Query("call list, queue=true", c, i -> "/api/v1/calls?queue=true"));
        q.add(new Query("call list, text q= (whole city)", c, i -> "/api/v1/calls?q=" + enc(WORDS[i % WORDS.length])));
        q.add(new Query("call list, text q= + street", c, i -> "/api/v1/calls?q=" + enc(WORDS[i % WORDS.length]) + "&street=" + streetCode(i)));
        q.add(new Query("call list page (HTML /calls)", c, i -> "/calls"));
        q.add(new Query("overdue board (HTML /calls/overdue)", c, i -> "/calls/overdue"));
        q.add(new Query("call detail (API, with timeline)", c, i -> "/api/v1/calls/" + (1 + Math.floorMod(random.nextLong(), maxId))));
        q.add(new Query("call detail page (HTML)", c, i -> "/calls/" + (maxId - Math.floorMod(random.nextLong(), maxId / 12))));
        for (String group : List.of("organ", "street", "category", "community")) {
            q.add(new Query("metrics by " + group + ", one month", c, i -> "/api/v1/calls/metrics?groupBy=" + group + "&from=" + monthFrom + "&to=" + monthTo));
            q.add(new Query("metrics by " + group + ", the year", c, i -> "/api/v1/calls/metrics?groupBy=" + group + "&from=" + yearFrom + "&to=" + yearTo));
        }
        q.add(new Query("figures (/api/v1/figures)", c, i -> "/api/v1/figures"));
        q.add(new Query("home page (HTML /, figures)", c, i -> "/"));
        q.add(new Query("members, name search q=", c, i -> "/api/v1/directory/members?q=" + enc(String.valueOf("王李张刘陈杨黄赵".charAt(i % 8)) + "伟")));
        q.add(new Query("members of a community", c, i -> "/api/v1/directory/members?community=" + streetCode(i) + "%03d".formatted(1 + i % 10)));
        q.add(new Query("party organisations of an organ", c, i -> "/api/v1/directory/party-orgs?organ=" + organCode(i)));
        q.add(new Query("directory search q=", c, i -> "/api/v1/directory/search?q=" + enc(WORDS[i % WORDS.length].substring(0, 1) + "社区")));
        String s = "city-secretary";
        q.add(new Query("inbox page (HTML /inbox)", s, i -> "/inbox"));
        q.add(new Query("call list (organ scope)", s, i -> "/api/v1/calls"));
        q.add(new Query("call list, overdue (organ scope)", s, i -> "/api/v1/calls?overdue=true"));
        q.add(new Query("call list, open (organ scope)", s, i -> "/api/v1/calls?open=true"));
        q.add(new Query("call list, month (organ scope)", s, i -> "/api/v1/calls?from=" + monthFrom + "&to=" + monthTo));
        q.add(new Query("metrics by organ, the year (organ scope)", s, i -> "/api/v1/calls/metrics?groupBy=organ&from=" + yearFrom + "&to=" + yearTo));
        q.add(new Query("figures (organ scope)", s, i -> "/api/v1/figures"));
        String t = "city-street";
        q.add(new Query("call list (street scope)", t, i -> "/api/v1/calls"));
        q.add(new Query("call list, state=ACCEPTED (street scope)", t, i -> "/api/v1/calls?state=ACCEPTED"));
        q.add(new Query("call list, text q= (street scope)", t, i -> "/api/v1/calls?q=" + enc(WORDS[i % WORDS.length])));
        q.add(new Query("metrics by community, month (street scope)", t, i -> "/api/v1/calls/metrics?groupBy=community&from=" + monthFrom + "&to=" + monthTo));
        q.add(new Query("figures (street scope)", t, i -> "/api/v1/figures"));
        q.add(new Query("inbox page (street scope)", t, i -> "/inbox"));
        return q;
    }

    /** One of the busier organs, rotating over districts (urban management, housing, civil affairs). */
    private static String organCode(int i) {
        int[] organs = {21, 20, 1};
        return "JG%02d%03d".formatted(1 + i % 11, organs[i % organs.length]);
    }

    private static String streetCode(int i) {
        return "4401%02d%03d".formatted(1 + i % 11, 1 + i % 16);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** What came back, in a few words: the total of a page, the number of rows of a list, or the size. */
    private static String summary(String body) {
        Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
        if (total.find()) {
            return "total " + (body.contains("\"exact\":false") ? "≥ " : "") + total.group(1);
        }
        if (body.startsWith("[")) {
            return body.split("\"code\"", -1).length - 1 + " rows";
        }
        return body.length() / 1024 + " KB";
    }

    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("sign-in of " + username + " answered " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    /** Signs in through the login form (CSRF token from the form, session cookie kept by the client). */
    private HttpClient session(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        Matcher csrf = CSRF.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                        + enc(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("form sign-in of " + username + " answered " + r.statusCode() + " " + location);
        }
        return client;
    }

    private HttpResponse<String> get(String account, String path) throws Exception {
        boolean api = path.startsWith("/api/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET()
                .header("Accept", api ? "application/json" : "text/html");
        if (api) {
            request.header("Authorization", "Bearer " + tokens.get(account));
        }
        return (api ? http : sessions.get(account)).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
