package org.ronghe.assessment.run;

import java.util.Optional;

import org.ronghe.assessment.AssessmentResults;
import org.ronghe.assessment.Subject;
import org.springframework.stereotype.Service;

/** The year's results from the stored runs: its latest published run, else its latest run. */
@Service
class StoredResults implements AssessmentResults {

    private final Runs runs;

    StoredResults(Runs runs) {
        this.runs = runs;
    }

    @Override
    public Optional<Ranking> of(int year, Subject.Kind kind) {
        return runs.current(year).map(run -> new Ranking(run.id(), run.year(), run.asOf(), run.state() == Runs.State.PUBLISHED,
                runs.results(run.id(), kind, null, null).stream()
                        .map(r -> new Result(r.subject(), r.rank(), r.total(), r.grade(), r.vetoed(), r.partyBuilding(), r.business(),
                                "/assessments/" + run.id() + "/subjects/" + r.subject().code() + "?kind=" + r.subject().kind()))
                        .toList()));
    }
}
