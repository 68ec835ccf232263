package org.ronghe.visits.evaluation;

import static org.ronghe.visits.evaluation.EvaluationPeriods.instant;
import static org.ronghe.visits.evaluation.EvaluationPeriods.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The ratings, their events and their idempotency keys, with explicit SQL; a rating row is guarded by its version. */
@Repository
public class Evaluations {

    private static final String COLUMNS = "id, period_id, community_id, organ_id, grade, remarks, version, rated_by,"
            + " first_rated_at, rated_at";

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Evaluation> find(long periodId, long communityId, long organId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation WHERE period_id = :p AND community_id = :c AND organ_id = :o")
                .param("p", periodId).param("c", communityId).param("o", organId).query(Evaluations::evaluation).optional();
    }

    public Optional<Evaluation> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation WHERE id = :id").param("id", id)
                .query(Evaluations::evaluation).optional();
    }

    /** The rating an earlier request with the same key made, if any. */
    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT evaluation_id FROM evaluation_key WHERE actor = :a AND idempotency_key = :k")
                .param("a", actor).param("k", key).query(Long.class).optional();
    }

    void rememberKey(String actor, String key, long evaluationId, Instant now) {
        jdbc.sql("INSERT INTO evaluation_key (actor, idempotency_key, evaluation_id, created_at) VALUES (:a, :k, :e, :t)")
                .param("a", actor).param("k", key).param("e", evaluationId).param("t", time(now)).update();
    }

    /** Whether the organ and community are paired now (a pairing not ended). */
    public boolean paired(long organId, long communityId) {
        return jdbc.sql("SELECT COUNT(*) FROM pairing WHERE organ_id = :o AND community_id = :c AND ended_on IS NULL")
                .param("o", organId).param("c", communityId).query(Long.class).single() > 0;
    }

    /** Inserts a new rating or updates a loaded one (only while its version is unchanged), with its events. */
    void save(Evaluation e) {
        if (e.id() == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO evaluation (period_id, community_id, organ_id, grade, remarks, version, rated_by,
                                first_rated_at, rated_at)
                            VALUES (:period, :community, :organ, :grade, :remarks, 0, :by, :first, :at)""")
                    .param("period", e.periodId()).param("community", e.communityId()).param("organ", e.organId())
                    .param("grade", e.grade().name()).param("remarks", e.remarks()).param("by", e.ratedBy())
                    .param("first", time(e.firstRatedAt())).param("at", time(e.ratedAt()))
                    .update(keys, "id");
            e.stored(keys.getKey().longValue());
        } else {
            int updated = jdbc.sql("""
                            UPDATE evaluation SET grade = :grade, remarks = :remarks, rated_by = :by, rated_at = :at,
                                version = version + 1 WHERE id = :id AND version = :version""")
                    .param("grade", e.grade().name()).param("remarks", e.remarks()).param("by", e.ratedBy())
                    .param("at", time(e.ratedAt())).param("id", e.id()).param("version", e.version()).update();
            if (updated != 1) {
                throw new ConflictException("该评议刚被他人修改，请刷新后重试", java.util.Map.of());
            }
            e.versionStored();
        }
        insertEvents(jdbc, e.periodId(), e.id(), e.takeEvents());
    }

    /** Many new ratings at once (the demo), each with its events, in the caller's transaction. */
    void saveAllNew(List<Evaluation> all) {
        for (Evaluation e : all) {
            if (e.id() != null) {
                throw new IllegalArgumentException("only new evaluations");
            }
        }
        // Identity values come back one insert at a time; the demo's few hundred ratings make that cheap enough.
        all.forEach(this::save);
    }

    static void insertEvents(JdbcClient jdbc, long periodId, Long evaluationId, List<EvaluationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>();
        for (EvaluationEvent ev : events) {
            batch.add(new MapSqlParameterSource().addValue("period", periodId).addValue("evaluation", evaluationId)
                    .addValue("at", time(ev.at())).addValue("actor", ev.actor()).addValue("type", ev.type().name())
                    .addValue("gb", ev.gradeBefore() == null ? null : ev.gradeBefore().name())
                    .addValue("ga", ev.gradeAfter() == null ? null : ev.gradeAfter().name())
                    .addValue("rb", ev.remarksBefore()).addValue("ra", ev.remarksAfter()));
        }
        String sql = """
                INSERT INTO evaluation_event (period_id, evaluation_id, occurred_at, actor, type, grade_before, grade_after,
                    remarks_before, remarks_after)
                VALUES (:period, :evaluation, :at, :actor, :type, :gb, :ga, :rb, :ra)""";
        for (SqlParameterSource p : batch) {
            jdbc.sql(sql).paramSource(p).update();
        }
    }

    /** The events of one rating, oldest first. */
    public List<EvaluationEvent> events(long evaluationId) {
        return jdbc.sql("""
                        SELECT type, actor, occurred_at, grade_before, grade_after, remarks_before, remarks_after
                        FROM evaluation_event WHERE evaluation_id = :e ORDER BY id""")
                .param("e", evaluationId)
                .query((rs, n) -> new EvaluationEvent(EvaluationEvent.Type.valueOf(rs.getString("type")), rs.getString("actor"),
                        instant(rs, "occurred_at"), grade(rs.getString("grade_before")), grade(rs.getString("grade_after")),
                        rs.getString("remarks_before"), rs.getString("remarks_after")))
                .list();
    }

    private static Grade grade(String name) {
        return name == null ? null : Grade.valueOf(name);
    }

    private static Evaluation evaluation(ResultSet rs, int n) throws SQLException {
        return Evaluation.restore(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("community_id"), rs.getLong("organ_id"),
                Grade.valueOf(rs.getString("grade")), rs.getString("remarks"), rs.getInt("version"), rs.getString("rated_by"),
                instant(rs, "first_rated_at"), instant(rs, "rated_at"));
    }
}
