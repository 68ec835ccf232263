package org.ronghe.calls.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Deadlines;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.ReplyClass;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.limits.CallLimits;
import org.ronghe.calls.store.Notices;
import org.ronghe.calls.timers.TimerData;
import org.ronghe.calls.timers.TimerFiring;
import org.ronghe.calls.timers.Timers;
import org.ronghe.directory.Directory;
import org.ronghe.platform.WorkingTime;

/**
 * A year of calls, produced by driving the real aggregate through time: residents raise calls,
 * the dispatcher routes them, organs accept, return, ask for time and reply, callers rate and reopen,
 * and the same timers as in production urge and escalate whatever runs late. Steps are processed in
 * time order (a discrete-event simulation); what would happen after "now" is left undone, so the
 * most recent calls are still open.
 */
final class CallSimulation {

    private final Random random;
    private final WorkingTime time;
    private final Directory directory;
    private final BiFunction<String, Urgency, ReplyClass.Limits> limits;
    private final Instant now;
    private final PriorityQueue<Step> queue = new PriorityQueue<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Script> scripts = new ArrayList<>();
    private final List<IndexedNotice> notices = new ArrayList<>();
    private long sequence;

    CallSimulation(Random random, WorkingTime time, Directory directory, BiFunction<String, Urgency, ReplyClass.Limits> limits,
                   Instant now) {
        this.random = random;
        this.time = time;
        this.directory = directory;
        this.limits = limits;
        this.now = now;
    }

    record Result(List<Call> calls, List<IndexedNotice> notices) {
    }

    /** A notice a timer produced for the call at an index (its id is known only once stored). */
    record IndexedNotice(int call, Notices.Notice notice) {
    }

    /** A call to raise at a moment in the past, as whoever raised it described it. */
    record Raise(Instant at, Directory.CommunityRef community, String category, String title, String description, Urgency urgency,
                 Origin origin, String raiser, String scopeCode, String address, String contactName, String contactPhone) {
    }

