package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallFacts;
import org.ronghe.calls.CallIntake;
import org.ronghe.calls.CallRouting;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Urgency;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' needs in an emergency. A need is a call of urgency EMERGENCY: community staff (or the street, or the
 * committee) raise it through the calls module's intake, or anybody raises it as an ordinary call. When such a call is
 * raised for a community in the zone of an active emergency, the emergency records it as a need and routes it to one
 * of its teams in that community (the one with the fewest open needs; else one in the community's street; else none:
 * unrouted), dispatching the call to the organ of the team's lead through the calls module's public API, all in the
 * raising transaction. The need follows its call's closing and reopening from the calls module's events.
 */
@Service
public class NeedDesk {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Emergencies emergencies;
    private final Places places;
    private final CallFacts calls;
    private final CallRouting routing;
    private final CallIntake intake;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NeedDesk(JdbcClient jdbc, Emergencies emergencies, Places places, CallFacts calls, CallRouting routing, CallIntake intake,
             Audit audit, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.emergencies = emergencies;
        this.places = places;
        this.calls = calls;
        this.routing = routing;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A need as community staff enter it: the community (code), the kind, a title, and how to reach the resident. */
    public record NeedRequest(String community, String kind, String title, String description, String address, String contactName,
                              String contactPhone) {
    }

    /**
     * Raises a need as an emergency call for a community of the zone the person sees; the same key raises it once.
     * The call's routing (below) records it as a need of this emergency in the same transaction.
     *
     * @return the call's id
     */
    public long raise(CurrentUser user, long emergencyId, NeedRequest request, String idempotencyKey) {
        if (user.role() != Role.COMMUNITY_STAFF && user.role() != Role.STREET_STAFF && user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有社区、街道工作人员和区直机关工委可以登记居民需求");
        }
        places.requireVisible(user, emergencyId);
        if (request == null) {
            throw new IllegalArgumentException("请填写居民需求");
        }
        NeedKind kind = Parse.required(NeedKind.class, "kind", "需求类别", request.kind());
        long community = places.communityInScope(user, request.community(), "community");
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        return transactions.execute(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            emergency.requireActive();
            boolean inZone = jdbc.sql("SELECT COUNT(*) FROM emergency_area WHERE emergency_id = :e AND community_id = :c AND until IS NULL")
                    .param("e", emergencyId).param("c", community).query(Long.class).single() > 0;
            if (!inZone) {
                throw new IllegalArgumentException("该社区不在应急状态「" + emergency.name() + "」的范围内");
            }
            Origin origin = switch (user.role()) {
                case COMMUNITY_STAFF -> Origin.COMMUNITY;
                case STREET_STAFF -> Origin.STREET;
                default -> Origin.COMMAND_CENTRE;
            };
            // The need belongs to the emergency whose board it was entered on, even where zones overlap.
            entering.set(emergencyId);
            try {
                CallIntake.Raised raised = intake.raise(new CallIntake.Problem(user.username(), request.title(), request.description(),
                        kind.category(), origin, community, null, request.address(), request.contactName(), request.contactPhone(),
                        Urgency.EMERGENCY, key));
                return raised.callId();
            } finally {
                entering.remove();
            }
        });
    }

    /** A call changed: a new emergency call in an active zone becomes a need; a need follows its call's closing and reopening. */
    @EventListener
    void on(CallChanged changed) {
        if (changed.type() == CallEvent.Type.RAISED) {
            calls.fact(changed.callId()).filter(fact -> fact.urgency() == Urgency.EMERGENCY).ifPresent(this::route);
        } else if (changed.state() == CallState.CLOSED) {
            jdbc.sql("UPDATE emergency_need SET closed_at = :now WHERE call_id = :id AND closed_at IS NULL")
                    .param("now", Emergencies.at(clock.instant())).param("id", changed.callId()).update();
        } else if (changed.type() == CallEvent.Type.REOPENED) {
            jdbc.sql("UPDATE emergency_need SET closed_at = NULL WHERE call_id = :id AND closed_at IS NOT NULL")
                    .param("id", changed.callId()).update();
        }
    }

