package org.ronghe.bench.city;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * A year of calls, month by month: each call is played out from when it was raised up to "now" (the end of the
 * period) — dispatched to the organ answering its category in its district, sometimes returned and dispatched
 * again, accepted and replied in time or late (urged and escalated then), rated or closed unrated — and written
 * with its dispatches, handlers and (inside the event window) its events. Calls raised close to "now" are still open.
 */
final class CityCalls {

    static final long MINUTE = 60_000_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final String CALL_COLUMNS = "id, version, state, title, description, category_code, urgency, origin, community_id, street_id,"
            + " grid_id, address, latitude, longitude, raised_by, raiser_scope, contact_name, contact_phone, idempotency_key, raised_at,"
            + " lead_organ_id, accept_by, reply_by, round, generation, closed_at, reply, rating, solved, reopens, extension_state,"
            + " extension_until, extension_reason";
    static final String ASSIGNMENT_COLUMNS = "call_id, call_raised_at, organ_id, round, dispatched_at, accept_by, reply_by, urge_at, escalate_again_at,"
            + " accepted_at, returned_at, rerouted_at, replied_at, rating, solved, rated_at, accept_overdue_at, urged_at, escalated_at,"
            + " escalated_again_at, first_of_call, first_to_organ";
    static final String HANDLER_COLUMNS = "call_id, call_raised_at, organ_id, role, since, check_in_by, checked_in_at, missed, active, dispatched, call_open";
    static final String EVENT_COLUMNS = "call_id, at, actor, type, from_state, to_state, organ_id, note";
    private static final long NONE = Long.MIN_VALUE;
    private static final String[] ORIGINS = {"COMMUNITY", "COMMUNITY", "COMMUNITY", "COMMUNITY", "GRID", "GRID", "GRID", "STREET",
            "COMMAND_CENTRE", "VISIT"};

    /** One month of calls: its partition, its calls' ids firstId .. firstId + count - 1. */
    record Month(YearMonth month, long start, long end, long firstId, long count) {

        String partition() {
            return "call_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
        }
    }

    private final CityOptions options;
    private final CityDirectory directory;
    private final long now;
    private final long eventsFrom;

    CityCalls(CityOptions options, CityDirectory directory) {
        this.options = options;
        this.directory = directory;
        this.now = micros(options.to);
        this.eventsFrom = micros(eventsFrom(options));
    }

    static Instant eventsFrom(CityOptions options) {
        if (options.eventMonths <= 0) {
            return options.from;
        }
        YearMonth last = YearMonth.from(options.to.atZone(options.zone));
        Instant start = last.minusMonths(options.eventMonths - 1).atDay(1).atStartOfDay(options.zone).toInstant();
        return start.isBefore(options.from) ? options.from : start;
    }

