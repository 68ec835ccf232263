package org.ronghe.visits.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The evaluation periods and their events, with explicit SQL; a period row is guarded by its version. */
@Repository
public class EvaluationPeriods {

    private static final String COLUMNS = "id, code, name, starts_on, ends_on, rating_closes_on, state, version, opened_at,"
            + " opened_by, closed_at, closed_by";

    private final JdbcClient jdbc;

    EvaluationPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EvaluationPeriod> byCode(String code) {
        if (code == null || code.isBlank() || code.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_period WHERE code = :c")
                .param("c", code.trim().toUpperCase(java.util.Locale.ROOT)).query(EvaluationPeriods::period).optional();
    }

    public Optional<EvaluationPeriod> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_period WHERE id = :id").param("id", id)
                .query(EvaluationPeriods::period).optional();
    }

    /** Every period, the latest first. */
    public List<EvaluationPeriod> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluation_period ORDER BY starts_on DESC, code DESC")
                .query(EvaluationPeriods::period).list();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation_period WHERE code = :c").param("c", code).query(Long.class).single() > 0;
    }

    /** Inserts a new period or updates a loaded one (only while its version is unchanged), with its events. */
    void save(EvaluationPeriod period) {
        if (period.id() == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO evaluation_period (code, name, starts_on, ends_on, rating_closes_on, state, version,
                                opened_at, opened_by, closed_at, closed_by)
                            VALUES (:code, :name, :starts, :ends, :closes, :state, 0, :openedAt, :openedBy, :closedAt, :closedBy)""")
                    .param("code", period.code()).param("name", period.name()).param("starts", period.startsOn())
                    .param("ends", period.endsOn()).param("closes", period.ratingClosesOn()).param("state", period.state().name())
                    .param("openedAt", time(period.openedAt())).param("openedBy", period.openedBy())
                    .param("closedAt", time(period.closedAt())).param("closedBy", period.closedBy())
                    .update(keys, "id");
            period.stored(keys.getKey().longValue());
        } else {
            int updated = jdbc.sql("""
                            UPDATE evaluation_period SET state = :state, version = version + 1, closed_at = :closedAt,
                                closed_by = :closedBy WHERE id = :id AND version = :version""")
                    .param("state", period.state().name()).param("closedAt", time(period.closedAt()))
                    .param("closedBy", period.closedBy()).param("id", period.id()).param("version", period.version())
                    .update();
            if (updated != 1) {
                throw new ConflictException("评议期 " + period.code() + " 刚被他人修改，请刷新后重试", java.util.Map.of());
            }
            period.versionStored();
        }
        Evaluations.insertEvents(jdbc, period.id(), null, period.takeEvents());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static EvaluationPeriod period(ResultSet rs, int n) throws SQLException {
        return EvaluationPeriod.restore(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("rating_closes_on", LocalDate.class), EvaluationPeriod.State.valueOf(rs.getString("state")),
                rs.getInt("version"), instant(rs, "opened_at"), rs.getString("opened_by"), instant(rs, "closed_at"),
                rs.getString("closed_by"));
    }
}
