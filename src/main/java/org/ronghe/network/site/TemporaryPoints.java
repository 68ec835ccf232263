package org.ronghe.network.site;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The temporary points, read by anyone signed in and written one at a time (or by an import). */
@Repository
public class TemporaryPoints {

    private static final String FROM = " " + """
             FROM temporary_point tp JOIN street s ON s.id = tp.street_id JOIN community c ON c.id = tp.community_id""";
    private static final String SELECT = """
            SELECT tp.id, tp.version, tp.code, tp.name, tp.kind, tp.street_id, s.code AS street_code, s.name AS street_name,
                   tp.community_id, c.code AS community_code, c.name AS community_name, tp.address, tp.latitude, tp.longitude,
                   tp.services, tp.starts_on, tp.ends_on, tp.emergency_code, tp.created_at, tp.created_by """ + FROM;

    private final JdbcClient jdbc;
    private final SiteRecords records;

    TemporaryPoints(JdbcClient jdbc, SiteRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /**
     * @param activeOn  only points active that day (started, and not yet ended)
     * @param emergency the code of the emergency the points serve
     */
    public record Filter(PointKind kind, String street, String community, LocalDate activeOn, String emergency, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    public PageResult<TemporaryPoint> page(Filter filter, PageQuery page) {
        SqlWhere where = where(filter);
        long total = count(filter);
        List<TemporaryPoint> rows = withStaff(jdbc.sql(SELECT + where.sql() + " ORDER BY tp.starts_on DESC, tp.code LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page)).query((rs, n) -> point(rs)).list());
        return PageResult.of(rows, page, total);
    }

    public long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
    }

    public void forEach(Filter filter, Consumer<TemporaryPoint> sink) {
        SqlWhere where = where(filter);
        List<TemporaryPoint> chunk = new ArrayList<>();
        jdbc.sql(SELECT + where.sql() + " ORDER BY tp.starts_on DESC, tp.code").paramSource(where.params())
                .query((RowCallbackHandler) rs -> {
                    chunk.add(point(rs));
                    if (chunk.size() == 500) {
                        withStaff(chunk).forEach(sink);
                        chunk.clear();
                    }
                });
        withStaff(chunk).forEach(sink);
    }

    public Optional<TemporaryPoint> find(long id) {
        return one(" WHERE tp.id = :v", id);
    }

    public Optional<TemporaryPoint> find(String code) {
        return one(" WHERE tp.code = :v", code);
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM temporary_point WHERE created_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    public void insert(TemporaryPoint point, String idempotencyKey) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO temporary_point (version, code, name, kind, street_id, community_id, address, latitude, longitude, services,
                       starts_on, ends_on, emergency_code, created_at, created_by, idempotency_key)
                VALUES (0, :code, :name, :kind, :street, :community, :address, :lat, :lon, :services, :starts, :ends, :emergency,
                        :at, :by, :key)""")
                .params(columns(point)).param("code", point.code()).param("at", Timestamp.from(point.createdAt()))
                .param("by", point.createdBy()).param("key", idempotencyKey)
                .update(keys, "id");
        point.assignId(keys.getKey().longValue());
        records.saveStaff(SiteRecords.POINT, point.id(), point.details().staff());
    }

    public void update(TemporaryPoint point) {
        int changed = jdbc.sql("""
                UPDATE temporary_point SET version = version + 1, name = :name, kind = :kind, street_id = :street,
                       community_id = :community, address = :address, latitude = :lat, longitude = :lon, services = :services,
                       starts_on = :starts, ends_on = :ends, emergency_code = :emergency
                WHERE id = :id AND version = :version""")
                .params(columns(point)).param("id", point.id()).param("version", point.version()).update();
        if (changed == 0) {
            throw new org.ronghe.platform.ConflictException("临时点位已被他人修改，请刷新后重试", Map.of());
        }
        records.saveStaff(SiteRecords.POINT, point.id(), point.details().staff());
    }

    private static Map<String, Object> columns(TemporaryPoint point) {
        TemporaryPoint.Details d = point.details();
        Map<String, Object> p = new HashMap<>();
        p.put("name", d.name());
        p.put("kind", d.kind().name());
        p.put("street", d.place().streetId());
        p.put("community", d.place().communityId());
        p.put("address", d.address());
        p.put("lat", d.latitude());
        p.put("lon", d.longitude());
        p.put("services", SiteRecords.joined(d.services()));
        p.put("starts", Date.valueOf(d.startsOn()));
        p.put("ends", d.endsOn() == null ? null : Date.valueOf(d.endsOn()));
        p.put("emergency", d.emergency());
        return p;
    }

    private Optional<TemporaryPoint> one(String where, Object value) {
        return jdbc.sql(SELECT + where).param("v", value).query((rs, n) -> point(rs)).optional().map(p -> withStaff(List.of(p)).get(0));
    }

    private List<TemporaryPoint> withStaff(List<TemporaryPoint> points) {
        Map<Long, List<Staff>> staff = records.staffOf(SiteRecords.POINT, points.stream().map(TemporaryPoint::id).toList());
        return points.stream().map(p -> {
            TemporaryPoint.Details d = p.details();
            return new TemporaryPoint(p.id(), p.version(), p.code(), new TemporaryPoint.Details(d.name(), d.kind(), d.place(), d.address(),
                    d.latitude(), d.longitude(), d.services(), d.startsOn(), d.endsOn(), d.emergency(),
                    staff.getOrDefault(p.id(), List.of())), p.createdAt(), p.createdBy());
        }).toList();
    }

    private static SqlWhere where(Filter filter) {
        SqlWhere where = new SqlWhere()
                .eq("tp.kind", "kind", filter.kind() == null ? null : filter.kind().name())
                .eq("s.code", "street", filter.street())
                .eq("c.code", "community", filter.community())
                .eq("tp.emergency_code", "emergency", filter.emergency())
                .contains("q", filter.q(), "tp.name", "tp.code", "tp.address", "tp.services");
        if (filter.activeOn() != null) {
            where.and("tp.starts_on <= :day AND (tp.ends_on IS NULL OR tp.ends_on >= :day)", Map.of("day", Date.valueOf(filter.activeOn())));
        }
        return where;
    }

    private static TemporaryPoint point(ResultSet rs) throws SQLException {
        Place place = new Place(rs.getLong("street_id"), rs.getString("street_code"), rs.getString("street_name"),
                rs.getLong("community_id"), rs.getString("community_code"), rs.getString("community_name"));
        Date ends = rs.getDate("ends_on");
        return new TemporaryPoint(rs.getLong("id"), rs.getInt("version"), rs.getString("code"), new TemporaryPoint.Details(
                rs.getString("name"), PointKind.valueOf(rs.getString("kind")), place, rs.getString("address"),
                SiteRecords.dbl(rs, "latitude"), SiteRecords.dbl(rs, "longitude"), SiteRecords.split(rs.getString("services")),
                rs.getDate("starts_on").toLocalDate(), ends == null ? null : ends.toLocalDate(), rs.getString("emergency_code"), List.of()),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
