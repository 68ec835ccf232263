package org.ronghe.visits.evaluation;

import static org.ronghe.visits.evaluation.EvaluationPeriods.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallOutcomes;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Role;
import org.ronghe.platform.SqlWhere;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading evaluations, each within the reader's scope: the work committee sees every rating; an organ's
 * secretary the ratings of its own organ and nothing of any other; street staff, community staff and
 * liaising leaders the ratings made by the communities they see; a member none.
 */
@Service
public class EvaluationQueries {

    private static final String FROM = """
             FROM evaluation e JOIN evaluation_period p ON p.id = e.period_id
            JOIN community m ON m.id = e.community_id JOIN organ o ON o.id = e.organ_id""";

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final Directory directory;
    private final EvaluationPeriods periods;
    private final CallOutcomes outcomes;
    private final Clock clock;

    EvaluationQueries(JdbcClient jdbc, DataScopes scopes, Directory directory, EvaluationPeriods periods, CallOutcomes outcomes,
                      Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.directory = directory;
        this.periods = periods;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    public record Ref(String code, String name) {
    }

    public record Row(long id, String period, Ref community, Ref organ, Grade grade, String gradeLabel, String remarks,
                      Instant ratedAt) {
    }

    public record Filter(String period, String organ, String community, String grade) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** The ratings a person may see, as SQL over the evaluation alias {@code e}. */
    public SqlClause scope(CurrentUser user) {
        Role role = user.role();
        if (role.seesWholeTree()) {
            return SqlClause.TRUE;
        }
        DataScope scope = scopes.of(user);
        return switch (role) {
            case ORGAN_SECRETARY -> scope.organs().isEmpty() ? SqlClause.FALSE : scope.organs("e.organ_id");
            case STREET_STAFF, COMMUNITY_STAFF, LEADER -> scope.communities().isEmpty() ? SqlClause.FALSE
                    : scope.communities("e.community_id");
            default -> SqlClause.FALSE;
        };
    }

    public PageResult<Row> page(CurrentUser user, Filter filter, PageQuery page) {
        SqlWhere where = where(user, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<Row> rows = total == 0 ? List.of() : jdbc.sql("""
                        SELECT e.id, p.code AS period_code, m.code AS community_code, m.name AS community_name, o.code AS organ_code,
                            o.name AS organ_name, e.grade, e.remarks, e.rated_at""" + FROM + where.sql()
                        + " ORDER BY p.starts_on DESC, p.code DESC, o.code, m.code LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page))
                .query((rs, n) -> {
                    Grade grade = Grade.valueOf(rs.getString("grade"));
                    return new Row(rs.getLong("id"), rs.getString("period_code"),
                            new Ref(rs.getString("community_code"), rs.getString("community_name")),
                            new Ref(rs.getString("organ_code"), rs.getString("organ_name")), grade, grade.label(),
                            rs.getString("remarks"), instant(rs, "rated_at"));
                })
                .list();
        return PageResult.of(rows, page, total);
    }

    /** How many ratings the person sees: the figure, counted with the list's own predicate. */
    public long count(CurrentUser user) {
        SqlWhere where = where(user, Filter.none());
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
    }

    private SqlWhere where(CurrentUser user, Filter f) {
        SqlWhere where = new SqlWhere().and(scope(user));
        where.eq("p.code", "f_period", f.period() == null ? null : f.period().trim().toUpperCase(java.util.Locale.ROOT));
        where.eq("o.code", "f_organ", f.organ());
        where.eq("m.code", "f_community", f.community());
        if (f.grade() != null && !f.grade().isBlank()) {
            where.eq("e.grade", "f_grade", Grade.parse(f.grade()).name());
        }
        return where;
    }

    /** One rating as its reader sees it, with its history. */
    public Row one(CurrentUser user, long id) {
        SqlWhere where = new SqlWhere().and(scope(user)).and("e.id = :id", Map.of("id", id));
        return jdbc.sql("""
                        SELECT e.id, p.code AS period_code, m.code AS community_code, m.name AS community_name, o.code AS organ_code,
                            o.name AS organ_name, e.grade, e.remarks, e.rated_at""" + FROM + where.sql())
                .paramSource(where.params())
                .query((rs, n) -> {
                    Grade grade = Grade.valueOf(rs.getString("grade"));
                    return new Row(rs.getLong("id"), rs.getString("period_code"),
                            new Ref(rs.getString("community_code"), rs.getString("community_name")),
                            new Ref(rs.getString("organ_code"), rs.getString("organ_name")), grade, grade.label(),
                            rs.getString("remarks"), instant(rs, "rated_at"));
                })
                .optional().orElseThrow(() -> new NotFoundException("评议", String.valueOf(id)));
    }

    // ---------------------------------------------------------------- periods

    public record PeriodView(String code, String name, LocalDate startsOn, LocalDate endsOn, LocalDate ratingClosesOn,
                             EvaluationPeriod.State state, boolean acceptsRatings, Instant openedAt, Instant closedAt) {
    }

    public List<PeriodView> periods() {
        LocalDate today = LocalDate.now(clock);
        return periods.all().stream().map(p -> view(p, today)).toList();
    }

    public PeriodView view(EvaluationPeriod p) {
        return view(p, LocalDate.now(clock));
    }

    public static PeriodView view(EvaluationPeriod p, LocalDate today) {
        return new PeriodView(p.code(), p.name(), p.startsOn(), p.endsOn(), p.ratingClosesOn(), p.state(),
                p.acceptsRatings(today), p.openedAt(), p.closedAt());
    }

    // ---------------------------------------------------------------- a community's form

    public record OrganToRate(Ref organ, Grade grade, String remarks, Instant ratedAt) {
    }

    /** The organs paired with the community now, each with the community's rating in the period, if any. */
    public List<OrganToRate> toRate(long periodId, long communityId) {
        return jdbc.sql("""
                        SELECT o.code, o.name, e.grade, e.remarks, e.rated_at
                        FROM pairing r JOIN organ o ON o.id = r.organ_id
                        LEFT JOIN evaluation e ON e.period_id = :p AND e.community_id = r.community_id AND e.organ_id = r.organ_id
                        WHERE r.community_id = :c AND r.ended_on IS NULL ORDER BY o.code""")
                .param("p", periodId).param("c", communityId)
                .query((rs, n) -> new OrganToRate(new Ref(rs.getString("code"), rs.getString("name")),
                        rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")), rs.getString("remarks"),
                        instant(rs, "rated_at")))
                .list();
    }

    // ---------------------------------------------------------------- the committee's view

    /**
     * @param score share of 满意 and 比较满意 among the ratings ({@code null} before the first)
     */
    public record Summary(Ref organ, long paired, long rated, long satisfied, long fairlySatisfied, long basicallySatisfied,
                          long unsatisfied, Double score) {

        static Summary of(Ref organ, long paired, long s, long f, long b, long u) {
            long rated = s + f + b + u;
            return new Summary(organ, paired, rated, s, f, b, u,
                    rated == 0 ? null : Math.round((double) (s + f) / rated * 10_000) / 10_000.0);
        }
    }

    /** Every organ's ratings in the period, counted per grade (the work committee). */
    public List<Summary> summary(CurrentUser user, String periodCode) {
        requireWholeTree(user);
        EvaluationPeriod period = period(periodCode);
        return jdbc.sql("""
                        SELECT o.code, o.name, COALESCE(r.n, 0) AS paired,
                            SUM(CASE WHEN e.grade = 'SATISFIED' THEN 1 ELSE 0 END) AS s,
                            SUM(CASE WHEN e.grade = 'FAIRLY_SATISFIED' THEN 1 ELSE 0 END) AS f,
                            SUM(CASE WHEN e.grade = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS b,
                            SUM(CASE WHEN e.grade = 'UNSATISFIED' THEN 1 ELSE 0 END) AS u
                        FROM organ o
                        LEFT JOIN (SELECT organ_id, COUNT(*) AS n FROM pairing WHERE ended_on IS NULL GROUP BY organ_id) r
                            ON r.organ_id = o.id
                        LEFT JOIN evaluation e ON e.organ_id = o.id AND e.period_id = :p
                        GROUP BY o.code, o.name, r.n ORDER BY o.code""")
                .param("p", period.id())
                .query((rs, n) -> Summary.of(new Ref(rs.getString("code"), rs.getString("name")), rs.getLong("paired"),
                        rs.getLong("s"), rs.getLong("f"), rs.getLong("b"), rs.getLong("u")))
                .list();
    }

    /** @param paired the community's current pairings; {@code rated}: how many of them it has rated in the period */
    public record Completion(Ref community, String street, long paired, long rated) {

        public boolean complete() {
            return rated >= paired;
        }
    }

    /** Per community with pairings: how many of its paired organs it has rated in the period (the work committee). */
    public List<Completion> completion(CurrentUser user, String periodCode) {
        requireWholeTree(user);
        EvaluationPeriod period = period(periodCode);
        return jdbc.sql("""
                        SELECT m.code, m.name, s.name AS street, COUNT(*) AS paired, COUNT(e.id) AS rated
                        FROM pairing r JOIN community m ON m.id = r.community_id JOIN street s ON s.id = m.street_id
                        LEFT JOIN evaluation e ON e.period_id = :p AND e.community_id = r.community_id AND e.organ_id = r.organ_id
                        WHERE r.ended_on IS NULL
                        GROUP BY m.code, m.name, s.name ORDER BY m.code""")
                .param("p", period.id())
                .query((rs, n) -> new Completion(new Ref(rs.getString("code"), rs.getString("name")), rs.getString("street"),
                        rs.getLong("paired"), rs.getLong("rated")))
                .list();
    }

    // ---------------------------------------------------------------- an organ's results

    public record CommunityResult(Ref community, boolean paired, Grade grade, String gradeLabel, String remarks, Instant ratedAt,
                                  CallOutcomes.Outcome calls) {
    }

    public record PeriodResults(PeriodView period, Summary summary, List<CommunityResult> communities) {
    }

    public record OrganResults(Ref organ, List<PeriodResults> periods) {
    }

    /**
     * An organ's ratings from each community paired with it (or that rated it in the period), beside the organ's
     * call outcomes in that community over the period. Only the organ's own secretary and the work committee
     * may read them.
     */
    public OrganResults organ(CurrentUser user, String organCode, String periodCode) {
        String code = organCode == null ? "" : organCode.trim();
        if (user.role() == Role.ORGAN_SECRETARY) {
            if (!code.equals(user.scopeCode())) {
                throw new OutOfScopeException("机关单位", EvaluationDesk.shorten(code));
            }
        } else if (!user.role().seesWholeTree()) {
            throw new AccessDeniedException("机关的评议结果只有本机关和区直机关工委可以查看");
        }
        Directory.OrganRef organ = directory.organ(code).orElseThrow(() -> new NotFoundException("机关单位", EvaluationDesk.shorten(code)));
        List<EvaluationPeriod> chosen = periodCode == null || periodCode.isBlank() ? periods.all() : List.of(period(periodCode));
        LocalDate today = LocalDate.now(clock);
        List<PeriodResults> results = new ArrayList<>();
        for (EvaluationPeriod p : chosen) {
            results.add(results(organ, p, today));
        }
        return new OrganResults(new Ref(organ.code(), organ.name()), results);
    }

    private PeriodResults results(Directory.OrganRef organ, EvaluationPeriod p, LocalDate today) {
        Map<String, CallOutcomes.Outcome> calls = new HashMap<>();
        outcomes.byCommunity(organ.id(), p.startsOn(), p.endsOn()).forEach(o -> calls.put(o.communityCode(), o));
        List<CommunityResult> rows = jdbc.sql("""
                        SELECT m.id, m.code, m.name, e.grade, e.remarks, e.rated_at,
                            CASE WHEN EXISTS (SELECT 1 FROM pairing r WHERE r.organ_id = :o AND r.community_id = m.id
                                              AND r.ended_on IS NULL) THEN 1 ELSE 0 END AS paired
                        FROM community m
                        LEFT JOIN evaluation e ON e.community_id = m.id AND e.organ_id = :o AND e.period_id = :p
                        WHERE e.id IS NOT NULL
                           OR m.id IN (SELECT r.community_id FROM pairing r WHERE r.organ_id = :o AND r.ended_on IS NULL)
                        ORDER BY m.code""")
                .param("o", organ.id()).param("p", p.id())
                .query((rs, n) -> {
                    Grade grade = rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade"));
                    return new CommunityResult(new Ref(rs.getString("code"), rs.getString("name")), rs.getInt("paired") == 1,
                            grade, grade == null ? null : grade.label(), rs.getString("remarks"), instant(rs, "rated_at"),
                            calls.getOrDefault(rs.getString("code"), CallOutcomes.Outcome.none(rs.getLong("id"), rs.getString("code"))));
                })
                .list();
        long[] g = new long[Grade.values().length];
        rows.stream().filter(r -> r.grade() != null).forEach(r -> g[r.grade().ordinal()]++);
        long paired = rows.stream().filter(CommunityResult::paired).count();
        return new PeriodResults(view(p, today), Summary.of(new Ref(organ.code(), organ.name()), paired, g[0], g[1], g[2], g[3]), rows);
    }

    private EvaluationPeriod period(String code) {
        return periods.byCode(code).orElseThrow(() -> new NotFoundException("评议期", EvaluationDesk.shorten(code)));
    }

    private static void requireWholeTree(CurrentUser user) {
        if (!user.role().seesWholeTree()) {
            throw new AccessDeniedException("评议汇总和完成情况只有区直机关工委可以查看");
        }
    }
}
