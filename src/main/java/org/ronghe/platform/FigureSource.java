package org.ronghe.platform;

import java.util.List;

/**
 * A module's contribution to {@code GET /api/v1/figures} and the home page. Every figure is
 * counted from records within the caller's scope and names the list that shows those records.
 */
public interface FigureSource {

    List<Figure> figures(CurrentUser user);

    /**
     * @param key   JSON key, e.g. {@code communities}
     * @param value a count, or a rate between 0 and 1 (keys ending in {@code Rate}); {@code null} when
     *              a rate has nothing to count yet
     * @param link  the page that lists the records counted
     */
    record Figure(String key, Number value, String link) {

        public boolean rate() {
            return key.endsWith("Rate");
        }
    }
}
