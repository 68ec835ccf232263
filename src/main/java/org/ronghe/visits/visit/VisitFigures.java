package org.ronghe.visits.visit;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of household visits, each counted with the scope of the list it links to: the party
 * organisations and members who visited (the coverage lists), the households visited and followed up
 * (the household list), the problems heard and resolved (the problem list).
 */
@Component
@Order(30)
class VisitFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final VisitScopes scopes;
    private final Coverage coverage;

    VisitFigures(JdbcClient jdbc, VisitScopes scopes, Coverage coverage) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.coverage = coverage;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        VisitScope scope = scopes.of(user);
        SqlClause visits = scope.visits("v");
        SqlClause problems = scope.visits("p");
        return List.of(
                new Figure("campaigns", count("SELECT COUNT(*) FROM visit_campaign", SqlClause.TRUE), "/visits/campaigns"),
                new Figure("visitingOrgs", coverage.count(scope, Coverage.By.PARTY_ORG), "/visits/coverage?by=party-org"),
                new Figure("visitingMembers", coverage.count(scope, Coverage.By.MEMBER), "/visits/coverage?by=member"),
                new Figure("householdsVisited", count("SELECT COUNT(DISTINCT v.household_id) FROM visit v WHERE " + visits.sql(), visits),
                        "/visits/households?visited=true"),
                new Figure("problemsHeard", count("SELECT COUNT(*) FROM visit_problem p WHERE " + problems.sql(), problems), "/visits/problems"),
                new Figure("problemsResolved", count("SELECT COUNT(*) FROM visit_problem p WHERE p.resolved AND " + problems.sql(), problems),
                        "/visits/problems?resolved=true"),
                new Figure("householdsFollowedUp", count("SELECT COUNT(DISTINCT p.household_id) FROM visit_problem p WHERE p.state = 'FOLLOWED_UP'"
                        + " AND " + problems.sql(), problems), "/visits/households?followedUp=true"));
    }

    private long count(String sql, SqlClause clause) {
        return jdbc.sql(sql).params(clause.params()).query(Long.class).single();
    }
}
