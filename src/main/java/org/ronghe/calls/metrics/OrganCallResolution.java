package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ronghe.calls.CallResolution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One grouped query over the organs' first dispatches (index {@code (organ_id, call_raised_at, call_id)} on PostgreSQL),
 * each joined to its call by id and month: the same rows the calls list reads for {@code lead} and {@code solved}.
 */
@Service
class OrganCallResolution implements CallResolution {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrganCallResolution(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<OrganResolution> byOrgan(Collection<Long> organIds, LocalDate from, LocalDate to) {
        if (organIds.isEmpty() || from == null || to == null || from.isAfter(to)) {
            return List.of();
        }
        List<OrganResolution> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT o.code, COUNT(*) AS rated, SUM(CASE WHEN c.solved THEN 0 ELSE 1 END) AS unsolved
                        FROM call_assignment d JOIN call c ON c.id = d.call_id AND c.raised_at = d.call_raised_at
                        JOIN organ o ON o.id = d.organ_id
                        WHERE d.organ_id IN (:organs) AND d.first_to_organ AND c.solved IS NOT NULL
                          AND d.call_raised_at >= :from AND d.call_raised_at < :to
                        GROUP BY o.code ORDER BY o.code""")
                .param("organs", organIds)
                .param("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .query(rs -> {
                    String code = rs.getString(1);
                    rows.add(new OrganResolution(code, rs.getLong(2), rs.getLong(3),
                            "/calls?lead=" + code + "&solved=false&from=" + from + "&to=" + to));
                });
        return rows;
    }
}