    /** The months between from and to, each with its share of the calls (by length) and its range of ids. */
    static List<Month> plan(CityOptions options) {
        List<Month> months = new ArrayList<>();
        long from = micros(options.from);
        long to = micros(options.to);
        YearMonth month = YearMonth.from(options.from.atZone(options.zone));
        long nextId = 1;
        double assigned = 0;
        while (true) {
            long start = Math.max(from, micros(month.atDay(1).atStartOfDay(options.zone).toInstant()));
            long end = Math.min(to, micros(month.plusMonths(1).atDay(1).atStartOfDay(options.zone).toInstant()));
            if (start >= to) {
                break;
            }
            assigned += (double) options.calls * (end - start) / (to - from);
            long count = Math.round(assigned) - (nextId - 1);
            months.add(new Month(month, start, end, nextId, count));
            nextId += count;
            month = month.plusMonths(1);
        }
        return months;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /**
     * Loads one month on its own connections; returns {calls, dispatches, handlers, events}.
     *
     * @param onlyDispatches replay the month (same seed, same calls) writing only its dispatches and handlers
     */
    long[] load(Month month, boolean onlyDispatches) throws SQLException {
        try (Connection calls = onlyDispatches ? null : connect(); Connection assignments = connect(); Connection handlers = connect();
             Connection events = onlyDispatches ? null : connect()) {
            if (calls != null) {
                // The month's partition is emptied in the COPY's transaction, so its rows go in frozen (no vacuum needed after).
                calls.setAutoCommit(false);
                try (Statement s = calls.createStatement()) {
                    s.execute("TRUNCATE " + month.partition());
                }
            }
            Writer w = new Writer(new BinaryCopy(calls, month.partition(), CALL_COLUMNS, true),
                    new BinaryCopy(assignments, "call_assignment", ASSIGNMENT_COLUMNS),
                    new BinaryCopy(handlers, "call_handler", HANDLER_COLUMNS),
                    !onlyDispatches && month.end() + 40 * DAY > eventsFrom ? new BinaryCopy(events, "call_event", EVENT_COLUMNS) : null);
            Random random = new Random(options.seed * 1_000_003L + month.month().hashCode());
            long days = Math.max(1, (month.end() - month.start() + DAY - 1) / DAY);
            for (long i = 0; i < month.count(); i++) {
                long day = month.start() + i * days / month.count() * DAY;
                long raised = day + timeOfDay(random);
                if (raised >= month.end()) {
                    raised = month.end() - 1 - random.nextInt(3_600_000) * 1000L;
                }
                if (raised < month.start()) {
                    raised = month.start();
                }
                new Play(random, month.firstId() + i, raised).run(w);
            }
            long[] rows = {w.call.finish(), w.assignment.finish(), w.handler.finish(), w.event == null ? 0 : w.event.finish()};
            if (calls != null) {
                calls.commit();
            }
            return rows;
        }
    }

    /** Offices hours mostly: 85 % between 08:00 and 20:00 local time (Asia/Shanghai is UTC+8, days start at 16:00 UTC). */
    private static long timeOfDay(Random random) {
        long local = random.nextInt(100) < 85 ? 8 * HOUR + (long) (random.nextDouble() * 12 * HOUR)
                : (20 * HOUR + (long) (random.nextDouble() * 12 * HOUR)) % DAY;
        return local;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        if (options.user != null) p.setProperty("user", options.user);
        if (options.password != null) p.setProperty("password", options.password);
        Connection c = DriverManager.getConnection(options.url, p);
        try (Statement s = c.createStatement()) {
            // The load writes consistent rows by construction: no foreign-key triggers per row, no flush per commit.
            s.execute("SET session_replication_role = replica");
            s.execute("SET synchronous_commit = off");
        }
        return c;
    }

    private record Writer(BinaryCopy call, BinaryCopy assignment, BinaryCopy handler, BinaryCopy event) {
    }

    private record Event(long at, String actor, String type, String from, String to, long organ, String note) {
    }

    /** One dispatch, as call_assignment holds it. */
    private static final class Dispatch {
        long organ;
        long dispatchedAt;
        long acceptBy;
        long replyBy;
        long urgeAt;
        long escalateAgainAt;
        long acceptedAt = NONE;
        long returnedAt = NONE;
        long repliedAt = NONE;
        String rating;
        Boolean solved;
        long ratedAt = NONE;
        long acceptOverdueAt = NONE;
        long urgedAt = NONE;
        long escalatedAt = NONE;
        long escalatedAgainAt = NONE;
        boolean firstOfCall;
        boolean active = true;
    }

    /** Plays one call out up to now. */
    private final class Play {
        private final Random r;
        private final long id;
        private final long raised;
        private final int community;
        private final int category;
        private final boolean urgent;
        private final String raiser;
        private final long acceptLimit;
        private final long replyLimit;
        private final List<Dispatch> dispatches = new ArrayList<>(2);
        private final List<Event> events = new ArrayList<>(8);
        private String state = "RAISED";
        private String reply;
        private String rating;
        private Boolean solved;
        private long closedAt = NONE;

        Play(Random r, long id, long raised) {
            this.r = r;
            this.id = id;
            this.raised = raised;
            this.community = directory.community(r.nextDouble());
            this.category = (int) Math.floor(Math.pow(r.nextDouble(), 1.3) * CityNames.CATEGORIES.size());
            this.urgent = r.nextInt(100) < 7;
            this.raiser = "staff@" + directory.communityCode[community];
            this.acceptLimit = urgent ? 2 * HOUR : DAY;
            this.replyLimit = urgent ? DAY : switch (CityNames.CATEGORIES.get(category)[2]) {
                case "UTILITIES" -> 3 * DAY;
                case "COMPLEX" -> 15 * DAY;
                default -> 7 * DAY;
            };
        }

        void run(Writer w) throws SQLException {
            event(raised, raiser, "RAISED", null, "RAISED", 0, null);
            long[] organs = directory.answering[directory.communityDistrict[community]][category];
            long dispatchedAt = raised + (urgent ? 5 * MINUTE + (long) (r.nextDouble() * 25 * MINUTE)
                    : 10 * MINUTE + (long) (r.nextDouble() * 4 * HOUR));
            if (dispatchedAt <= now) {
                int pick = r.nextInt(organs.length);
                Dispatch first = dispatch(organs[pick], dispatchedAt, organs.length == 1 ? "system" : "dispatcher", "RAISED");
                if (r.nextInt(100) < 4) {
                    returnAndRedispatch(first, organs.length > 1 ? organs[(pick + 1) % organs.length]
                            : (long) directory.communityDistrict[community] * directory.organsPerDistrict + 1 + r.nextInt(directory.organsPerDistrict));
                }
                if ("DISPATCHED".equals(state)) {
                    work(dispatches.get(dispatches.size() - 1));
                }
            }
            write(w);
        }

        private Dispatch dispatch(long organ, long at, String actor, String from) {
            Dispatch d = new Dispatch();
            d.organ = organ;
            d.dispatchedAt = at;
            d.acceptBy = at + acceptLimit;
            d.replyBy = at + replyLimit;
            d.urgeAt = at + replyLimit * 8 / 10;
            d.escalateAgainAt = d.replyBy + DAY;
            d.firstOfCall = dispatches.isEmpty();
            dispatches.add(d);
            state = "DISPATCHED";
            event(at, actor, "DISPATCHED", from, "DISPATCHED", organ, null);
            return d;
        }

        private void returnAndRedispatch(Dispatch first, long other) {
            long returned = first.dispatchedAt + (long) (acceptLimit * (0.1 + 0.8 * r.nextDouble()));
            if (returned > now) {
                return;
            }
            first.returnedAt = returned;
            first.active = false;
            state = "RETURNED";
            event(returned, secretary(first.organ), "RETURNED", "DISPATCHED", "RETURNED", first.organ, "不属于本单位职责范围，请改派");
            long again = returned + 30 * MINUTE + (long) (r.nextDouble() * 4 * HOUR);
            if (again <= now && other != first.organ) {
                dispatch(other, again, "dispatcher", "RETURNED");
            }
        }

        /** Accepting, replying, rating, with the timers' steps for whatever runs late. */
        private void work(Dispatch d) {
            double u = r.nextDouble();
            boolean neverAccepted = u < 0.004;
            long acceptedAt = u < 0.06 ? d.acceptBy + HOUR + (long) (r.nextDouble() * 2 * DAY)
                    : d.dispatchedAt + (long) (acceptLimit * (0.02 + 0.88 * r.nextDouble()));
            if ((neverAccepted || acceptedAt > d.acceptBy) && d.acceptBy <= now) {
                d.acceptOverdueAt = d.acceptBy;
                event(d.acceptBy, "system", "ACCEPT_OVERDUE", "DISPATCHED", "DISPATCHED", d.organ, null);
            }
            if (neverAccepted || acceptedAt > now) {
                return;
            }
            d.acceptedAt = acceptedAt;
            state = "ACCEPTED";
            event(acceptedAt, secretary(d.organ), "ACCEPTED", "DISPATCHED", "ACCEPTED", d.organ, null);
            boolean neverReplied = r.nextInt(1000) < 3;
            long repliedAt = r.nextInt(100) < 10 ? d.replyBy + HOUR + (long) (r.nextDouble() * 5 * DAY)
                    : acceptedAt + (long) ((d.replyBy - acceptedAt) * (0.05 + 0.9 * r.nextDouble()));
            long until = neverReplied ? now : Math.min(repliedAt, now);
            if (d.urgeAt <= until) {
                d.urgedAt = d.urgeAt;
                event(d.urgeAt, "system", "URGED", "ACCEPTED", "ACCEPTED", d.organ, null);
            }
            if (d.replyBy <= until) {
                d.escalatedAt = d.replyBy;
                event(d.replyBy, "system", "ESCALATED", "ACCEPTED", "ACCEPTED", d.organ, null);
            }
            if (d.escalateAgainAt <= until) {
                d.escalatedAgainAt = d.escalateAgainAt;
                event(d.escalateAgainAt, "system", "ESCALATED_AGAIN", "ACCEPTED", "ACCEPTED", d.organ, null);
            }
            if (neverReplied || repliedAt > now) {
                return;
            }
            d.repliedAt = repliedAt;
            state = "REPLIED";
            reply = "已现场核查并处理完毕：" + title() + "。如有问题请再次反映。";
            event(repliedAt, secretary(d.organ), "REPLIED", "ACCEPTED", "REPLIED", d.organ, null);
            rate(d);
        }

        private void rate(Dispatch d) {
            if (r.nextInt(100) < 78) {
                long ratedAt = d.repliedAt + HOUR + (long) (r.nextDouble() * 3 * DAY);
                if (ratedAt > now) {
                    return;
                }
                int u = r.nextInt(100);
                rating = u < 76 ? "SATISFIED" : u < 94 ? "BASICALLY_SATISFIED" : "UNSATISFIED";
                solved = "SATISFIED".equals(rating) || r.nextInt(100) < ("UNSATISFIED".equals(rating) ? 30 : 90);
                d.rating = rating;
                d.solved = solved;
                d.ratedAt = ratedAt;
                close(ratedAt, raiser, "RATED");
            } else if (d.repliedAt + 7 * DAY <= now) {
                close(d.repliedAt + 7 * DAY, "system", "CLOSED_UNRATED");
            }
        }

        private void close(long at, String actor, String type) {
            state = "CLOSED";
            closedAt = at;
            event(at, actor, type, "REPLIED", "CLOSED", 0, null);
        }

        private String secretary(long organ) {
            return "secretary@" + directory.organCode[(int) organ - 1];
        }

        private void event(long at, String actor, String type, String from, String to, long organ, String note) {
            events.add(new Event(at, actor, type, from, to, organ, note));
        }

        private String title() {
            String[] titles = CityNames.CATEGORIES.get(category)[4].split("\\|");
            return titles[(int) (id % titles.length)];
        }

        private void write(Writer w) throws SQLException {
            Dispatch current = dispatches.isEmpty() ? null : dispatches.get(dispatches.size() - 1);
            boolean live = current != null && !"RETURNED".equals(state);
            String name = directory.communityName[community];
            int grids = directory.communityGrids[community];
            w.call.row().int8(id).int4(events.size() - 1).text(state).text(name + title())
                    .text("居民反映：" + name + title() + "，希望有关部门尽快处理。")
                    .text(CityNames.CATEGORIES.get(category)[0]).text(urgent ? "URGENT" : "NORMAL").text(ORIGINS[(int) (id % ORIGINS.length)])
                    .int8(community + 1).int8(directory.communityStreet[community]);
            if (grids > 0) w.call.int8(directory.communityFirstGrid[community] + id % grids); else w.call.nul();
            w.call.text(name + (1 + id % 120) + "号").float8(directory.communityLat[community] + (id % 97) * 0.00002)
                    .float8(directory.communityLng[community] + (id % 89) * 0.00002).text(raiser).text(directory.communityCode[community])
                    .nul().nul().nul().micros(raised);
            if (live) w.call.int8(current.organ); else w.call.nul();
            w.call.micros(live ? current.acceptBy : NONE).micros(live ? current.replyBy : NONE).int4(current == null ? 0 : 1)
                    .int4(dispatches.size()).micros(closedAt).text(reply).text(rating).bool(solved).int4(0).text("NONE").nul().nul();
            for (Dispatch d : dispatches) {
                w.assignment.row().int8(id).micros(raised).int8(d.organ).int4(1).micros(d.dispatchedAt).micros(d.acceptBy).micros(d.replyBy)
                        .micros(d.urgeAt).micros(d.escalateAgainAt).micros(d.acceptedAt).micros(d.returnedAt).micros(NONE)
                        .micros(d.repliedAt).text(d.rating).bool(d.solved).micros(d.ratedAt).micros(d.acceptOverdueAt)
                        .micros(d.urgedAt).micros(d.escalatedAt).micros(d.escalatedAgainAt).bool(d.firstOfCall).bool(true);
                w.handler.row().int8(id).micros(raised).int8(d.organ).text("LEAD").micros(d.dispatchedAt).micros(NONE).micros(NONE).bool(false)
                        .bool(d.active).bool(true).bool(!"CLOSED".equals(state));
            }
            if (w.event != null) {
                events.sort(Comparator.comparingLong(Event::at));
                for (Event e : events) {
                    if (e.at() >= eventsFrom) {
                        w.event.row().int8(id).micros(e.at()).text(e.actor()).text(e.type()).text(e.from()).text(e.to());
                        if (e.organ() == 0) w.event.nul(); else w.event.int8(e.organ());
                        w.event.text(e.note());
                    }
                }
            }
        }
    }

    static ZonedDateTime local(long micros, CityOptions options) {
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000).atZone(options.zone);
    }
}
