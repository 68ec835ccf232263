package org.ronghe.platform.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit log: searching by actor, action, subject and period, newest first. */
@Repository
class AuditEntries {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditEntries(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    PageResult<AuditRow> search(AuditFilter filter, PageQuery page) {
        Where where = where(filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where.sql).paramSource(where.params).query(Long.class).single();
        List<AuditRow> rows = jdbc.sql("SELECT * FROM audit_log" + where.sql + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .paramSource(where.params.addValue("limit", page.size()).addValue("offset", page.offset()))
                .query(this::row).list();
        return PageResult.of(rows, page, total);
    }

    void stream(AuditFilter filter, int limit, Consumer<AuditRow> sink) {
        Where where = where(filter);
        try (var rows = jdbc.sql("SELECT * FROM audit_log" + where.sql + " ORDER BY at DESC, id DESC LIMIT :limit")
                .paramSource(where.params.addValue("limit", limit))
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    /** Times are shown in the platform's zone, whatever zone the database hands them back in. */
    private AuditRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditRow(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("subject_key"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("remote_addr"));
    }

    private static Where where(AuditFilter f) {
        List<String> clauses = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (has(f.actor())) {
            clauses.add("actor = :actor");
            params.addValue("actor", f.actor().trim());
        }
        if (has(f.action())) {
            clauses.add("action = :action");
            params.addValue("action", f.action().trim());
        }
        if (has(f.subject())) {
            clauses.add("subject = :subject");
            params.addValue("subject", f.subject().trim());
        }
        if (has(f.key())) {
            clauses.add("subject_key = :key");
            params.addValue("key", f.key().trim());
        }
        ZoneId zone = f.zone();
        if (f.from() != null) {
            clauses.add("at >= :from");
            params.addValue("from", f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            clauses.add("at < :to");
            params.addValue("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    record AuditFilter(String actor, String action, String subject, String key, LocalDate from, LocalDate to, ZoneId zone) {
    }

    record AuditRow(long id, OffsetDateTime at, String actor, String action, String subject, String key,
                    String before, String after, String remoteAddr) {
    }
}
