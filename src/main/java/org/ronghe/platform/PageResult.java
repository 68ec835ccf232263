package org.ronghe.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a list together with the total, so a client can page without counting again. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total);
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
