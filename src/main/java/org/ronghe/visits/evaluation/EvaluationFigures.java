package org.ronghe.visits.evaluation;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The ratings the person sees, counted with the list's own predicate, linking to that list. */
@Component
@Order(40)
class EvaluationFigures implements FigureSource {

    static final String LINK = "/evaluations/list";

    private final EvaluationQueries queries;

    EvaluationFigures(EvaluationQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        return List.of(new Figure("evaluations", queries.count(user), LINK));
    }
}
