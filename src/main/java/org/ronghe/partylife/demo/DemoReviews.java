package org.ronghe.partylife.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.review.Grade;
import org.ronghe.partylife.review.Review;
import org.ronghe.partylife.review.Reviews;
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
 * Gives the demo district its democratic reviews of the last full year at the first start, after the meetings: most
 * branches (about one in eight has none) opened, voted on paper, and decided through the aggregate and its store, in
 * chunks. The vote is shaped like a real one: nearly everyone 合格, a few members many 优秀 votes, now and then
 * 基本合格; the decision follows the vote within the cap of a third, and cites the branch's DEMOCRATIC_REVIEW meeting
 * when the demo has one. {@code ronghe.demo.reviews=false} leaves them out. A marker row records that it ran.
 */
@Component
@Order(56)
class DemoReviews implements ApplicationRunner {

    static final String MARKER = "demo.reviews";
    static final long SEED = 20_261_201L;
    static final int CHUNK = 200;
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);
    private static final String[] SELF = {"本年度认真学习党的理论，按时参加组织生活，完成本职工作，联系群众还不够经常。",
            "积极参加结对社区走访和志愿服务，理论学习的深度有待提高。", "严格遵守党的纪律，服务群众主动性还需加强。"};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final Reviews reviews;
    private final ComplianceBook book;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoReviews(JdbcClient jdbc, DemoMarkers markers, Reviews reviews, ComplianceBook book, Audit audit, Clock clock,
                TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean seed,
                @Value("${ronghe.demo.reviews:true}") boolean reviews1) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.reviews = reviews;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = seed && reviews1;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER) || jdbc.sql("SELECT COUNT(*) FROM review").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        int count = seed();
        log.info("Demo reviews seeded in {} ms: {} reviews decided", (System.nanoTime() - started) / 1_000_000, count);
    }

    int seed() {
        Random random = new Random(SEED);
        int year = book.today().getYear() - 1;
        // Decided in January after the year, at the branch's review meeting when the demo has one.
        Instant decidedAt = LocalDate.of(year + 1, 1, 20).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Instant now = clock.instant();
        Instant when = decidedAt.isAfter(now) ? now : decidedAt;
        Map<Long, List<Review.OnRoll>> rolls = new HashMap<>();
        // The review's roll: the branch's own members and those of its party groups.
        jdbc.sql("""
                SELECT m.id, m.code, m.status, CASE WHEN o.kind = 'GROUP' THEN o.parent_id ELSE o.id END AS org
                FROM member m JOIN party_org o ON o.id = m.party_org_id ORDER BY m.code""").query(rs -> {
            rolls.computeIfAbsent(rs.getLong(4), k -> new ArrayList<>())
                    .add(new Review.OnRoll(rs.getLong(1), rs.getString(2), "FULL".equals(rs.getString(3))));
        });
        Map<Long, Long> meetings = new HashMap<>();
        jdbc.sql("""
                SELECT party_org_id, MAX(id) FROM meeting WHERE kind = 'DEMOCRATIC_REVIEW' AND held_on BETWEEN :from AND :to
                GROUP BY party_org_id""").param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 3, 31))
                .query(rs -> {
                    meetings.put(rs.getLong(1), rs.getLong(2));
                });
        List<Long> branches = jdbc.sql("SELECT id FROM party_org WHERE kind = 'BRANCH' AND (dissolved_on IS NULL OR dissolved_on > :d) "
                + "ORDER BY code").param("d", LocalDate.of(year, 12, 31)).query(Long.class).list();
        List<Review> made = new ArrayList<>();
        Map<Review, List<Review.SelfReviewed>> selves = new HashMap<>();
        for (long branch : branches) {
            List<Review.OnRoll> roll = rolls.getOrDefault(branch, List.of());
            if (roll.stream().noneMatch(Review.OnRoll::full) || random.nextInt(8) == 0) {
                continue;
            }
            Review review = Review.open(branch, year, roll, ACTOR, null, when.minus(Duration.ofDays(30)));
            List<Review.SelfReviewed> written = new ArrayList<>();
            for (Review.OnRoll m : roll) {
                if (random.nextInt(10) > 0) {
                    written.add(review.writeSelfReview(m.code(), SELF[random.nextInt(SELF.length)], ACTOR, when.minus(Duration.ofDays(20))));
                }
            }
            review.startVoting(ACTOR, when.minus(Duration.ofDays(1)));
            int ballots = Math.max(1, roll.size() - random.nextInt(Math.max(1, roll.size() / 6 + 1)));
            review.recordPaperVote(ballots, paperVote(roll, ballots, random), ACTOR, when.minus(Duration.ofHours(2)));
            review.decide(decision(review), meetings.get(branch), ACTOR, when);
            made.add(review);
            selves.put(review, written);
        }
        for (int i = 0; i < made.size(); i += CHUNK) {
            List<Review> chunk = made.subList(i, Math.min(made.size(), i + CHUNK));
            boolean lastChunk = i + CHUNK >= made.size();
            transactions.executeWithoutResult(status -> {
                reviews.insertAll(chunk);
                chunk.forEach(r -> reviews.insertSelfReviews(r.id(), selves.get(r)));
                if (lastChunk) {
                    audit.record(Audit.Entry.change("DEMO_REVIEWS_SEEDED", "review", null, null, Map.of("reviews", made.size(), "year", year)));
                    markers.set(MARKER, String.valueOf(made.size()));
                }
            });
        }
        if (made.isEmpty()) {
            transactions.executeWithoutResult(status -> markers.set(MARKER, "0"));
        }
        return made.size();
    }

    /** A paper vote: a few members are everyone's 优秀, now and then one gets many 基本合格, most are 合格. */
    private static List<Review.PaperCount> paperVote(List<Review.OnRoll> roll, int ballots, Random random) {
        List<Review.PaperCount> counts = new ArrayList<>();
        for (Review.OnRoll m : roll) {
            if (!m.full()) {
                continue;
            }
            int kind = random.nextInt(20);
            int excellent = kind < 4 ? ballots / 2 + random.nextInt(ballots / 2 + 1) : random.nextInt(Math.max(1, ballots / 5));
            int basic = kind == 19 ? ballots / 2 + 1 : random.nextInt(2);
            basic = Math.min(basic, ballots - excellent);
            int qualified = Math.max(0, ballots - excellent - basic - random.nextInt(2));
            counts.add(new Review.PaperCount(m.code(), excellent, qualified, basic, 0));
        }
        return counts;
    }

    /** The branch follows the vote, giving 优秀 to those with most 优秀 votes within the cap, the rest 合格. */
    private static Map<Grade, List<String>> decision(Review review) {
        Map<Grade, List<String>> by = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            by.put(g, new ArrayList<>());
        }
        List<Review.OnRoll> full = review.roll().stream().filter(Review.OnRoll::full).toList();
        List<Review.OnRoll> byExcellent = new ArrayList<>(full);
        byExcellent.sort((a, b) -> Integer.compare(review.paper().get(b.id()).excellent(), review.paper().get(a.id()).excellent()));
        int excellent = 0;
        for (Review.OnRoll m : byExcellent) {
            Grade proposed = review.paper().get(m.id()).proposed();
            Grade grade = proposed == null ? Grade.QUALIFIED : proposed;
            if (grade == Grade.EXCELLENT && excellent++ >= review.excellentCap()) {
                grade = Grade.QUALIFIED;
            }
            by.get(grade).add(m.code());
        }
        return by;
    }
}
