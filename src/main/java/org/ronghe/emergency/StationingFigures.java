package org.ronghe.emergency;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.PageQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * People stationed (district leaders and members with a stationing not withdrawn) and communities covered by a
 * division-level cadre, each counted by the query of the list page it links to, within the reader's scope.
 */
@Component
@Order(71)
class StationingFigures implements FigureSource {

    private static final PageQuery ONE = PageQuery.of(0, 1);

    private final StationingQueries queries;

    StationingFigures(StationingQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        return List.of(
                new Figure("stationedCadres", queries.cadres(user, ONE).total(), "/emergencies/stationed-cadres"),
                new Figure("coveredCommunities", queries.covered(user, ONE).total(), "/emergencies/covered-communities"));
    }
}
