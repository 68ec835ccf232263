package org.ronghe.visits.household;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.visits.Compounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The compounds as the households name them (index household_compound serves the grouping per community). */
@Component
class HouseholdCompounds implements Compounds {

    private final JdbcClient jdbc;

    HouseholdCompounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Compound> in(Collection<Long> communities, Collection<Long> grids) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (communities != null && !communities.isEmpty()) {
            terms.add("h.community_id IN (:communities)");
            params.put("communities", communities);
        }
        if (grids != null && !grids.isEmpty()) {
            terms.add("h.grid_id IN (:grids)");
            params.put("grids", grids);
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT h.community_id, TRIM(h.compound) AS compound, COUNT(*) FROM household h WHERE ("
                        + String.join(" OR ", terms) + ") AND h.compound IS NOT NULL AND TRIM(h.compound) <> ''"
                        + " GROUP BY h.community_id, TRIM(h.compound) ORDER BY h.community_id, compound")
                .params(params).query((rs, n) -> new Compound(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }
}
