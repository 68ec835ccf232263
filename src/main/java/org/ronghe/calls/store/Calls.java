package org.ronghe.calls.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallState;
import org.ronghe.calls.ConcurrentChangeException;
import org.ronghe.calls.HandlerRole;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.platform.PersonalData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores calls: the call row (guarded by its version), its handlers, its dispatches and the events
 * it registered, all in the caller's transaction. Nothing is ever deleted.
 */
@Repository
public class Calls {

    private static final String INSERT_CALL = """
            INSERT INTO call (version, state, title, description, category_code, urgency, origin, community_id, street_id,
                              grid_id, address, latitude, longitude, raised_by, raiser_scope, contact_name, contact_phone,
                              idempotency_key, raised_at, lead_organ_id, accept_by, reply_by, round, generation, closed_at,
                              reply, rating, solved, reopens, extension_state, extension_until, extension_reason)
            VALUES (0, :state, :title, :description, :category, :urgency, :origin, :community, :street, :grid, :address,
                    :lat, :lng, :raisedBy, :scope, :contactName, :contactPhone, :idempotencyKey, :raisedAt, :lead, :acceptBy,
                    :replyBy, :round, :generation, :closedAt, :reply, :rating, :solved, :reopens, :extState, :extUntil,
                    :extReason)""";
    private static final String UPDATE_CALL = """
            UPDATE call SET version = version + 1, state = :state, lead_organ_id = :lead, accept_by = :acceptBy,
                   reply_by = :replyBy, round = :round,
                   generation = :generation, closed_at = :closedAt, reply = :reply, rating = :rating, solved = :solved,
                   reopens = :reopens, extension_state = :extState, extension_until = :extUntil, extension_reason = :extReason
            WHERE id = :id AND raised_at = :raisedAt AND version = :version""";
    private static final String INSERT_KEY = """
            INSERT INTO call_key (raised_by, idempotency_key, call_id) VALUES (:raisedBy, :key, :call)""";
    private static final String INSERT_HANDLER = """
            INSERT INTO call_handler (call_id, call_raised_at, organ_id, role, since, check_in_by, checked_in_at, missed, active,
                                      dispatched, call_open)
            VALUES (:call, :raisedAt, :organ, :role, :since, :checkInBy, :checkedInAt, :missed, :active, :dispatched, :callOpen)""";
    private static final String UPDATE_HANDLER = """
            UPDATE call_handler SET role = :role, since = :since, check_in_by = :checkInBy, checked_in_at = :checkedInAt,
                   missed = :missed, active = :active, dispatched = :dispatched, call_open = :callOpen
            WHERE call_id = :call AND organ_id = :organ""";
    private static final String INSERT_ASSIGNMENT = """
            INSERT INTO call_assignment (call_id, call_raised_at, organ_id, round, dispatched_at, accept_by, reply_by, urge_at,
                                         escalate_again_at, accepted_at, returned_at, rerouted_at, replied_at, rating,
                                         solved, rated_at, accept_overdue_at, urged_at, escalated_at, escalated_again_at,
                                         first_of_call, first_to_organ)
            VALUES (:call, :raisedAt, :organ, :round, :dispatchedAt, :acceptBy, :replyBy, :urgeAt, :escalateAgainAt, :acceptedAt,
                    :returnedAt, :reroutedAt, :repliedAt, :rating, :solved, :ratedAt, :acceptOverdueAt, :urgedAt,
                    :escalatedAt, :escalatedAgainAt, :firstOfCall, :firstToOrgan)""";
    private static final String UPDATE_ASSIGNMENT = """
            UPDATE call_assignment SET reply_by = :replyBy, urge_at = :urgeAt, escalate_again_at = :escalateAgainAt,
                   accepted_at = :acceptedAt, returned_at = :returnedAt, rerouted_at = :reroutedAt,
                   replied_at = :repliedAt, rating = :rating, solved = :solved, rated_at = :ratedAt,
                   accept_overdue_at = :acceptOverdueAt, urged_at = :urgedAt, escalated_at = :escalatedAt,
                   escalated_again_at = :escalatedAgainAt
            WHERE id = :id""";
    private static final String INSERT_EVENT = """
            INSERT INTO call_event (call_id, at, actor, type, from_state, to_state, organ_id, note)
            VALUES (:call, :at, :actor, :type, :from, :to, :organ, :note)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CallTallies tallies;
    private final PersonalData personal;

    Calls(NamedParameterJdbcTemplate jdbc, CallTallies tallies, PersonalData personal) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.personal = personal;
    }

    /** Writes a new or changed call; a changed call whose version moved meanwhile is refused. */
    public void save(Call call) {
        if (call.id() == null) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(INSERT_CALL, newCallParams(call), key, new String[]{"id"});
            call.assignIdentity(key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue());
            writeKeys(List.of(call));
        } else {
            int updated = jdbc.update(UPDATE_CALL, callParams(call).addValue("id", call.id()).addValue("version", call.version()));
            if (updated == 0) {
                throw new ConcurrentChangeException("诉求", call.id());
            }
            call.versionWritten();
        }
        writeParts(List.of(call));
    }

    /** Writes many new calls at once (the demo district's year of calls), with everything they registered. */
    public void saveAllNew(List<Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(INSERT_CALL, calls.stream().map(this::newCallParams).toArray(MapSqlParameterSource[]::new),
                keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        writeKeys(calls);
        writeParts(calls);
    }

    /** A second call under a key already taken fails here, with the key's unique constraint, and rolls back. */
    private void writeKeys(List<Call> calls) {
        batch(INSERT_KEY, calls.stream().filter(c -> c.raiser().idempotencyKey() != null)
                .map(c -> new MapSqlParameterSource().addValue("raisedBy", c.raiser().username())
                        .addValue("key", c.raiser().idempotencyKey()).addValue("call", c.id()))
                .toList());
    }

    private void writeParts(List<Call> calls) {
        List<MapSqlParameterSource> newHandlers = new ArrayList<>();
        List<MapSqlParameterSource> changedHandlers = new ArrayList<>();
        List<MapSqlParameterSource> events = new ArrayList<>();
        List<Call.Assignment> newAssignments = new ArrayList<>();
        List<MapSqlParameterSource> newAssignmentParams = new ArrayList<>();
        List<MapSqlParameterSource> changedAssignments = new ArrayList<>();
        for (Call call : calls) {
            // Each handler row knows whether its call is open, so that an organ's open calls are counted from its own rows.
            boolean open = call.state() != CallState.CLOSED;
            boolean openChanged = call.storedState() != null && (call.storedState() != CallState.CLOSED) != open;
            for (Call.Handler h : call.handlers()) {
                MapSqlParameterSource p = new MapSqlParameterSource().addValue("call", call.id())
                        .addValue("raisedAt", time(call.raisedAt())).addValue("organ", h.organId())
                        .addValue("role", h.role().name()).addValue("since", time(h.since()))
                        .addValue("checkInBy", time(h.checkInBy())).addValue("checkedInAt", time(h.checkedInAt()))
                        .addValue("missed", h.missed()).addValue("active", h.active()).addValue("dispatched", h.dispatched())
                        .addValue("callOpen", open);
                if (!h.stored()) {
                    newHandlers.add(p);
                } else if (h.changed() || openChanged) {
                    changedHandlers.add(p);
                }
            }
            boolean stepped = !call.events().isEmpty();
            for (Call.Assignment a : call.assignmentsToWrite()) {
                MapSqlParameterSource p = assignmentParams(call.id(), a).addValue("raisedAt", time(call.raisedAt()));
                if (a.id() == null) {
                    newAssignments.add(a);
                    newAssignmentParams.add(p);
                } else if (stepped) {
                    // Every step that changes a call touches its current dispatch (or replaced it).
                    changedAssignments.add(p.addValue("id", a.id()));
                }
            }
            for (CallEvent e : call.events()) {
                events.add(new MapSqlParameterSource().addValue("call", call.id()).addValue("at", time(e.at()))
                        .addValue("actor", e.actor()).addValue("type", e.type().name())
                        .addValue("from", e.from() == null ? null : e.from().name()).addValue("to", e.to().name())
                        .addValue("organ", e.organId()).addValue("note", e.note()));
            }
        }
        batch(INSERT_HANDLER, newHandlers);
        batch(UPDATE_HANDLER, changedHandlers);
        if (!newAssignmentParams.isEmpty()) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.batchUpdate(INSERT_ASSIGNMENT, newAssignmentParams.toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
            List<Map<String, Object>> generated = keys.getKeyList();
            for (int i = 0; i < newAssignments.size(); i++) {
                newAssignments.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
            }
        }
        batch(UPDATE_ASSIGNMENT, changedAssignments);
        batch(INSERT_EVENT, events);
        tallies.add(calls);
        for (Call call : calls) {
            call.handlers().forEach(Call.Handler::markStored);
            call.assignmentsToWrite().forEach(Call.Assignment::markStored);
            call.written();
        }
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Loads a call with its handlers and current dispatch in one query. The dispatch join names its call
     * ({@code a.call_id = c.id}) so that the planner reads it through the call's index: with the subquery
     * alone, PostgreSQL hashed the whole dispatch table on every load (found by bench/call-loop.sh).
     */
    public Optional<Call> find(long id) {
        List<Call.Handler> handlers = new ArrayList<>();
        Call.Snapshot[] snapshot = new Call.Snapshot[1];
        jdbc.query("""
                SELECT c.*, h.organ_id AS h_organ, h.role AS h_role, h.since AS h_since, h.check_in_by AS h_check_in_by,
                       h.checked_in_at AS h_checked_in_at, h.missed AS h_missed, h.active AS h_active,
                       h.dispatched AS h_dispatched, a.first_of_call AS a_first_of_call, a.first_to_organ AS a_first_to_organ,
                       a.id AS a_id, a.organ_id AS a_organ, a.round AS a_round, a.dispatched_at AS a_dispatched_at,
                       a.accept_by AS a_accept_by, a.reply_by AS a_reply_by, a.urge_at AS a_urge_at,
                       a.escalate_again_at AS a_escalate_again_at, a.accepted_at AS a_accepted_at,
                       a.returned_at AS a_returned_at, a.rerouted_at AS a_rerouted_at, a.replied_at AS a_replied_at,
                       a.rating AS a_rating, a.solved AS a_solved, a.rated_at AS a_rated_at,
                       a.accept_overdue_at AS a_accept_overdue_at, a.urged_at AS a_urged_at,
                       a.escalated_at AS a_escalated_at, a.escalated_again_at AS a_escalated_again_at
                FROM call c
                LEFT JOIN call_assignment a ON a.call_id = c.id AND a.id = (SELECT MAX(x.id) FROM call_assignment x WHERE x.call_id = c.id)
                LEFT JOIN call_handler h ON h.call_id = c.id
                WHERE c.id = :id ORDER BY h.since""", Map.of("id", id), rs -> {
            if (snapshot[0] == null) {
                snapshot[0] = snapshot(rs, handlers, personal.open(PersonalData.CALL_CONTACT_PHONE, rs.getString("contact_phone")));
            }
            if (rs.getObject("h_organ") != null) {
                handlers.add(new Call.Handler(rs.getLong("h_organ"), HandlerRole.valueOf(rs.getString("h_role")),
                        instant(rs, "h_since"), instant(rs, "h_check_in_by"), instant(rs, "h_checked_in_at"),
                        rs.getBoolean("h_missed"), rs.getBoolean("h_active"), rs.getBoolean("h_dispatched")));
            }
        });
        return Optional.ofNullable(snapshot[0]).map(Call::restore);
    }

    private static Call.Snapshot snapshot(ResultSet rs, List<Call.Handler> handlers, String contactPhone) throws SQLException {
        Call.Assignment assignment = rs.getObject("a_id") == null ? null : new Call.Assignment(rs.getLong("a_id"),
                rs.getLong("a_organ"), rs.getInt("a_round"), instant(rs, "a_dispatched_at"), instant(rs, "a_accept_by"),
                instant(rs, "a_reply_by"), instant(rs, "a_urge_at"), instant(rs, "a_escalate_again_at"),
                instant(rs, "a_accepted_at"), instant(rs, "a_returned_at"), instant(rs, "a_rerouted_at"),
                instant(rs, "a_replied_at"), rating(rs.getString("a_rating")), (Boolean) rs.getObject("a_solved"),
                instant(rs, "a_rated_at"), instant(rs, "a_accept_overdue_at"), instant(rs, "a_urged_at"),
                instant(rs, "a_escalated_at"), instant(rs, "a_escalated_again_at"), rs.getBoolean("a_first_of_call"),
                rs.getBoolean("a_first_to_organ"));
        return new Call.Snapshot(rs.getLong("id"), rs.getInt("version"), CallState.valueOf(rs.getString("state")),
                new Call.Details(rs.getString("title"), rs.getString("description"), rs.getString("category_code"),
                        Urgency.valueOf(rs.getString("urgency")), Origin.valueOf(rs.getString("origin"))),
                new Call.Place(rs.getLong("community_id"), rs.getLong("street_id"), (Long) rs.getObject("grid_id", Long.class),
                        rs.getString("address"), (Double) rs.getObject("latitude", Double.class),
                        (Double) rs.getObject("longitude", Double.class)),
                new Call.Raiser(rs.getString("raised_by"), rs.getString("raiser_scope"), rs.getString("contact_name"),
                        contactPhone, rs.getString("idempotency_key")),
                instant(rs, "raised_at"), (Long) rs.getObject("lead_organ_id", Long.class), rs.getInt("round"),
                rs.getInt("generation"), assignment, instant(rs, "closed_at"), rs.getString("reply"),
                rating(rs.getString("rating")), (Boolean) rs.getObject("solved"), rs.getInt("reopens"),
                new Call.Extension(Call.Extension.State.valueOf(rs.getString("extension_state")),
                        instant(rs, "extension_until"), rs.getString("extension_reason")),
                handlers);
    }

    /** The call an account already raised under an idempotency key, if any. */
    public Optional<Long> idForKey(String username, String key) {
        return jdbc.query("SELECT call_id FROM call_key WHERE raised_by = :u AND idempotency_key = :k",
                Map.of("u", username, "k", key), (rs, n) -> rs.getLong(1)).stream().findFirst();
    }

    /** The contact phone is written once, sealed, when the call is raised; later steps never touch it. */
    private MapSqlParameterSource newCallParams(Call c) {
        return callParams(c).addValue("contactPhone", personal.seal(PersonalData.CALL_CONTACT_PHONE, c.raiser().contactPhone()));
    }

    private static MapSqlParameterSource callParams(Call c) {
        Map<String, Object> p = new HashMap<>();
        p.put("state", c.state().name());
        p.put("title", c.details().title());
        p.put("description", c.details().description());
        p.put("category", c.details().categoryCode());
        p.put("urgency", c.details().urgency().name());
        p.put("origin", c.details().origin().name());
        p.put("community", c.place().communityId());
        p.put("street", c.place().streetId());
        p.put("grid", c.place().gridId());
        p.put("address", c.place().address());
        p.put("lat", c.place().latitude());
        p.put("lng", c.place().longitude());
        p.put("raisedBy", c.raiser().username());
        p.put("scope", c.raiser().scopeCode());
        p.put("contactName", c.raiser().contactName());
        p.put("idempotencyKey", c.raiser().idempotencyKey());
        p.put("raisedAt", time(c.raisedAt()));
        p.put("lead", c.leadOrganId());
        p.put("acceptBy", c.assignment() == null ? null : time(c.assignment().acceptBy()));
        p.put("replyBy", c.assignment() == null ? null : time(c.assignment().replyBy()));
        p.put("round", c.round());
        p.put("generation", c.generation());
        p.put("closedAt", time(c.closedAt()));
        p.put("reply", c.reply());
        p.put("rating", c.rating() == null ? null : c.rating().name());
        p.put("solved", c.solved());
        p.put("reopens", c.reopens());
        p.put("extState", c.extension().state().name());
        p.put("extUntil", time(c.extension().until()));
        p.put("extReason", c.extension().reason());
        return new MapSqlParameterSource(p);
    }

    private static MapSqlParameterSource assignmentParams(long call, Call.Assignment a) {
        return new MapSqlParameterSource().addValue("call", call).addValue("organ", a.organId()).addValue("round", a.round())
                .addValue("dispatchedAt", time(a.dispatchedAt())).addValue("acceptBy", time(a.acceptBy()))
                .addValue("replyBy", time(a.replyBy())).addValue("urgeAt", time(a.urgeAt()))
                .addValue("escalateAgainAt", time(a.escalateAgainAt())).addValue("acceptedAt", time(a.acceptedAt()))
                .addValue("returnedAt", time(a.returnedAt())).addValue("reroutedAt", time(a.reroutedAt()))
                .addValue("repliedAt", time(a.repliedAt())).addValue("rating", a.rating() == null ? null : a.rating().name())
                .addValue("solved", a.solved()).addValue("ratedAt", time(a.ratedAt()))
                .addValue("acceptOverdueAt", time(a.acceptOverdueAt())).addValue("urgedAt", time(a.urgedAt()))
                .addValue("escalatedAt", time(a.escalatedAt())).addValue("escalatedAgainAt", time(a.escalatedAgainAt()))
                .addValue("firstOfCall", a.firstOfCall()).addValue("firstToOrgan", a.firstToOrgan());
    }

    /** Instants travel as UTC offset date-times, which both H2 and the PostgreSQL driver bind. */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Rating rating(String value) {
        return value == null ? null : Rating.valueOf(value);
    }
}