    /** Raises {@code count} calls spread over the year before {@code now} and plays them out until now. */
    Result run(int count, List<Directory.CommunityRef> communities, List<String> categories,
               Map<String, List<Directory.OrganRef>> answering, List<Directory.OrganRef> organs) {
        Instant start = now.minus(Duration.ofDays(365));
        List<Raise> raises = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant raisedAt = raiseTime(start);
            Directory.CommunityRef community = communities.get(random.nextInt(communities.size()));
            String category = categories.get((int) Math.floor(Math.pow(random.nextDouble(), 1.3) * categories.size()));
            Urgency urgency = random.nextInt(100) < 7 ? Urgency.URGENT : Urgency.NORMAL;
            String raiser = community.code().equals(communities.get(0).code()) ? "community" : "staff@" + community.code();
            raises.add(new Raise(raisedAt, community, category, Topics.title(category, random), null, urgency, Origin.COMMUNITY, raiser,
                    community.code(), null, null, null));
        }
        return play(raises, answering, organs);
    }

    /** Raises the calls at their moments and plays each out, with the organs' habits and the timers, until now. */
    Result play(List<Raise> raises, Map<String, List<Directory.OrganRef>> answering, List<Directory.OrganRef> organs) {
        for (int i = 0; i < raises.size(); i++) {
            Raise r = raises.get(i);
            Call call = Call.raise(new Call.Details(r.title(), r.description(), r.category(), r.urgency(), r.origin()),
                    new Call.Place(r.community().id(), r.community().streetId(), null, r.address(), null, null),
                    new Call.Raiser(r.raiser(), r.scopeCode(), r.contactName(), r.contactPhone(), null), r.at());
            calls.add(call);
            scripts.add(new Script(r.community(), answering.getOrDefault(r.category(), List.of()), organs));
            List<Directory.OrganRef> candidates = answering.getOrDefault(r.category(), List.of());
            if (candidates.size() == 1) {
                dispatch(i, candidates.get(0).id(), r.at(), "system");
            } else {
                push(time.plus(r.at(), Duration.ofMinutes(10 + random.nextInt(110))), i, Kind.DISPATCH, null);
            }
        }
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            if (step.at().isAfter(now)) {
                break;
            }
            play(step);
        }
        return new Result(calls, notices);
    }

    private void play(Step step) {
        Call call = calls.get(step.call());
        Script script = scripts.get(step.call());
        Instant at = step.at();
        switch (step.kind()) {
            case DISPATCH -> {
                if (call.state().inQueue()) {
                    dispatch(step.call(), script.pickOrgan(random, call.leadOrganId()), at, "committee");
                }
            }
            case ACCEPT -> {
                if (call.state() == CallState.DISPATCHED) {
                    call.accept(call.leadOrganId(), at, organActor(call.leadOrganId()));
                    scheduleReply(step.call(), at);
                    if (random.nextInt(1000) < 6) {
                        push(time.plus(at, Duration.ofMinutes(30 + random.nextInt(120))), step.call(), Kind.WHISTLE, null);
                    }
                }
            }
            case RETURN -> {
                if (call.state() == CallState.DISPATCHED) {
                    call.giveBack(call.leadOrganId(), "经核实不属于本单位职责，请重新派单", at, organActor(call.leadOrganId()));
                    push(time.plus(at, Duration.ofMinutes(15 + random.nextInt(60))), step.call(), Kind.DISPATCH, null);
                }
            }
            case ASK_EXTENSION -> {
                if (call.state() == CallState.ACCEPTED && call.extension().state() == Call.Extension.State.NONE) {
                    Instant until = time.endOfWorkingDays(call.assignment().replyBy(), 5);
                    call.requestExtension(call.leadOrganId(), until, "需协调多个部门现场会商", at, organActor(call.leadOrganId()));
                    push(time.plus(at, Duration.ofMinutes(60 + random.nextInt(180))), step.call(), Kind.DECIDE_EXTENSION, null);
                }
            }
            case DECIDE_EXTENSION -> {
                if (call.state() == CallState.ACCEPTED && call.extension().state() == Call.Extension.State.REQUESTED) {
                    Call.Assignment a = call.assignment();
                    boolean approve = random.nextInt(100) < 80;
                    Deadlines extended = new Deadlines(a.acceptBy(), call.extension().until(),
                            time.plus(a.dispatchedAt(), Duration.ofSeconds(Math.round(
                                    time.between(a.dispatchedAt(), call.extension().until()).toSeconds() * 0.8))),
                            time.plus(call.extension().until(), time.workingDay()));
                    call.decideExtension(approve, extended, at, "committee");
                    planTimers(step.call());
                    Instant replyAt = approve ? fraction(a.dispatchedAt(), call.extension().until(), 0.85 + random.nextDouble() * 0.1)
                            : time.plus(at, Duration.ofHours(2 + random.nextInt(20)));
                    push(replyAt, step.call(), Kind.REPLY, null);
                }
            }
            case REPLY -> {
                if (call.state() == CallState.ACCEPTED) {
                    call.reply(call.leadOrganId(), Topics.reply(random), at, organActor(call.leadOrganId()));
                    planTimers(step.call());
                    if (random.nextInt(100) < 86) {
                        push(time.plus(at, Duration.ofMinutes(30 + random.nextInt(60 * 12))), step.call(), Kind.RATE, null);
                    }
                }
            }
            case RATE -> {
                if (call.state() == CallState.REPLIED) {
                    int roll = random.nextInt(100);
                    Rating rating = roll < 70 ? Rating.SATISFIED : roll < 88 ? Rating.BASICALLY_SATISFIED : Rating.UNSATISFIED;
                    boolean solved = random.nextInt(100) < switch (rating) {
                        case SATISFIED -> 97;
                        case BASICALLY_SATISFIED -> 80;
                        case UNSATISFIED -> 25;
                    };
                    call.rate(rating, solved, null, at, call.raiser().username());
                    if (rating == Rating.UNSATISFIED && call.reopens() < Call.MAX_REOPENS && random.nextInt(100) < 55) {
                        push(time.plus(at, Duration.ofMinutes(30 + random.nextInt(600))), step.call(), Kind.REOPEN, null);
                    }
                }
            }
            case REOPEN -> {
                if (call.state() == CallState.CLOSED && call.rating() == Rating.UNSATISFIED) {
                    call.reopen("问题仍未解决，请重新办理", deadlines(call, at), at, call.raiser().username());
                    afterDispatch(step.call(), at);
                }
            }
            case WHISTLE -> {
                if (call.awaitingReply()) {
                    List<Long> organs = script.others(random, call.leadOrganId(), 2);
                    Instant due = at.plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                    call.whistle(organs, due, at, "staff@" + script.community().streetCode());
                    planTimers(step.call());
                    for (Long organ : organs) {
                        if (random.nextInt(100) < 80) {
                            push(at.plus(Duration.ofMinutes(3 + random.nextInt(25))), step.call(), Kind.CHECK_IN, organ);
                        }
                    }
                }
            }
            case CHECK_IN -> {
                var handler = call.handler(step.organ());
                if (handler.isPresent() && handler.get().checkedInAt() == null && !handler.get().missed()) {
                    call.checkIn(step.organ(), at, organActor(step.organ()));
                }
            }
            case TIMER -> {
                for (Notices.Notice notice : TimerFiring.apply(call, step.timer(), at, directory)) {
                    notices.add(new IndexedNotice(step.call(), notice));
                }
            }
        }
    }

    private void dispatch(int index, long organ, Instant at, String actor) {
        Call call = calls.get(index);
        call.dispatch(organ, Set.of(), deadlines(call, at), at, actor);
        afterDispatch(index, at);
    }

    /** What the organ does with a fresh dispatch: mostly accept in time, sometimes late, now and then return it. */
    private void afterDispatch(int index, Instant at) {
        planTimers(index);
        Call call = calls.get(index);
        boolean urgent = call.details().urgency() != Urgency.NORMAL;
        int roll = random.nextInt(100);
        if (roll < 4 && call.round() == 1) {
            push(time.plus(at, Duration.ofMinutes(10 + random.nextInt(50))), index, Kind.RETURN, null);
        } else if (roll < 88) {
            push(urgent ? at.plus(Duration.ofMinutes(3 + random.nextInt(22))) : time.plus(at, Duration.ofMinutes(5 + random.nextInt(100))),
                    index, Kind.ACCEPT, null);
        } else {
            push(urgent ? at.plus(Duration.ofMinutes(35 + random.nextInt(60))) : time.plus(at, Duration.ofMinutes(130 + random.nextInt(300))),
                    index, Kind.ACCEPT, null);
        }
    }

    /** When the reply comes, as a share of the reply window: mostly early, some near the deadline, a few late. */
    private void scheduleReply(int index, Instant at) {
        Call call = calls.get(index);
        Call.Assignment a = call.assignment();
        if (call.details().urgency() == Urgency.NORMAL && random.nextInt(100) < 3) {
            push(fraction(a.dispatchedAt(), a.replyBy(), 0.4 + random.nextDouble() * 0.3), index, Kind.ASK_EXTENSION, null);
            return;
        }
        int roll = random.nextInt(100);
        double share = roll < 78 ? 0.05 + random.nextDouble() * 0.7
                : roll < 90 ? 0.8 + random.nextDouble() * 0.19
                : roll < 97 ? 1.02 + random.nextDouble() * 0.1
                : 1.3 + random.nextDouble() * 0.6;
        Instant replyAt = fraction(a.dispatchedAt(), a.replyBy(), share);
        push(replyAt.isAfter(at) ? replyAt : time.plus(at, Duration.ofMinutes(20)), index, Kind.REPLY, null);
    }

    private Instant fraction(Instant from, Instant to, double share) {
        Duration window = time.between(from, to);
        if (window.isZero()) {
            window = Duration.between(from, to);
            return from.plus(Duration.ofSeconds(Math.round(window.toSeconds() * share)));
        }
        return time.plus(from, Duration.ofSeconds(Math.round(window.toSeconds() * share)));
    }

    private Deadlines deadlines(Call call, Instant at) {
        return CallLimits.deadlines(limits.apply(call.details().categoryCode(), call.details().urgency()), call.details().urgency(), at, time);
    }

    private void planTimers(int index) {
        Call call = calls.get(index);
        for (Timers.Planned planned : Timers.planFor(call, index, time)) {
            push(planned.at(), index, Kind.TIMER, planned.data());
        }
    }

    private String organActor(Long organ) {
        return organ == null ? "system" : "secretary@" + organ;
    }

    private void push(Instant at, int call, Kind kind, Object detail) {
        queue.add(new Step(at, sequence++, call, kind, detail instanceof TimerData t ? t : null,
                detail instanceof Long organ ? organ : null));
    }

    enum Kind {
        DISPATCH, ACCEPT, RETURN, ASK_EXTENSION, DECIDE_EXTENSION, REPLY, RATE, REOPEN, WHISTLE, CHECK_IN, TIMER
    }

    record Step(Instant at, long sequence, int call, Kind kind, TimerData timer, Long organ) implements Comparable<Step> {

        @Override
        public int compareTo(Step other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** Who can take a call: the organs answering its category, or any organ when the dispatcher has to choose. */
    record Script(Directory.CommunityRef community, List<Directory.OrganRef> answering, List<Directory.OrganRef> all) {

        long pickOrgan(Random random, Long previous) {
            List<Directory.OrganRef> pool = answering.isEmpty() ? all : answering;
            for (int tries = 0; tries < 5; tries++) {
                long pick = pool.get(random.nextInt(pool.size())).id();
                if (previous == null || pick != previous) {
                    return pick;
                }
            }
            return all.get(random.nextInt(all.size())).id();
        }

        List<Long> others(Random random, Long lead, int count) {
            List<Long> picked = new ArrayList<>();
            while (picked.size() < count) {
                long organ = all.get(random.nextInt(all.size())).id();
                if ((lead == null || organ != lead) && !picked.contains(organ)) {
                    picked.add(organ);
                }
            }
            return picked;
        }
    }

    private Instant raiseTime(Instant start) {
        long span = Duration.between(start, now).toSeconds();
        Instant candidate = start.plusSeconds((long) (random.nextDouble() * span));
        if (random.nextInt(100) < 75) {
            // Most calls are raised in office hours: snap to the next working time.
            candidate = time.plus(candidate, Duration.ofMinutes(random.nextInt(20)));
        }
        return candidate;
    }
}
