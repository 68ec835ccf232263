package org.ronghe.platform.web;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.stereotype.Component;

/** Collects the figures every module contributes, in a stable order. */
@Component
class Figures {

    private final List<FigureSource> sources;

    Figures(List<FigureSource> sources) {
        this.sources = sources;
    }

    List<FigureSource.Figure> of(CurrentUser user) {
        return sources.stream().flatMap(s -> s.figures(user).stream()).toList();
    }
}
