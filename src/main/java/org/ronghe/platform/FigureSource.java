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
     * @param value a count, or a share between 0 and 1; {@code null} when a share has nothing to count yet
     * @param link  the page that lists the records counted
     * @param share whether the value is a share (shown as a percentage): keys ending in {@code Rate} are, and a
     *              figure whose key the issue named otherwise (e.g. {@code meetingCompliance}) says so itself
     */
    record Figure(String key, Number value, String link, boolean share) {

        public Figure(String key, Number value, String link) {
            this(key, value, link, key.endsWith("Rate"));
        }

        public boolean rate() {
            return share;
        }
    }
}
