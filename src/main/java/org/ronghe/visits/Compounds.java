package org.ronghe.visits;

import java.util.Collection;
import java.util.List;

/**
 * The compounds (小区) the household register knows: the distinct non-blank {@code compound} of households. Emergency
 * stationing posts three-person teams to them, so it asks here instead of reading the households itself.
 */
public interface Compounds {

    /**
     * The compounds of the households of whole {@code communities} and of single {@code grids}, one row per community
     * and compound, ordered by community and name; one set-based query.
     */
    List<Compound> in(Collection<Long> communities, Collection<Long> grids);

    /** A compound of a community and how many households the register has in it. */
    record Compound(long communityId, String name, long households) {
    }
}
