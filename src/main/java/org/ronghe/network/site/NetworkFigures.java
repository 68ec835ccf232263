package org.ronghe.network.site;

import java.util.ArrayList;
import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service network's figures: the open centres, in all and per level, and the temporary points on record.
 * The network is public service information, so every reader counts the same records as the lists show them.
 */
@Component
@Order(70)
class NetworkFigures implements FigureSource {

    private final ServiceCentres centres;
    private final TemporaryPoints points;

    NetworkFigures(ServiceCentres centres, TemporaryPoints points) {
        this.centres = centres;
        this.points = points;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("serviceCentres", centres.count(new ServiceCentres.Filter(null, null, null, ServiceCentre.State.OPEN, null)),
                "/network/centres?state=OPEN"));
        for (CentreLevel level : CentreLevel.values()) {
            String key = "serviceCentres" + level.name().charAt(0) + level.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            figures.add(new Figure(key, centres.count(new ServiceCentres.Filter(level, null, null, ServiceCentre.State.OPEN, null)),
                    "/network/centres?state=OPEN&level=" + level.name()));
        }
        figures.add(new Figure("temporaryPoints", points.count(TemporaryPoints.Filter.none()), "/network/points"));
        return figures;
    }
}
