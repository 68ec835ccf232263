package org.ronghe.calls.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallScope;
import org.ronghe.calls.directive.Directive;
import org.ronghe.calls.directive.Directives;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "My work": what waits for this person now, by role — calls to dispatch, accept, reply or rate,
 * whistles to answer, extension requests, directives to answer, and the urgings and escalations
 * addressed to them.
 */
@Service
public class Inbox {

    static final int LIMIT = 100;

    private final CallQueries queries;
    private final CallScopes scopes;
    private final DataScopes dataScopes;
    private final Directory directory;
    private final Directives directives;
    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(CallQueries queries, CallScopes scopes, DataScopes dataScopes, Directory directory, Directives directives,
          JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.scopes = scopes;
        this.dataScopes = dataScopes;
        this.directory = directory;
        this.directives = directives;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public View of(CurrentUser user) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", OffsetDateTime.now(clock));
        List<CallQueries.CallRow> dispatch = List.of(), extensions = List.of(), accept = List.of(), reply = List.of(),
                checkIn = List.of(), rate = List.of();
        Long organ = null;
        if (user.role() == Role.COMMITTEE_ADMIN) {
            dispatch = queries.matching("c.state IN ('RAISED', 'RETURNED')", p, LIMIT);
            extensions = queries.matching("c.extension_state = 'REQUESTED' AND c.state = 'ACCEPTED'", p, LIMIT);
        }
        if (user.role() == Role.ORGAN_SECRETARY && user.scopeCode() != null) {
            organ = directory.organ(user.scopeCode()).map(Directory.OrganRef::id).orElse(null);
        }
        if (organ != null) {
            p.put("organ", organ);
            accept = queries.matching("c.state = 'DISPATCHED' AND c.lead_organ_id = :organ", p, LIMIT);
            reply = queries.matching("c.state = 'ACCEPTED' AND c.lead_organ_id = :organ", p, LIMIT);
            checkIn = queries.matching("EXISTS (SELECT 1 FROM call_handler h WHERE h.call_id = c.id AND h.call_raised_at = c.raised_at AND h.organ_id = :organ "
                    + "AND h.active AND h.check_in_by IS NOT NULL AND h.checked_in_at IS NULL AND NOT h.missed)", p, LIMIT);
        }
        if (user.role() == Role.COMMUNITY_STAFF || user.role() == Role.STREET_STAFF) {
            CallScope scope = scopes.of(user);
            var clause = scope.sql("c");
            Map<String, Object> q = new HashMap<>(p);
            q.putAll(clause.params());
            rate = queries.matching("c.state = 'REPLIED' AND " + clause.sql(), q, LIMIT);
        }
        return new View(dispatch, extensions, accept, reply, checkIn, rate, notices(user, organ), openDirectives(user));
    }

    private List<NoticeItem> notices(CurrentUser user, Long organ) {
        String to;
        Map<String, Object> p = new HashMap<>();
        switch (user.role()) {
            case ORGAN_SECRETARY -> {
                if (organ == null) {
                    return List.of();
                }
                to = "n.organ_id = :who";
                p.put("who", organ);
            }
            case LEADER -> {
                Long leader = user.scopeCode() == null ? null : directory.leaderId(user.scopeCode()).orElse(null);
                if (leader == null) {
                    return List.of();
                }
                to = "n.leader_id = :who";
                p.put("who", leader);
            }
            case STREET_STAFF -> {
                var street = user.scopeCode() == null ? null : directory.street(user.scopeCode()).orElse(null);
                if (street == null) {
                    return List.of();
                }
                to = "n.street_id = :who";
                p.put("who", street.id());
            }
            case COMMUNITY_STAFF -> {
                var community = user.scopeCode() == null ? null : directory.community(user.scopeCode()).orElse(null);
                if (community == null) {
                    return List.of();
                }
                to = "n.community_id = :who";
                p.put("who", community.id());
            }
            default -> {
                return List.of();
            }
        }
        p.put("since", OffsetDateTime.now(clock).minusDays(30));
        return jdbc.sql("""
                        SELECT n.kind, n.at, n.call_id, n.directive_id, c.title AS call_title, d.title AS directive_title
                        FROM call_notice n LEFT JOIN call c ON c.id = n.call_id LEFT JOIN directive d ON d.id = n.directive_id
                        WHERE\s""" + to + " AND n.at >= :since ORDER BY n.at DESC LIMIT 50")
                .params(p)
                .query((rs, n) -> new NoticeItem(rs.getString("kind"), CallQueries.instant(rs, "at"),
                        (Long) rs.getObject("call_id", Long.class), (Long) rs.getObject("directive_id", Long.class),
                        rs.getString("call_title") != null ? rs.getString("call_title") : rs.getString("directive_title")))
                .list();
    }

    private List<Directives.DirectiveRow> openDirectives(CurrentUser user) {
        var unit = directives.unitOf(user);
        if (unit.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.id, d.title, d.issued_at, d.deadline, d.audience,
                               (SELECT COUNT(*) FROM directive_reply x WHERE x.directive_id = d.id) AS units,
                               (SELECT COUNT(*) FROM directive_reply x WHERE x.directive_id = d.id AND x.completed_at IS NOT NULL) AS completed
                        FROM directive d JOIN directive_reply r ON r.directive_id = d.id
                        WHERE r.unit_kind = :kind AND r.unit_id = :unit AND r.completed_at IS NULL
                        ORDER BY d.deadline""")
                .param("kind", unit.get().kind().name()).param("unit", unit.get().id())
                .query((rs, n) -> new Directives.DirectiveRow(rs.getLong("id"), rs.getString("title"),
                        CallQueries.instant(rs, "issued_at"), CallQueries.instant(rs, "deadline"),
                        Directive.Audience.valueOf(rs.getString("audience")), rs.getLong("units"), rs.getLong("completed")))
                .list();
    }

    public record NoticeItem(String kind, Instant at, Long callId, Long directiveId, String title) {
    }

    public record View(List<CallQueries.CallRow> toDispatch, List<CallQueries.CallRow> extensionRequests,
                       List<CallQueries.CallRow> toAccept, List<CallQueries.CallRow> toReply,
                       List<CallQueries.CallRow> toCheckIn, List<CallQueries.CallRow> toRate, List<NoticeItem> notices,
                       List<Directives.DirectiveRow> directives) {

        public int total() {
            return toDispatch.size() + extensionRequests.size() + toAccept.size() + toReply.size() + toCheckIn.size()
                    + toRate.size() + directives.size();
        }
    }
}
