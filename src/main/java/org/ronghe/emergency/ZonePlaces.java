package org.ronghe.emergency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.ronghe.visits.Compounds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places of an emergency's current zone that stationing covers: every street touched by the zone, every zone
 * community (a grid area counts its community), every compound the household register knows in the zone (a grid
 * area: the compounds of that grid's households). Two queries: the zone, and the compounds (asked of visits).
 */
@Component
class ZonePlaces {

    record Street(long id, String code, String name) {
    }

    record Community(long id, String code, String name, Street street) {
    }

    record Compound(Community community, String name, long households) {
    }

    /** The zone's places, streets and communities in code order, compounds by community and name. */
    record Zone(List<Street> streets, List<Community> communities, List<Compound> compounds) {

        Street street(String code) {
            return streets.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }

        Community community(String code) {
            return communities.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        Compound compound(String communityCode, String name) {
            return compounds.stream().filter(c -> c.community().code().equals(communityCode) && c.name().equals(name))
                    .findFirst().orElse(null);
        }
    }

    private final JdbcClient jdbc;
    private final Compounds compounds;

    ZonePlaces(JdbcClient jdbc, Compounds compounds) {
        this.jdbc = jdbc;
        this.compounds = compounds;
    }

    Zone of(long emergencyId) {
        return of(emergencyId, null);
    }

    /**
     * The zone with the compounds of one community only ({@code null}: of every community): placing one stationing
     * must not group the households of a whole district's zone.
     */
    Zone of(long emergencyId, String onlyCommunity) {
        record AreaRow(Long grid, Community community) {
        }
        List<AreaRow> areas = jdbc.sql("""
                        SELECT a.grid_id, c.id, c.code, c.name, st.id, st.code, st.name FROM emergency_area a
                        JOIN community c ON c.id = a.community_id JOIN street st ON st.id = c.street_id
                        WHERE a.emergency_id = :e AND a.until IS NULL ORDER BY c.code""")
                .param("e", emergencyId)
                .query((rs, n) -> new AreaRow(rs.getObject(1, Long.class), new Community(rs.getLong(2), rs.getString(3), rs.getString(4),
                        new Street(rs.getLong(5), rs.getString(6), rs.getString(7)))))
                .list();
        Map<Long, Community> communities = new LinkedHashMap<>();
        Map<Long, Street> streets = new LinkedHashMap<>();
        Set<Long> whole = new LinkedHashSet<>();
        Set<Long> grids = new LinkedHashSet<>();
        for (AreaRow area : areas) {
            communities.putIfAbsent(area.community().id(), area.community());
            streets.putIfAbsent(area.community().street().id(), area.community().street());
            if (onlyCommunity != null && !onlyCommunity.equals(area.community().code())) {
                continue;
            }
            if (area.grid() == null) {
                whole.add(area.community().id());
            } else {
                grids.add(area.grid());
            }
        }
        List<Compound> found = new ArrayList<>();
        for (Compounds.Compound c : compounds.in(whole, grids)) {
            found.add(new Compound(communities.get(c.communityId()), c.name(), c.households()));
        }
        List<Street> streetList = new ArrayList<>(streets.values());
        streetList.sort(java.util.Comparator.comparing(Street::code));
        return new Zone(streetList, List.copyOf(communities.values()), found);
    }

    /** Whether a reader below the committee sees a street row: the street holds one of their communities in the zone. */
    static boolean sees(DataScope scope, Zone zone, Street street) {
        return scope.all() || zone.communities().stream().anyMatch(c -> c.street().id() == street.id() && scope.seesCommunity(c.id()));
    }

    /**
     * The SQL predicate of the stationings a reader sees ({@code alias} the stationing table): those at their
     * communities and their compounds, and a leader's at a street that holds one of their communities.
     */
    static SqlClause stationings(DataScope scope, String alias) {
        if (scope.all()) {
            return SqlClause.TRUE;
        }
        if (scope.communities().isEmpty()) {
            return SqlClause.FALSE;
        }
        return new SqlClause("(" + alias + ".community_id IN (:scope_sc) OR (" + alias + ".level = 'STREET' AND " + alias
                + ".street_id IN (SELECT scs.street_id FROM community scs WHERE scs.id IN (:scope_sc))))",
                Map.of("scope_sc", scope.communities()));
    }
}
