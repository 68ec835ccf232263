package org.ronghe.directory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.TimedCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory as other modules ask it: where a community is, who answers for a category, which
 * leaders liaise with a street. Small read-only lookups by code or id.
 */
@Service
public class Directory {

    private static final String COMMUNITY = """
            SELECT c.id, c.code, c.name, s.id AS street_id, s.code AS street_code, s.name AS street_name
            FROM community c JOIN street s ON s.id = c.street_id""";

    private final JdbcClient jdbc;
    private final TimedCache<Object, Object> cache = new TimedCache<>(Duration.ofMinutes(1));

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @org.springframework.context.event.EventListener
    void on(DirectoryChanged changed) {
        cache.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String kind, Object key, java.util.function.Supplier<T> loader) {
        return (T) cache.get(kind + ":" + key, k -> loader.get());
    }

    public Optional<CommunityRef> community(String code) {
        return cached("community", code, () -> communities(" WHERE c.code = :v", code).stream().findFirst());
    }

    public Optional<CommunityRef> community(long id) {
        return cached("communityId", id, () -> communities(" WHERE c.id = :v", id).stream().findFirst());
    }

    /** The community a grid belongs to, with the grid's id. */
    public Optional<GridRef> grid(String code) {
        return jdbc.sql("SELECT g.id, g.code, g.name, g.community_id FROM grid g WHERE g.code = :c").param("c", code)
                .query((rs, n) -> new GridRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /** The community whose centroid is nearest to a point (until community boundaries are loaded). */
    public Optional<CommunityRef> nearestCommunity(double latitude, double longitude) {
        return jdbc.sql(COMMUNITY + """
                         WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL
                        ORDER BY (c.latitude - :lat) * (c.latitude - :lat) + (c.longitude - :lng) * (c.longitude - :lng)
                        LIMIT 1""")
                .param("lat", latitude).param("lng", longitude)
                .query(Directory::community).optional();
    }

    /** The community named in an address (the longest community name the address contains). */
    public Optional<CommunityRef> communityInAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(COMMUNITY + " WHERE POSITION(c.name IN :a) > 0 OR POSITION(REPLACE(c.name, '社区', '') IN :a) > 0"
                        + " ORDER BY LENGTH(c.name) DESC LIMIT 1")
                .param("a", address)
                .query(Directory::community).optional();
    }

    /** The communities a scope sees that have a place on the map (their centroid), for the dashboard's map. */
    public List<PlacedCommunity> placedCommunities(DataScope scope) {
        var visible = scope.communities("c.id");
        return jdbc.sql("SELECT c.id, c.code, c.name, s.name, c.latitude, c.longitude FROM community c JOIN street s ON s.id = c.street_id"
                        + " WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL AND " + visible.sql() + " ORDER BY c.code")
                .params(visible.params())
                .query((rs, n) -> new PlacedCommunity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                        rs.getDouble(6)))
                .list();
    }

    public List<CommunityRef> communitiesOfStreet(long streetId) {
        return communities(" WHERE s.id = :v ORDER BY c.code", streetId);
    }

    /** The organs whose duties include the category: exactly one means the call routes itself. */
    public List<OrganRef> organsAnswering(String categoryCode) {
        return cached("answering", categoryCode, () -> jdbc.sql("""
                        SELECT o.id, o.code, o.name FROM organ o JOIN organ_duty d ON d.organ_id = o.id
                        WHERE d.category_code = :c ORDER BY o.code""")
                .param("c", categoryCode).query(Directory::organ).list());
    }

    public Optional<OrganRef> organ(String code) {
        return cached("organ", code, () -> jdbc.sql("SELECT id, code, name FROM organ WHERE code = :c").param("c", code)
                .query(Directory::organ).optional());
    }

    public Optional<OrganRef> organ(long id) {
        return cached("organId", id, () -> jdbc.sql("SELECT id, code, name FROM organ WHERE id = :c").param("c", id)
                .query(Directory::organ).optional());
    }

    public List<OrganRef> organs() {
        return jdbc.sql("SELECT id, code, name FROM organ ORDER BY code").query(Directory::organ).list();
    }

    public Map<Long, String> organNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM organ WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    public Optional<StreetRef> street(String code) {
        return jdbc.sql("SELECT id, code, name FROM street WHERE code = :c").param("c", code)
                .query((rs, n) -> new StreetRef(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    public List<StreetRef> streets() {
        return jdbc.sql("SELECT id, code, name FROM street ORDER BY code")
                .query((rs, n) -> new StreetRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public List<CommunityRef> communities() {
        return communities(" ORDER BY c.code", null);
    }

    /** The communities a scope sees, for a form's choice of community. */
    public List<CommunityRef> communities(DataScope scope) {
        return scope.all() ? communities() : communities().stream().filter(c -> scope.seesCommunity(c.id())).toList();
    }

    /** The leaders currently liaising with a street: where a call's second escalation goes. */
    public List<Long> liaisonLeaders(long streetId) {
        return cached("liaison", streetId, () -> jdbc.sql(
                        "SELECT leader_id FROM liaison WHERE street_id = :s AND ended_on IS NULL ORDER BY leader_id")
                .param("s", streetId).query(Long.class).list());
    }

    public Optional<Long> leaderId(String code) {
        return jdbc.sql("SELECT id FROM leader WHERE code = :c").param("c", code).query(Long.class).optional();
    }

    public List<CategoryRef> categories() {
        return jdbc.sql("SELECT code, name FROM category ORDER BY code")
                .query((rs, n) -> new CategoryRef(rs.getString(1), rs.getString(2))).list();
    }

    public Optional<CategoryRef> category(String code) {
        return cached("category", code, () -> jdbc.sql("SELECT code, name FROM category WHERE code = :c").param("c", code)
                .query((rs, n) -> new CategoryRef(rs.getString(1), rs.getString(2))).optional());
    }

    private List<CommunityRef> communities(String where, Object value) {
        var spec = jdbc.sql(COMMUNITY + where);
        if (value != null) {
            spec = spec.param("v", value);
        }
        return spec.query(Directory::community).list();
    }

    private static CommunityRef community(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CommunityRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("street_id"),
                rs.getString("street_code"), rs.getString("street_name"));
    }

    private static OrganRef organ(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OrganRef(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    public record CommunityRef(long id, String code, String name, long streetId, String streetCode, String streetName) {
    }

    public record PlacedCommunity(long id, String code, String name, String streetName, double latitude, double longitude) {
    }

    public record GridRef(long id, String code, String name, long communityId) {
    }

    public record StreetRef(long id, String code, String name) {
    }

    public record OrganRef(long id, String code, String name) {
    }

    public record CategoryRef(String code, String name) {
    }
}
