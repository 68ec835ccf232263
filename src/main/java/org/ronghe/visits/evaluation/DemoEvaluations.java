package org.ronghe.visits.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
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
 * Gives the demo district its evaluations at the first start, after the directory: last year's period,
 * every pairing rated and the period closed, and this year's period, open, with every pairing rated —
 * mostly 满意 and 比较满意, a few 不满意 with remarks. Made through the aggregates and their stores; runs once
 * (a marker row records it).
 */
@Component
@Order(50)
class DemoEvaluations implements ApplicationRunner {

    static final String MARKER = "demo.evaluations";
    static final long SEED = 20_260_714L;
    private static final Logger log = LoggerFactory.getLogger(DemoEvaluations.class);
    private static final List<String> UNSATISFIED = List.of("结对共建活动开展较少，走访群众不够深入",
            "反映的小区路面破损问题迟迟未解决", "联系人多次变更，社区诉求对接不畅", "承诺的微心愿认领未落实",
            "到社区报到的党员参与志愿服务次数偏少");
    private static final List<String> PRAISE = List.of("帮助社区解决了养老助餐难题", "结对党员经常到社区参加志愿服务",
            "诉求响应及时，办理结果群众满意", "共建项目落地见效");

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final EvaluationPeriods periods;
    private final Evaluations evaluations;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoEvaluations(JdbcClient jdbc, DemoMarkers markers, EvaluationPeriods periods, Evaluations evaluations, Audit audit, Clock clock,
                    TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.periods = periods;
        this.evaluations = evaluations;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER)) {
            return;
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> seed());
        log.info("Demo evaluations seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    record Pair(long organ, long community) {
    }

    private void seed() {
        List<Pair> pairs = jdbc.sql("SELECT organ_id, community_id FROM pairing WHERE ended_on IS NULL ORDER BY community_id, organ_id")
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))).list();
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int year = today.getYear();
        Random random = new Random(SEED);
        int rated = 0;

        // Last year: rated in its last weeks, closed in the first half of January.
        LocalDate lastStart = LocalDate.of(year - 1, 1, 1);
        LocalDate lastEnd = LocalDate.of(year - 1, 12, 31);
        Instant lastOpened = lastStart.plusDays(14).atTime(9, 0).atZone(zone).toInstant();
        EvaluationPeriod last = EvaluationPeriod.open(String.valueOf(year - 1), (year - 1) + " 年度基层评议机关", lastStart, lastEnd,
                LocalDate.of(year, 1, 15), "committee", lastOpened);
        periods.save(last);
        Instant lastFrom = lastEnd.minusDays(30).atTime(9, 0).atZone(zone).toInstant();
        rated += rateAll(last, pairs, random, lastFrom, Duration.ofDays(30));
        Instant closed = LocalDate.of(year, 1, 16).atTime(10, 0).atZone(zone).toInstant();
        last.close("committee", closed.isAfter(now) ? now : closed);
        periods.save(last);

        // This year: open, and every pairing already rated since the period opened.
        LocalDate start = LocalDate.of(year, 1, 1);
        Instant opened = start.atTime(9, 0).atZone(zone).toInstant();
        opened = opened.isAfter(now) ? now : opened;
        EvaluationPeriod current = EvaluationPeriod.open(String.valueOf(year), year + " 年度基层评议机关", start,
                LocalDate.of(year, 12, 31), LocalDate.of(year, 12, 31), "committee", opened);
        periods.save(current);
        rated += rateAll(current, pairs, random, opened, Duration.between(opened, now));

        markers.set(MARKER, String.valueOf(rated));
        audit.record(Audit.Entry.change("DEMO_EVALUATIONS_SEEDED", "evaluation", null, null,
                Map.of("periods", 2, "ratings", rated, "pairings", pairs.size())));
        log.info("Demo evaluations: {} periods, {} ratings of {} pairings", 2, rated, pairs.size());
    }

    /** Every pairing rated once, at a moment in the window, a few of them revised later. */
    private int rateAll(EvaluationPeriod period, List<Pair> pairs, Random random, Instant from, Duration window) {
        List<Evaluation> made = new ArrayList<>();
        long seconds = Math.max(1, window.toSeconds());
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            Instant at = from.plusSeconds((long) (random.nextDouble() * seconds));
            int roll = random.nextInt(100);
            // A few 不满意 whatever the size: one in seventeen, and at least the fourth pairing of a small district.
            Grade grade = roll < 6 || (pairs.size() < 17 && i == 3) ? Grade.UNSATISFIED
                    : roll < 58 ? Grade.SATISFIED : roll < 86 ? Grade.FAIRLY_SATISFIED : Grade.BASICALLY_SATISFIED;
            String remarks = grade == Grade.UNSATISFIED ? UNSATISFIED.get(random.nextInt(UNSATISFIED.size()))
                    : random.nextInt(4) == 0 ? PRAISE.get(random.nextInt(PRAISE.size())) : null;
            String actor = "demo@community-" + pair.community();
            Evaluation e = Evaluation.rate(period, pair.community(), pair.organ(), grade, remarks, actor, at,
                    LocalDate.ofInstant(at, clock.getZone()));
            Instant later = at.plusSeconds(Math.min(seconds / 4 + 1, 86_400L * 7));
            if (grade == Grade.BASICALLY_SATISFIED && random.nextInt(5) == 0 && !later.isAfter(from.plus(window))) {
                // Revised upwards after the organ followed up.
                e.revise(period, Grade.FAIRLY_SATISFIED, "经回访整改后提高评价", actor, later, LocalDate.ofInstant(later, clock.getZone()));
            }
            made.add(e);
        }
        evaluations.saveAllNew(made);
        return made.size();
    }

}
