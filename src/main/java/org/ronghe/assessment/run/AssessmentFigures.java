package org.ronghe.assessment.run;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ronghe.assessment.Grade;
import org.ronghe.assessment.Subject;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The organs assessed in this year's current run (its latest published run, else its latest run: the rule of
 * {@code AssessmentResults}) and how many got each grade, within the reader's scope (an organ's secretary: their
 * organ), each linking to the run's page filtered the same way. Roles that see no results get none of these.
 */
@Component
@Order(60)
class AssessmentFigures implements FigureSource {

    private final Runs runs;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentFigures(Runs runs, Clock clock, @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.runs = runs;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        String organ;
        if (user.role().seesWholeTree()) {
            organ = null;
        } else if (user.role() == Role.ORGAN_SECRETARY) {
            organ = user.scopeCode();
        } else {
            return List.of();
        }
        Optional<Runs.Run> run = runs.current(LocalDate.now(clock.withZone(zone)).getYear());
        List<Runs.Result> results = run.map(r -> runs.results(r.id(), Subject.Kind.ORGAN, organ, null)).orElse(List.of());
        String page = run.map(r -> "/assessments/" + r.id() + "?kind=ORGAN").orElse("/assessments");
        String and = run.isPresent() ? "&" : "?";
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("assessedOrgans", results.size(), page));
        String[] keys = {"gradeGood", "gradeFairlyGood", "gradeAverage", "gradePoor"};
        for (Grade g : Grade.values()) {
            long count = results.stream().filter(r -> r.grade() == g).count();
            figures.add(new Figure(keys[g.ordinal()], count, page + and + "grade=" + g.name()));
        }
        return figures;
    }
}
