package org.ronghe.calls.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.calls.Call;
import org.ronghe.calls.ReplyClass;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.directive.Directive;
import org.ronghe.calls.directive.Directives;
import org.ronghe.calls.limits.CallLimits;
import org.ronghe.calls.store.Calls;
import org.ronghe.calls.store.Notices;
import org.ronghe.calls.timers.Timers;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.platform.WorkingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo district a year of calls and a few directives at the first start, after the
 * directory is seeded — produced by {@link CallSimulation}, which drives the real call lifecycle and
 * its timers through time. Runs once; a marker row records it.
 */
@Component
@Order(30)
class DemoCalls implements ApplicationRunner, org.ronghe.calls.CallHistory {

    static final String MARKER = "demo.calls";
    static final long SEED = 20_260_101L;
    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(DemoCalls.class);
    private static final Map<String, ReplyClass> CLASSES = Map.of("WATER", ReplyClass.UTILITIES,
            "HOUSING", ReplyClass.COMPLEX, "ILLEGAL_BUILDING", ReplyClass.COMPLEX, "ENVIRONMENT", ReplyClass.COMPLEX,
            "PROPERTY", ReplyClass.COMPLEX);

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final Directory directory;
    private final CallLimits limits;
    private final Calls calls;
    private final Notices notices;
    private final Timers timers;
    private final Directives directives;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String size;
    private final Integer count;

