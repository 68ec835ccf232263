package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.territory.Communities;
import org.ronghe.directory.territory.Grids;
import org.ronghe.directory.territory.Streets;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Streets, communities and grids as spreadsheets. */
final class TerritorySheets {

    private TerritorySheets() {
    }

    record StreetRow(String code, String name) {
    }

    @Component
    static class StreetSheet extends JdbcSheet<StreetRow> {

        private final Streets streets;

        StreetSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Streets streets) {
            super(jdbc, batch);
            this.streets = streets;
        }

        public String entity() { return "streets"; }

        public String title() { return "街道"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("街道编码", "唯一编码，如 440103001"), Column.required("街道名称", "如 沙面街道"));
        }

        public StreetRow read(RowReader r) {
            String code = r.code("街道编码", true);
            String name = r.text("街道名称", true, 100);
            return r.hasErrors() ? null : new StreetRow(code, name);
        }

        public String key(StreetRow row) { return row.code(); }

        public void check(List<Numbered<StreetRow>> rows, Checks checks) {
            checks.unique(rows, StreetRow::code, "街道编码");
        }

        public Map<String, StreetRow> existing(Collection<String> keys) {
            return load("SELECT code, name FROM street WHERE code IN (:keys)", keys,
                    (rs, n) -> new StreetRow(rs.getString(1), rs.getString(2)));
        }

        public void insert(List<StreetRow> rows) {
            batch("INSERT INTO street (code, name, district_id) VALUES (:code, :name, (SELECT MIN(id) FROM district))",
                    rows, r -> values("code", r.code(), "name", r.name()));
        }

        public void update(List<StreetRow> rows) {
            batch("UPDATE street SET name = :name WHERE code = :code", rows, r -> values("code", r.code(), "name", r.name()));
        }

        public Map<String, Object> auditState(StreetRow r) { return values("name", r.name()); }

        public void export(DataScope scope, Consumer<StreetRow> sink) {
            streets.all(scope, null).forEach(s -> sink.accept(new StreetRow(s.code(), s.name())));
        }

        public List<Object> cells(StreetRow r) { return List.of(r.code(), r.name()); }
    }

    record CommunityRow(String code, String name, String street, Integer households, Integer population,
                        Double latitude, Double longitude) {
    }

    @Component
    static class CommunitySheet extends JdbcSheet<CommunityRow> {

        private final Communities communities;

        CommunitySheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Communities communities) {
            super(jdbc, batch);
            this.communities = communities;
        }

        public String entity() { return "communities"; }

        public String title() { return "社区"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("社区编码", "唯一编码，如 440103001001"),
                    Column.required("社区名称", "如 沙面社区"),
                    Column.requiredText("所属街道编码", "须为已导入的街道编码"),
                    Column.optional("户数", "非负整数"), Column.optional("人口", "非负整数"),
                    Column.optional("纬度", "中心点纬度，如 23.1075"), Column.optional("经度", "中心点经度，如 113.2437"));
        }

        public CommunityRow read(RowReader r) {
            Integer households = r.integer("户数", false, 0, 10_000_000);
            Integer population = r.integer("人口", false, 0, 100_000_000);
            // An empty count is stored as 0, so the row read back equals the row imported.
            CommunityRow row = new CommunityRow(r.code("社区编码", true), r.text("社区名称", true, 100),
                    r.code("所属街道编码", true), households == null ? 0 : households,
                    population == null ? 0 : population, r.decimal("纬度", false, -90, 90),
                    r.decimal("经度", false, -180, 180));
            return r.hasErrors() ? null : row;
        }

        public String key(CommunityRow row) { return row.code(); }

        public void check(List<Numbered<CommunityRow>> rows, Checks checks) {
            checks.unique(rows, CommunityRow::code, "社区编码");
            checks.references(rows, CommunityRow::street, "所属街道编码", "street", Set.of(), "街道");
        }

        public Map<String, CommunityRow> existing(Collection<String> keys) {
            return load("""
                    SELECT c.code, c.name, s.code, c.households, c.population, c.latitude, c.longitude
                    FROM community c JOIN street s ON s.id = c.street_id WHERE c.code IN (:keys)""", keys,
                    (rs, n) -> new CommunityRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), (Double) rs.getObject(6, Double.class), (Double) rs.getObject(7, Double.class)));
        }

        public void insert(List<CommunityRow> rows) {
            batch("""
                    INSERT INTO community (code, name, street_id, households, population, latitude, longitude)
                    VALUES (:code, :name, (SELECT id FROM street WHERE code = :street), :households, :population, :lat, :lng)""",
                    rows, this::params);
        }

        public void update(List<CommunityRow> rows) {
            batch("""
                    UPDATE community SET name = :name, street_id = (SELECT id FROM street WHERE code = :street),
                           households = :households, population = :population, latitude = :lat, longitude = :lng
                    WHERE code = :code""", rows, this::params);
        }

        private Map<String, ?> params(CommunityRow r) {
            return values("code", r.code(), "name", r.name(), "street", r.street(),
                    "households", r.households(), "population", r.population(), "lat", r.latitude(), "lng", r.longitude());
        }

        public Map<String, Object> auditState(CommunityRow r) {
            return values("name", r.name(), "street", r.street(), "households", r.households(), "population", r.population(),
                    "latitude", r.latitude(), "longitude", r.longitude());
        }

        public void export(DataScope scope, Consumer<CommunityRow> sink) {
            communities.all(scope, new Communities.Filter(null, null, null)).forEach(c -> sink.accept(new CommunityRow(
                    c.code(), c.name(), c.streetCode(), c.households(), c.population(), c.latitude(), c.longitude())));
        }

        public List<Object> cells(CommunityRow r) {
            return java.util.Arrays.asList(r.code(), r.name(), r.street(), r.households(), r.population(), r.latitude(), r.longitude());
        }
    }

    record GridRow(String code, String name, String community) {
    }

    @Component
    static class GridSheet extends JdbcSheet<GridRow> {

        private final Grids grids;

        GridSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Grids grids) {
            super(jdbc, batch);
            this.grids = grids;
        }

        public String entity() { return "grids"; }

        public String title() { return "网格"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("网格编码", "唯一编码"), Column.required("网格名称", "如 第一网格"),
                    Column.requiredText("所属社区编码", "须为已导入的社区编码"));
        }

        public GridRow read(RowReader r) {
            GridRow row = new GridRow(r.code("网格编码", true), r.text("网格名称", true, 100), r.code("所属社区编码", true));
            return r.hasErrors() ? null : row;
        }

        public String key(GridRow row) { return row.code(); }

        public void check(List<Numbered<GridRow>> rows, Checks checks) {
            checks.unique(rows, GridRow::code, "网格编码");
            checks.references(rows, GridRow::community, "所属社区编码", "community", Set.of(), "社区");
        }

        public Map<String, GridRow> existing(Collection<String> keys) {
            return load("SELECT g.code, g.name, c.code FROM grid g JOIN community c ON c.id = g.community_id WHERE g.code IN (:keys)",
                    keys, (rs, n) -> new GridRow(rs.getString(1), rs.getString(2), rs.getString(3)));
        }

        public void insert(List<GridRow> rows) {
            batch("INSERT INTO grid (code, name, community_id) VALUES (:code, :name, (SELECT id FROM community WHERE code = :community))",
                    rows, r -> values("code", r.code(), "name", r.name(), "community", r.community()));
        }

        public void update(List<GridRow> rows) {
            batch("UPDATE grid SET name = :name, community_id = (SELECT id FROM community WHERE code = :community) WHERE code = :code",
                    rows, r -> values("code", r.code(), "name", r.name(), "community", r.community()));
        }

        public Map<String, Object> auditState(GridRow r) { return values("name", r.name(), "community", r.community()); }

        public void export(DataScope scope, Consumer<GridRow> sink) {
            grids.all(scope, new Grids.Filter(null, null, null)).forEach(g -> sink.accept(new GridRow(g.code(), g.name(), g.communityCode())));
        }

        public List<Object> cells(GridRow r) { return List.of(r.code(), r.name(), r.community()); }
    }
}
