package org.ronghe.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a list together with the total, so a client can page without counting again. Over very
 * large lists the total is only counted up to a cap ({@code exact} is then false and the total a lower
 * bound): a filter narrows the list faster than anyone can page through ten thousand rows.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean exact) {

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total, true);
    }

    /** A page of a list of which at least {@code total} rows exist. */
    public static <T> PageResult<T> atLeast(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total, false);
    }

    @JsonProperty
    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }
}
