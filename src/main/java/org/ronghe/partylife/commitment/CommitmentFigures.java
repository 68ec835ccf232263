package org.ronghe.partylife.commitment;

import java.util.List;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This year's measurable commitments in the reader's party life scope and, of those, the fulfilled ones — counted
 * with the query of the commitments list each links to.
 */
@Component
@Order(56)
class CommitmentFigures implements FigureSource {

    private final CommitmentDesk desk;
    private final CommitmentQueries queries;
    private final ComplianceBook book;

    CommitmentFigures(CommitmentDesk desk, CommitmentQueries queries, ComplianceBook book) {
        this.desk = desk;
        this.queries = queries;
        this.book = book;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        PartyLifeScope scope = desk.scopeOf(user);
        int year = book.today().getYear();
        return List.of(
                new Figure("commitments", queries.count(scope, new CommitmentQueries.Filter(null, null, null, null, year, true, null)),
                        "/commitments?year=" + year + "&measurable=true"),
                new Figure("commitmentsFulfilled", queries.count(scope, new CommitmentQueries.Filter(null, null, null, null, year, null, true)),
                        "/commitments?year=" + year + "&fulfilled=true"));
    }
}
