package org.ronghe.assessment.scheme;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ronghe.assessment.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The stored schemes: one row per year and version, the tree as JSON, read back through {@link Scheme#of}. */
@Repository
public class Schemes {

    public enum State {
        DRAFT("草稿"), ACTIVE("启用"), RETIRED("已停用");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A stored scheme: its row and the scheme it holds. */
    public record Stored(long id, int year, int version, State state, String createdBy, Instant createdAt, String activatedBy,
                         Instant activatedAt, Scheme scheme) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Schemes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(Scheme scheme, State state, String actor, Instant at) {
        return jdbc.sql("""
                        INSERT INTO assessment_scheme (assessed_year, version, name, good_from, fairly_good_from, average_from, state, tree,
                                                       created_by, created_at, activated_by, activated_at)
                        VALUES (:y, :v, :name, :good, :fair, :avg, :state, :tree, :by, :at, :aby, :aat)""")
                .param("y", scheme.year()).param("v", scheme.version()).param("name", scheme.name())
                .param("good", scheme.thresholds().good()).param("fair", scheme.thresholds().fairlyGood())
                .param("avg", scheme.thresholds().average()).param("state", state.name())
                .param("tree", json.writeValueAsString(SchemeDocument.of(scheme).dimensions()))
                .param("by", actor).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("aby", state == State.ACTIVE ? actor : null)
                .param("aat", state == State.ACTIVE ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : null)
                .update() == 1 ? idOf(scheme.year(), scheme.version()) : 0L;
    }

    /** The length of the scheme's tree as stored. */
    public int treeLength(Scheme scheme) {
        return json.writeValueAsString(SchemeDocument.of(scheme).dimensions()).length();
    }

    private long idOf(int year, int version) {
        return jdbc.sql("SELECT id FROM assessment_scheme WHERE assessed_year = :y AND version = :v").param("y", year).param("v", version)
                .query(Long.class).single();
    }

    public List<Stored> ofYear(Integer year) {
        return jdbc.sql(SELECT + (year == null ? "" : " WHERE assessed_year = :y") + " ORDER BY assessed_year DESC, version DESC")
                .params(year == null ? java.util.Map.of() : java.util.Map.of("y", year))
                .query((rs, n) -> stored(rs)).list();
    }

    public Optional<Stored> byId(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> stored(rs)).optional();
    }

    public Optional<Stored> active(int year) {
        return jdbc.sql(SELECT + " WHERE assessed_year = :y AND state = 'ACTIVE'").param("y", year).query((rs, n) -> stored(rs)).optional();
    }

    public int nextVersion(int year) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM assessment_scheme WHERE assessed_year = :y").param("y", year)
                .query(Integer.class).single();
    }

    /** The year's active scheme retires and this one becomes active. */
    public void activate(long id, int year, String actor, Instant at) {
        jdbc.sql("UPDATE assessment_scheme SET state = 'RETIRED' WHERE assessed_year = :y AND state = 'ACTIVE'").param("y", year).update();
        jdbc.sql("UPDATE assessment_scheme SET state = 'ACTIVE', activated_by = :by, activated_at = :at WHERE id = :id")
                .param("id", id).param("by", actor).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    public void event(Long runId, Long schemeId, String type, String actor, Instant at, String note) {
        jdbc.sql("INSERT INTO assessment_event (run_id, scheme_id, type, at, actor, note) VALUES (:r, :s, :t, :at, :a, :n)")
                .param("r", runId).param("s", schemeId).param("t", type).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("a", actor).param("n", note).update();
    }

    private static final String SELECT = "SELECT id, assessed_year, version, name, good_from, fairly_good_from, average_from, state, tree,"
            + " created_by, created_at, activated_by, activated_at FROM assessment_scheme";

    private Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        SchemeDocument.DimensionDoc[] dims = json.readValue(rs.getString("tree"), SchemeDocument.DimensionDoc[].class);
        SchemeDocument doc = new SchemeDocument(rs.getString("name"), new SchemeDocument.ThresholdsDoc(rs.getBigDecimal("good_from"),
                rs.getBigDecimal("fairly_good_from"), rs.getBigDecimal("average_from")), List.of(dims));
        OffsetDateTime activated = rs.getObject("activated_at", OffsetDateTime.class);
        return new Stored(rs.getLong("id"), rs.getInt("assessed_year"), rs.getInt("version"), State.valueOf(rs.getString("state")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("activated_by"),
                activated == null ? null : activated.toInstant(), doc.toScheme(rs.getInt("assessed_year"), rs.getInt("version")));
    }
}
