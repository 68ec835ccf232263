package org.ronghe.partylife.responsibility;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Responsibility letters in the reader's scope (signed ones apart) and their duty items not withdrawn (fulfilled
 * ones apart), each counted with the query of the list it links to.
 */
@Component
@Order(56)
class ResponsibilityFigures implements FigureSource {

    private final Responsibilities reads;
    private final Letters letters;
    private final DutyFulfilment fulfilment;

    ResponsibilityFigures(Responsibilities reads, Letters letters, DutyFulfilment fulfilment) {
        this.reads = reads;
        this.letters = letters;
        this.fulfilment = fulfilment;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        ResponsibilityScope scope = reads.scopeOf(user);
        List<DutyFulfilment.ItemView> items = fulfilment.items(scope, Letters.Filter.none(), null).stream()
                .filter(i -> i.status() != ItemStatus.WITHDRAWN).toList();
        return List.of(
                new Figure("responsibilityLetters", letters.count(scope, Letters.Filter.none()), "/responsibilities"),
                new Figure("lettersSigned", letters.count(scope, new Letters.Filter(null, null, LetterState.SIGNED)),
                        "/responsibilities?state=SIGNED"),
                new Figure("dutyItems", items.size(), "/responsibilities/items"),
                new Figure("dutyItemsFulfilled", items.stream().filter(i -> i.status() == ItemStatus.FULFILLED).count(),
                        "/responsibilities/items?status=FULFILLED"));
    }
}
