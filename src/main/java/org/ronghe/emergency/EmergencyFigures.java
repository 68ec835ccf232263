package org.ronghe.emergency;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.PageQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Emergencies, temporary branches founded, commando and vanguard teams, and members who reported for duty, each
 * counted by the query of the list it links to, within the reader's scope.
 */
@Component
@Order(70)
class EmergencyFigures implements FigureSource {

    private static final PageQuery ONE = PageQuery.of(0, 1);

    private final EmergencyQueries queries;

    EmergencyFigures(EmergencyQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        return List.of(
                new Figure("emergencies", queries.list(user, null, ONE).total(), "/emergencies"),
                new Figure("temporaryBranches", queries.branches(user, null, true, ONE).total(),
                        "/emergencies/temporary-branches?founded=true"),
                new Figure("commandoTeams", queries.teams(user, null, "COMMANDO", ONE).total(), "/emergencies/teams?kind=COMMANDO"),
                new Figure("vanguardTeams", queries.teams(user, null, "VANGUARD", ONE).total(), "/emergencies/teams?kind=VANGUARD"),
                new Figure("mobilisedMembers", queries.mobilised(user, ONE).total(), "/emergencies/mobilised-members"));
    }
}
