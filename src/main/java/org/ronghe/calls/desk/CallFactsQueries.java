package org.ronghe.calls.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.CallFacts;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Urgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the facts of given calls from the call rows, a thousand ids per query. */
@Service
class CallFactsQueries implements CallFacts {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    CallFactsQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Fact> fact(long callId) {
        return Optional.ofNullable(facts(List.of(callId)).get(callId));
    }

    @Override
    public Map<Long, Fact> facts(Collection<Long> callIds) {
        Map<Long, Fact> facts = new HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(callIds));
        Instant now = clock.instant();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("""
                            SELECT id, title, state, urgency, category_code, community_id, raised_at, accept_by, reply_by, lead_organ_id
                            FROM call WHERE id IN (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> fact(rs, now)).list().forEach(f -> facts.put(f.id(), f));
        }
        return facts;
    }

    private static Fact fact(ResultSet rs, Instant now) throws SQLException {
        CallState state = CallState.valueOf(rs.getString("state"));
        Instant acceptBy = instant(rs, "accept_by");
        Instant replyBy = instant(rs, "reply_by");
        // The same rule as the call list's overdue filter (CallQueries.overdue).
        boolean overdue = (state == CallState.DISPATCHED || state == CallState.ACCEPTED)
                && ((replyBy != null && replyBy.isBefore(now)) || (state == CallState.DISPATCHED && acceptBy != null && acceptBy.isBefore(now)));
        return new Fact(rs.getLong("id"), rs.getString("title"), state, Urgency.valueOf(rs.getString("urgency")),
                rs.getString("category_code"), rs.getLong("community_id"), instant(rs, "raised_at"), acceptBy, replyBy,
                rs.getObject("lead_organ_id", Long.class), overdue);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
