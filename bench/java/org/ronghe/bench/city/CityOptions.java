package org.ronghe.bench.city;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** The generator's arguments ({@code --name value}); the defaults are a Guangzhou-sized year. */
final class CityOptions {

    String url = "jdbc:postgresql://127.0.0.1:5432/ronghe_city?user=postgres";
    String user;
    String password;
    long calls = 40_000_000;
    int members = 710_000;
    int districts = 11;
    int streets = 176;
    int communities = 2_800;
    int grids = 19_500;
    int partyOrgs = 38_000;
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    /** Calls are raised between from and to; "now" for the states is to. */
    Instant from;
    Instant to;
    /** Months of events, counted back from to's month; 0 = every month. */
    int eventMonths = 0;
    int jobs = 2;
    long seed = 20260101L;
    String dataKey = System.getenv().getOrDefault("RONGHE_DATA_KEY", "1:000102030405060708090a0b0c0d0e0f");
    String accountPassword = "Bench#City1";
    boolean reset;
    boolean skipDiskCheck;
    boolean keepIndexes;
    /** Replay the calls, rewriting only call_assignment and call_handler (e.g. after a migration added a column to them). */
    boolean redoDispatches;

    static CityOptions parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            a.put(name, flag ? "true" : args[++i]);
        }
        CityOptions o = new CityOptions();
        o.url = a.getOrDefault("url", o.url);
        o.user = a.get("user");
        o.password = a.get("password");
        o.calls = Long.parseLong(a.getOrDefault("calls", String.valueOf(o.calls)).replace("_", ""));
        o.members = Integer.parseInt(a.getOrDefault("members", String.valueOf(o.members)).replace("_", ""));
        o.districts = Integer.parseInt(a.getOrDefault("districts", String.valueOf(o.districts)));
        o.streets = Integer.parseInt(a.getOrDefault("streets", String.valueOf(o.streets)));
        o.communities = Integer.parseInt(a.getOrDefault("communities", String.valueOf(o.communities)));
        o.grids = Integer.parseInt(a.getOrDefault("grids", String.valueOf(o.grids)));
        o.partyOrgs = Integer.parseInt(a.getOrDefault("party-orgs", String.valueOf(o.partyOrgs)));
        o.eventMonths = a.getOrDefault("event-months", "all").equals("all") ? 0 : Integer.parseInt(a.get("event-months"));
        o.jobs = Integer.parseInt(a.getOrDefault("jobs", String.valueOf(o.jobs)));
        o.seed = Long.parseLong(a.getOrDefault("seed", String.valueOf(o.seed)));
        o.dataKey = a.getOrDefault("data-key", o.dataKey);
        o.accountPassword = a.getOrDefault("account-password", o.accountPassword);
        o.reset = Boolean.parseBoolean(a.getOrDefault("reset", "false"));
        o.skipDiskCheck = Boolean.parseBoolean(a.getOrDefault("skip-disk-check", "false"));
        o.keepIndexes = Boolean.parseBoolean(a.getOrDefault("keep-indexes", "false"));
        o.redoDispatches = Boolean.parseBoolean(a.getOrDefault("redo-dispatches", "false"));
        o.to = a.containsKey("to") ? (a.get("to").contains("T") ? Instant.parse(a.get("to"))
                : LocalDate.parse(a.get("to")).atStartOfDay(o.zone).toInstant())
                : Instant.now().truncatedTo(ChronoUnit.MINUTES);
        o.from = LocalDate.parse(a.getOrDefault("from", "2026-01-01")).atStartOfDay(o.zone).toInstant();
        if (!o.from.isBefore(o.to) || o.districts > o.streets || o.streets > o.communities || o.communities > o.grids) {
            throw new IllegalArgumentException("need from < to and districts ≤ streets ≤ communities ≤ grids");
        }
        return o;
    }
}