    DemoCalls(JdbcClient jdbc, DemoMarkers markers, Directory directory, CallLimits limits, Calls calls, Notices notices, Timers timers,
              Directives directives, Audit audit, Clock clock, TransactionTemplate transactions,
              @Value("${ronghe.demo.seed:true}") boolean enabled, @Value("${ronghe.demo.size:full}") String size,
              @Value("${ronghe.demo.calls:#{null}}") Integer count) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.directory = directory;
        this.limits = limits;
        this.calls = calls;
        this.notices = notices;
        this.timers = timers;
        this.directives = directives;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
        this.size = size;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER)) {
            return;
        }
        int howMany = count != null ? count : size.equalsIgnoreCase("full") ? 30_000 : 120;
        if (howMany <= 0 || jdbc.sql("SELECT COUNT(*) FROM call").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        log.info("Simulating a year of calls for the demo district ({} calls) — first start only", howMany);
        seed(howMany);
        log.info("Demo calls seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Simulates in memory, then stores a thousand calls per transaction (one transaction for the whole
     * year makes the embedded database's file balloon). The marker goes last: a start interrupted
     * half-way finds calls and does not seed again.
     */
    private void seed(int howMany) {
        CLASSES.forEach((category, replyClass) -> {
            if (directory.category(category).isPresent()) {
                limits.setClass(category, replyClass);
            }
        });
        List<String> categories = directory.categories().stream().map(Directory.CategoryRef::code).toList();
        Map<String, List<Directory.OrganRef>> answering = new HashMap<>();
        categories.forEach(c -> answering.put(c, directory.organsAnswering(c)));
        Map<String, ReplyClass.Limits> cache = new HashMap<>();
        WorkingTime time = limits.time();
        Instant now = clock.instant();
        CallSimulation.Result result = new CallSimulation(new Random(SEED), time, directory,
                (category, urgency) -> cache.computeIfAbsent(category + "/" + urgency, k -> limits.limits(category, urgency)), now)
                .run(howMany, directory.communities(), categories, answering, directory.organs());
        List<Call> simulated = result.calls();
        int sent = store(result);
        long open = simulated.stream().filter(c -> c.state().open()).count();
        transactions.executeWithoutResult(status -> {
            int issued = seedDirectives(new Random(SEED + 1), now);
            markers.set(MARKER, String.valueOf(howMany));
            audit.record(Audit.Entry.change("DEMO_CALLS_SEEDED", "call", null, null,
                    Map.of("calls", simulated.size(), "open", open, "notices", sent, "directives", issued)));
        });
        log.info("Demo calls: {} raised, {} still open, {} urgings and escalations", simulated.size(), open, sent);
    }

    /** Stores simulated calls a thousand per transaction, with their notices and the timers of those still open. */
    private int store(CallSimulation.Result result) {
        List<Call> simulated = result.calls();
        log.info("Simulated {} calls in memory; storing them", simulated.size());
        for (int i = 0; i < simulated.size(); i += CHUNK) {
            List<Call> chunk = simulated.subList(i, Math.min(simulated.size(), i + CHUNK));
            transactions.executeWithoutResult(status -> calls.saveAllNew(chunk));
        }
        List<Notices.Notice> sent = result.notices().stream().map(n -> withCall(n.notice(), simulated.get(n.call()).id())).toList();
        for (int i = 0; i < sent.size(); i += CHUNK) {
            List<Notices.Notice> chunk = sent.subList(i, Math.min(sent.size(), i + CHUNK));
            transactions.executeWithoutResult(status -> notices.add(chunk));
        }
        List<Call> open = simulated.stream().filter(c -> c.state().open()).toList();
        for (int i = 0; i < open.size(); i += CHUNK) {
            List<Call> chunk = open.subList(i, Math.min(open.size(), i + CHUNK));
            transactions.executeWithoutResult(status -> timers.planAll(chunk));
        }
        return sent.size();
    }

    @Override
    public List<Outcome> playOut(List<PastCall> past) {
        Map<Long, Directory.CommunityRef> communities = new HashMap<>();
        directory.communities().forEach(c -> communities.put(c.id(), c));
        Map<String, List<Directory.OrganRef>> answering = new HashMap<>();
        Map<String, ReplyClass.Limits> cache = new HashMap<>();
        List<CallSimulation.Raise> raises = past.stream().map(p -> {
            answering.computeIfAbsent(p.category(), directory::organsAnswering);
            Directory.CommunityRef community = communities.get(p.communityId());
            return new CallSimulation.Raise(p.raisedAt(), community, p.category(), p.title(), p.description(), Urgency.NORMAL, p.origin(),
                    p.raiser(), null, p.address(), p.contactName(), p.contactPhone());
        }).toList();
        CallSimulation.Result result = new CallSimulation(new Random(SEED + 2), limits.time(), directory,
                (category, urgency) -> cache.computeIfAbsent(category + "/" + urgency, k -> limits.limits(category, urgency)), clock.instant())
                .play(raises, answering, directory.organs());
        store(result);
        return result.calls().stream().map(c -> new Outcome(c.id(), c.state(), c.solved(), c.closedAt())).toList();
    }

    private int seedDirectives(Random random, Instant now) {
        String[][] texts = {{"开展燃气安全隐患排查", "ALL_COMMUNITIES"}, {"做好防汛防台风准备", "ALL_STREETS"},
                {"落实“我为群众办实事”实践活动清单", "ALL_ORGANS"}, {"开展电动自行车充电安全专项整治", "ALL_STREETS"},
                {"报送民生实事项目进展", "ALL_ORGANS"}, {"春节前走访慰问困难群众", "ALL_COMMUNITIES"}};
        int issued = 0;
        for (int i = 0; i < texts.length; i++) {
            Instant issuedAt = now.minus(Duration.ofDays(330 - i * 60L + random.nextInt(10)));
            Instant deadline = issuedAt.plus(Duration.ofDays(5 + random.nextInt(10)));
            Directive.Audience audience = Directive.Audience.valueOf(texts[i][1]);
            List<Directive.Unit> units = switch (audience) {
                case ALL_ORGANS -> directory.organs().stream().map(o -> new Directive.Unit(Directive.UnitKind.ORGAN, o.id())).toList();
                case ALL_STREETS -> directory.streets().stream().map(s -> new Directive.Unit(Directive.UnitKind.STREET, s.id())).toList();
                default -> directory.communities().stream().map(c -> new Directive.Unit(Directive.UnitKind.COMMUNITY, c.id())).toList();
            };
            Directive directive = Directive.issue(texts[i][0], "请各单位按要求落实并报告完成情况。", "committee", issuedAt, deadline,
                    audience, units, null);
            record Answer(Instant at, Directive.Unit unit, boolean complete) {
            }
            List<Answer> answers = new ArrayList<>();
            for (Directive.Unit unit : units) {
                answers.add(new Answer(issuedAt.plus(Duration.ofMinutes(20 + random.nextInt(600))), unit, false));
                int roll = random.nextInt(100);
                if (roll < 93) {
                    double share = roll < 86 ? 0.2 + random.nextDouble() * 0.75 : 1.02 + random.nextDouble() * 0.3;
                    answers.add(new Answer(issuedAt.plusSeconds((long) (Duration.between(issuedAt, deadline).toSeconds() * share)),
                            unit, true));
                }
            }
            answers.sort(Comparator.comparing(Answer::at));
            boolean urged = false;
            boolean missed = false;
            for (Answer answer : answers) {
                if (answer.at().isAfter(now)) {
                    break;
                }
                if (!urged && !answer.at().isBefore(directive.urgeAt())) {
                    directive.urge(directive.urgeAt());
                    urged = true;
                }
                if (!missed && !answer.at().isBefore(deadline)) {
                    directive.miss(deadline);
                    missed = true;
                }
                String by = "staff@" + answer.unit().kind().name().toLowerCase() + "-" + answer.unit().id();
                if (answer.complete()) {
                    if (directive.replies().get(answer.unit()).completedAt() == null) {
                        directive.complete(answer.unit(), by, "已按要求完成", answer.at());
                    }
                } else if (directive.replies().get(answer.unit()).acknowledgedAt() == null) {
                    directive.acknowledge(answer.unit(), by, answer.at());
                }
            }
            if (!urged && directive.urgeAt().isBefore(now)) {
                directive.urge(directive.urgeAt());
            }
            if (!missed && deadline.isBefore(now)) {
                directive.miss(deadline);
            }
            directives.record(directive);
            issued++;
        }
        return issued;
    }

    private static Notices.Notice withCall(Notices.Notice n, long callId) {
        return new Notices.Notice(n.kind(), callId, n.directiveId(), n.organId(), n.leaderId(), n.streetId(), n.communityId(),
                n.at(), n.note());
    }

}
