package org.ronghe.visits.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.SqlWhere;
import org.ronghe.visits.VisitBoard;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The dashboard's visit figures: coverage from the tallies ({@link Coverage}), visits per month in one grouped query. */
@Service
class VisitBoardQueries implements VisitBoard {

    private final JdbcClient jdbc;
    private final VisitScopes scopes;
    private final Coverage coverage;

    VisitBoardQueries(JdbcClient jdbc, VisitScopes scopes, Coverage coverage) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.coverage = coverage;
    }

    @Override
    public List<CommunityCoverage> coverageByCommunity(CurrentUser user) {
        return coverage.all(scopes.of(user), null, Coverage.By.COMMUNITY).stream()
                .map(row -> new CommunityCoverage(row.id(), row.code(), row.name(), row.households(), row.visited(), row.coverage(),
                        "/visits/households?community=" + row.code()))
                .toList();
    }

    @Override
    public List<MonthCount> visitsPerMonth(CurrentUser user, int year) {
        VisitScope scope = scopes.of(user);
        LocalDate first = LocalDate.of(year, 1, 1);
        SqlWhere where = new SqlWhere().and(scope.visits("v"))
                .and("v.visited_on >= :first AND v.visited_on <= :last", Map.of("first", first, "last", first.withDayOfYear(first.lengthOfYear())));
        long[] counts = new long[13];
        jdbc.sql("SELECT EXTRACT(MONTH FROM v.visited_on) AS mo, COUNT(*) FROM visit v" + where.sql()
                        + " GROUP BY EXTRACT(MONTH FROM v.visited_on)")
                .paramSource(where.params())
                .query(rs -> {
                    counts[rs.getInt(1)] = rs.getLong(2);
                });
        List<MonthCount> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate start = first.withMonth(m);
            months.add(new MonthCount(m, counts[m], "/visits/list?from=" + start + "&to=" + start.plusMonths(1).minusDays(1)));
        }
        return months;
    }
}
