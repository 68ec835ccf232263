package org.ronghe.assessment.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.assessment.Assessment;
import org.ronghe.assessment.Grade;
import org.ronghe.assessment.Subject;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The stored runs: a row per run and a row per subject, the explanation kept as JSON so a result is shown as it was
 * computed. Rows of a run are written once, when it is computed; only the run's state changes afterwards.
 */
@Repository
public class Runs {

    public enum State {
        COMPUTED("已计算"), PUBLISHED("已发布"), SUPERSEDED("已被新发布取代");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Kind {
        ANNUAL("年度考核"), INTERIM("年中（截至某日）");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Run(long id, int year, LocalDate asOf, Kind kind, String kindLabel, long schemeId, int schemeVersion, State state,
                      String stateLabel, int subjects, String computedBy, Instant computedAt, String publishedBy, Instant publishedAt) {
    }

    /** A subject's stored result: its place among subjects of its kind, the scores and the explanation. */
    public record Result(Subject subject, String organCode, int rank, BigDecimal total, Grade grade, String gradeLabel, boolean vetoed,
                         BigDecimal partyBuilding, BigDecimal business, List<Assessment.DimensionScore> dimensions,
                         List<Assessment.Line> explanation) {
    }

    /** A result to store with its place. */
    public record Placed(Assessment assessment, String organCode, int rank) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;

    Runs(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM assessment_run WHERE computed_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    public long insert(int year, LocalDate asOf, Kind kind, long schemeId, int schemeVersion, int subjects, String inputs, String actor,
                       Instant at, String key) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO assessment_run (assessed_year, as_of, kind, scheme_id, scheme_version, state, subjects, inputs,
                                                    computed_by, computed_at, idempotency_key)
                        VALUES (:y, :asOf, :kind, :scheme, :version, 'COMPUTED', :subjects, :inputs, :by, :at, :key)""")
                .param("y", year).param("asOf", asOf).param("kind", kind.name()).param("scheme", schemeId).param("version", schemeVersion)
                .param("subjects", subjects).param("inputs", inputs).param("by", actor).param("at", utc(at)).param("key", key).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertResults(long runId, List<Placed> placed) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Placed p : placed) {
            Assessment a = p.assessment();
            rows.add(new MapSqlParameterSource().addValue("run", runId).addValue("kind", a.subject().kind().name())
                    .addValue("code", a.subject().code()).addValue("name", a.subject().name()).addValue("organ", p.organCode())
                    .addValue("place", p.rank()).addValue("total", a.total()).addValue("grade", a.grade().name())
                    .addValue("vetoed", a.vetoed()).addValue("pb", a.partyBuilding()).addValue("bz", a.business())
                    .addValue("dims", json.writeValueAsString(a.dimensions())).addValue("lines", json.writeValueAsString(a.explanation())));
        }
        for (int i = 0; i < rows.size(); i += 500) {
            named.batchUpdate("""
                            INSERT INTO assessment_result (run_id, subject_kind, subject_code, subject_name, organ_code, place, total, grade,
                                                           vetoed, party_building, business, dimensions, explanation)
                            VALUES (:run, :kind, :code, :name, :organ, :place, :total, :grade, :vetoed, :pb, :bz, :dims, :lines)""",
                    rows.subList(i, Math.min(rows.size(), i + 500)).toArray(MapSqlParameterSource[]::new));
        }
    }

    public Optional<Run> run(long id) {
        return jdbc.sql(RUN + " WHERE id = :id").param("id", id).query((rs, n) -> run(rs)).optional();
    }

    public List<Run> runs(Integer year) {
        return jdbc.sql(RUN + (year == null ? "" : " WHERE assessed_year = :y") + " ORDER BY id DESC")
                .params(year == null ? Map.of() : Map.of("y", year)).query((rs, n) -> run(rs)).list();
    }

    /** The year's results for others: its latest published run, else its latest run. */
    public Optional<Run> current(int year) {
        return jdbc.sql(RUN + " WHERE assessed_year = :y ORDER BY CASE WHEN state = 'PUBLISHED' THEN 0 ELSE 1 END, id DESC LIMIT 1")
                .param("y", year).query((rs, n) -> run(rs)).optional();
    }

    /**
     * The run's results of one kind (both when {@code kind} is null), best first; {@code organ} keeps those of one
     * organ, {@code grade} those of one grade.
     */
    public List<Result> results(long runId, Subject.Kind kind, String organ, Grade grade) {
        return results(runId, kind, organ, grade, false);
    }

    /** The same, each with its explanation (for the export). */
    public List<Result> results(long runId, Subject.Kind kind, String organ, Grade grade, boolean explained) {
        SqlWhere where = new SqlWhere().and("run_id = :run", Map.of("run", runId));
        where.eq("subject_kind", "kind", kind == null ? null : kind.name());
        where.eq("organ_code", "organ", organ);
        where.eq("grade", "grade", grade == null ? null : grade.name());
        return jdbc.sql(RESULT + where.sql() + " ORDER BY subject_kind, place, subject_code").paramSource(where.params())
                .query((rs, n) -> result(rs, explained)).list();
    }

    public Optional<Result> result(long runId, String code, Subject.Kind kind) {
        SqlWhere where = new SqlWhere().and("run_id = :run", Map.of("run", runId)).and("subject_code = :code", Map.of("code", code));
        where.eq("subject_kind", "kind", kind == null ? null : kind.name());
        return jdbc.sql(RESULT + where.sql() + " ORDER BY subject_kind").paramSource(where.params())
                .query((rs, n) -> result(rs, true)).list().stream().findFirst();
    }

    /** Publishes the run; the year's run of the same kind published before is superseded (its rows untouched). */
    public int publish(Run run, String actor, Instant at) {
        jdbc.sql("UPDATE assessment_run SET state = 'SUPERSEDED' WHERE assessed_year = :y AND kind = :k AND state = 'PUBLISHED'")
                .param("y", run.year()).param("k", run.kind().name()).update();
        return jdbc.sql("UPDATE assessment_run SET state = 'PUBLISHED', published_by = :by, published_at = :at WHERE id = :id AND state = 'COMPUTED'")
                .param("id", run.id()).param("by", actor).param("at", utc(at)).update();
    }

    public Optional<Long> published(int year, Kind kind) {
        return jdbc.sql("SELECT id FROM assessment_run WHERE assessed_year = :y AND kind = :k AND state = 'PUBLISHED'")
                .param("y", year).param("k", kind.name()).query(Long.class).optional();
    }

    public void event(long runId, String type, String actor, Instant at, String note) {
        jdbc.sql("INSERT INTO assessment_event (run_id, type, at, actor, note) VALUES (:r, :t, :at, :a, :n)")
                .param("r", runId).param("t", type).param("at", utc(at)).param("a", actor).param("n", note).update();
    }

    private static final String RUN = "SELECT id, assessed_year, as_of, kind, scheme_id, scheme_version, state, subjects, computed_by,"
            + " computed_at, published_by, published_at FROM assessment_run";
    private static final String RESULT = "SELECT subject_kind, subject_code, subject_name, organ_code, place, total, grade, vetoed,"
            + " party_building, business, dimensions, explanation FROM assessment_result";

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        State state = State.valueOf(rs.getString("state"));
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        return new Run(rs.getLong("id"), rs.getInt("assessed_year"), rs.getObject("as_of", LocalDate.class), kind, kind.label(),
                rs.getLong("scheme_id"), rs.getInt("scheme_version"), state, state.label(), rs.getInt("subjects"), rs.getString("computed_by"),
                rs.getObject("computed_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"),
                published == null ? null : published.toInstant());
    }

    private Result result(java.sql.ResultSet rs, boolean explained) throws java.sql.SQLException {
        Grade grade = Grade.valueOf(rs.getString("grade"));
        List<Assessment.DimensionScore> dims = List.of(json.readValue(rs.getString("dimensions"), Assessment.DimensionScore[].class));
        List<Assessment.Line> lines = explained ? List.of(json.readValue(rs.getString("explanation"), Assessment.Line[].class)) : List.of();
        return new Result(new Subject(Subject.Kind.valueOf(rs.getString("subject_kind")), rs.getString("subject_code"),
                rs.getString("subject_name")), rs.getString("organ_code"), rs.getInt("place"), rs.getBigDecimal("total"), grade,
                grade.label(), rs.getBoolean("vetoed"), rs.getBigDecimal("party_building"), rs.getBigDecimal("business"), dims, lines);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
