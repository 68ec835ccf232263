package org.ronghe.network.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The service centres, read by anyone signed in (public service information) and written one at a time. */
@Repository
public class ServiceCentres {

    private static final String FROM = " " + """
             FROM service_centre sc LEFT JOIN street s ON s.id = sc.street_id LEFT JOIN community c ON c.id = sc.community_id""";
    private static final String SELECT = """
            SELECT sc.id, sc.version, sc.code, sc.name, sc.centre_level, sc.street_id, s.code AS street_code, s.name AS street_name,
                   sc.community_id, c.code AS community_code, c.name AS community_name, sc.address, sc.latitude, sc.longitude,
                   sc.services, sc.opening_hours, sc.state, sc.created_at, sc.created_by, sc.closed_at """ + FROM;

    private final JdbcClient jdbc;
    private final SiteRecords records;

    ServiceCentres(JdbcClient jdbc, SiteRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /**
     * @param street    a street code: the street's centre and those of its communities
     * @param q         part of the name, code, address or services
     */
    public record Filter(CentreLevel level, String street, String community, ServiceCentre.State state, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    public PageResult<ServiceCentre> page(Filter filter, PageQuery page) {
        SqlWhere where = where(filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<ServiceCentre> rows = withStaff(jdbc.sql(SELECT + where.sql() + " ORDER BY sc.centre_level, sc.code LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page)).query((rs, n) -> centre(rs, List.of())).list());
        return PageResult.of(rows, page, total);
    }

    public long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
    }

    /** Every centre matching, in chunks (exports and the map), staff included. */
    public void forEach(Filter filter, Consumer<ServiceCentre> sink) {
        SqlWhere where = where(filter);
        List<ServiceCentre> chunk = new ArrayList<>();
        jdbc.sql(SELECT + where.sql() + " ORDER BY sc.centre_level, sc.code").paramSource(where.params())
                .query((RowCallbackHandler) rs -> {
                    chunk.add(centre(rs, List.of()));
                    if (chunk.size() == 500) {
                        withStaff(chunk).forEach(sink);
                        chunk.clear();
                    }
                });
        withStaff(chunk).forEach(sink);
    }

    public Optional<ServiceCentre> find(long id) {
        return one(" WHERE sc.id = :v", id);
    }

    public Optional<ServiceCentre> find(String code) {
        return one(" WHERE sc.code = :v", code);
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM service_centre WHERE created_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    public void insert(ServiceCentre centre, String idempotencyKey) {
        ServiceCentre.Details d = centre.details();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO service_centre (version, code, name, centre_level, street_id, community_id, address, latitude, longitude,
                       services, opening_hours, state, created_at, created_by, idempotency_key)
                VALUES (0, :code, :name, :level, :street, :community, :address, :lat, :lon, :services, :hours, :state, :at, :by, :key)""")
                .params(columns(centre)).param("code", centre.code()).param("at", Timestamp.from(centre.createdAt()))
                .param("by", centre.createdBy()).param("key", idempotencyKey)
                .update(keys, "id");
        centre.assignId(keys.getKey().longValue());
        records.saveStaff(SiteRecords.CENTRE, centre.id(), d.staff());
    }

    /** Writes a changed centre, unless someone else changed it since it was read. */
    public void update(ServiceCentre centre) {
        int changed = jdbc.sql("""
                UPDATE service_centre SET version = version + 1, name = :name, centre_level = :level, street_id = :street,
                       community_id = :community, address = :address, latitude = :lat, longitude = :lon, services = :services,
                       opening_hours = :hours, state = :state, closed_at = :closed
                WHERE id = :id AND version = :version""")
                .params(columns(centre)).param("id", centre.id()).param("version", centre.version())
                .param("closed", centre.closedAt() == null ? null : Timestamp.from(centre.closedAt())).update();
        if (changed == 0) {
            throw new org.ronghe.platform.ConflictException("服务中心已被他人修改，请刷新后重试", Map.of());
        }
        records.saveStaff(SiteRecords.CENTRE, centre.id(), centre.details().staff());
    }

    private static Map<String, Object> columns(ServiceCentre centre) {
        ServiceCentre.Details d = centre.details();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", d.name());
        p.put("level", d.level().name());
        p.put("street", d.place().streetId());
        p.put("community", d.place().communityId());
        p.put("address", d.address());
        p.put("lat", d.latitude());
        p.put("lon", d.longitude());
        p.put("services", SiteRecords.joined(d.services()));
        p.put("hours", d.openingHours());
        p.put("state", centre.state().name());
        return p;
    }

    private Optional<ServiceCentre> one(String where, Object value) {
        return jdbc.sql(SELECT + where).param("v", value).query((rs, n) -> centre(rs, List.of())).optional()
                .map(c -> withStaff(List.of(c)).get(0));
    }

    private List<ServiceCentre> withStaff(List<ServiceCentre> centres) {
        Map<Long, List<Staff>> staff = records.staffOf(SiteRecords.CENTRE, centres.stream().map(ServiceCentre::id).toList());
        return centres.stream().map(c -> {
            ServiceCentre.Details d = c.details();
            return new ServiceCentre(c.id(), c.version(), c.code(), new ServiceCentre.Details(d.name(), d.level(), d.place(), d.address(),
                    d.latitude(), d.longitude(), d.services(), d.openingHours(), staff.getOrDefault(c.id(), List.of())), c.state(),
                    c.createdAt(), c.createdBy(), c.closedAt());
        }).toList();
    }

    private static SqlWhere where(Filter filter) {
        SqlWhere where = new SqlWhere()
                .eq("sc.centre_level", "level", filter.level() == null ? null : filter.level().name())
                .eq("s.code", "street", filter.street())
                .eq("c.code", "community", filter.community())
                .eq("sc.state", "state", filter.state() == null ? null : filter.state().name())
                .contains("q", filter.q(), "sc.name", "sc.code", "sc.address", "sc.services");
        return where;
    }

    private static ServiceCentre centre(ResultSet rs, List<Staff> staff) throws SQLException {
        Place place = new Place(SiteRecords.lng(rs, "street_id"), rs.getString("street_code"), rs.getString("street_name"),
                SiteRecords.lng(rs, "community_id"), rs.getString("community_code"), rs.getString("community_name"));
        Timestamp closed = rs.getTimestamp("closed_at");
        return new ServiceCentre(rs.getLong("id"), rs.getInt("version"), rs.getString("code"), new ServiceCentre.Details(
                rs.getString("name"), CentreLevel.valueOf(rs.getString("centre_level")), place, rs.getString("address"),
                SiteRecords.dbl(rs, "latitude"), SiteRecords.dbl(rs, "longitude"), SiteRecords.split(rs.getString("services")),
                rs.getString("opening_hours"), staff), ServiceCentre.State.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), closed == null ? null : closed.toInstant());
    }
}
