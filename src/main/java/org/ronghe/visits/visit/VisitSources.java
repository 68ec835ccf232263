package org.ronghe.visits.visit;

import java.util.Optional;

import org.ronghe.calls.CallSources;
import org.ronghe.platform.CurrentUser;
import org.ronghe.visits.VisitScopes;
import org.springframework.stereotype.Component;

/** A call raised on a visit links back to the visit, for whoever may open the visit. */
@Component
class VisitSources implements CallSources {

    private final Visits visits;
    private final VisitScopes scopes;

    VisitSources(Visits visits, VisitScopes scopes) {
        this.visits = visits;
        this.scopes = scopes;
    }

    @Override
    public Optional<Source> of(CurrentUser user, long callId) {
        return visits.problemOfCall(callId)
                .flatMap(located -> visits.problemRow(located.problem().id()))
                .flatMap(problem -> visits.visit(scopes.of(user), problem.visitId()))
                .map(visit -> new Source("source.visit", visit.householdAddress() + " · " + visit.visitedOn() + " · " + visit.visitor(),
                        "/visits/" + visit.id()));
    }
}
