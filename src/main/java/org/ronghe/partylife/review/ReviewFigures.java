package org.ronghe.partylife.review;

import java.util.List;

import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Democratic reviews decided in the reader's scope and the members they graded, counted with the queries of the
 * reviews list they link to (the list shows each review's graded members).
 */
@Component
@Order(56)
class ReviewFigures implements FigureSource {

    static final String LINK = "/reviews?state=DECIDED";

    private final ReviewDesk desk;
    private final Reviews reviews;

    ReviewFigures(ReviewDesk desk, Reviews reviews) {
        this.desk = desk;
        this.reviews = reviews;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        PartyLifeScope scope = desk.scopeOf(user);
        Reviews.Filter decided = new Reviews.Filter(null, null, ReviewState.DECIDED, null);
        return List.of(
                new Figure("reviewsDecided", reviews.count(scope, decided), LINK),
                new Figure("membersReviewed", reviews.graded(scope, decided), LINK));
    }
}