    private void route(CallFacts.Fact call) {
        Long intended = entering.get();
        Optional<Long> active = jdbc.sql("""
                        SELECT e.id FROM emergency e WHERE e.state = 'ACTIVE'
                        AND e.id IN (SELECT a.emergency_id FROM emergency_area a WHERE a.community_id = :c AND a.until IS NULL)
                        ORDER BY CASE WHEN e.id = :intended THEN 0 ELSE 1 END, e.started_at DESC, e.id DESC LIMIT 1""")
                .param("c", call.communityId()).param("intended", intended == null ? -1L : intended).query(Long.class).optional();
        if (active.isEmpty()) {
            return;
        }
        // Locked like every change of the emergency, so a need never lands on one being stood down; a resident's
        // call raised in that moment simply is not a need.
        Emergency emergency = emergencies.lock(active.get());
        if (emergency.state() != Emergency.State.ACTIVE) {
            return;
        }
        Instant now = clock.instant();
        Optional<Team> team = team(emergency.id(), call.communityId());
        // The calls model dispatches to organs: the need goes to the organ its team's lead works in.
        Long organ = team.map(Team::organId).filter(o -> routing.dispatchQueued(call.id(), o, SYSTEM)).orElse(null);
        NeedKind kind = NeedKind.ofCategory(call.categoryCode());
        jdbc.sql("""
                        INSERT INTO emergency_need (call_id, emergency_id, community_id, kind, team_id, organ_id, raised_at, assigned_at)
                        VALUES (:call, :e, :c, :kind, :team, :organ, :raised, :assigned)""")
                .param("call", call.id()).param("e", emergency.id()).param("c", call.communityId()).param("kind", kind.name())
                .param("team", team.map(Team::id).orElse(null)).param("organ", organ).param("raised", Emergencies.at(call.raisedAt()))
                .param("assigned", team.isPresent() ? Emergencies.at(now) : null).update();
        emergency.record(team.isPresent() ? "NEED_ROUTED" : "NEED_UNROUTED", "需求 #" + call.id() + "（" + kind.label() + "）"
                + team.map(t -> " 交 " + t.name()).orElse(" 暂无队伍可派"), SYSTEM, now);
        emergencies.writeEvents(emergency);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("emergency", emergency.code());
        after.put("kind", kind.name());
        after.put("team", team.map(Team::id).orElse(null));
        after.put("organ", organ);
        audit.record(Audit.Entry.change(team.isPresent() ? "EMERGENCY_NEED_ROUTED" : "EMERGENCY_NEED_UNROUTED", "emergency_need",
                String.valueOf(call.id()), null, after));
    }

    /** The emergency whose board a need is being entered on, while its call is raised in this thread. */
    private final ThreadLocal<Long> entering = new ThreadLocal<>();

    private record Team(long id, String name, Long organId) {
    }

    /** The team of the emergency in the community with the fewest open needs; else one in the community's street. */
    private Optional<Team> team(long emergencyId, long communityId) {
        String choose = """
                SELECT t.id, t.name, l.organ_id FROM emergency_team t JOIN member l ON l.id = t.lead_member_id
                WHERE t.emergency_id = :e AND %s
                ORDER BY (SELECT COUNT(*) FROM emergency_need n WHERE n.team_id = t.id AND n.closed_at IS NULL), t.id LIMIT 1""";
        Optional<Team> here = jdbc.sql(choose.formatted("t.community_id = :c")).param("e", emergencyId).param("c", communityId)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).optional();
        if (here.isPresent()) {
            return here;
        }
        return jdbc.sql(choose.formatted("t.community_id IN (SELECT s.id FROM community s WHERE s.street_id = "
                        + "(SELECT c.street_id FROM community c WHERE c.id = :c))")).param("e", emergencyId).param("c", communityId)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).optional();
    }
}
