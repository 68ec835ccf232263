package org.ronghe.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.platform.Texts;

/**
 * A call (呼): raised by a community, street or grid, answered by an organ. Its state changes only
 * through the guarded methods below, each of which registers the event that the repository writes
 * in the same transaction. The aggregate knows nothing of Spring, the database or the clock: every
 * method is given the instant it happens at.
 */
public class Call {

    public static final int MAX_REOPENS = 2;
    /** The longest texts a call keeps (its columns; a rating's comment shares the event note with the rating). */
    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 4000;
    public static final int ADDRESS_LENGTH = 300;
    public static final int CONTACT_NAME_LENGTH = 50;
    public static final int CONTACT_PHONE_LENGTH = 20;
    public static final int KEY_LENGTH = 100;
    static final int REASON_LENGTH = 2000;
    static final int REPLY_LENGTH = 4000;
    static final int COMMENT_LENGTH = 1000;
    static final int EXTENSION_REASON_LENGTH = 500;
    static final String SYSTEM = "system";

    private Long id;
    private int version;
    private CallState state;
    private final Details details;
    private final Place place;
    private final Raiser raiser;
    private final Instant raisedAt;
    private Long leadOrganId;
    private int round;
    private int generation;
    private Assignment assignment;
    private final List<Assignment> replacedAssignments = new ArrayList<>();
    private Instant closedAt;
    private String reply;
    private Rating rating;
    private Boolean solved;
    private int reopens;
    private Extension extension = Extension.NONE;
    private int storedGeneration;
    private CallState storedState;
    private boolean checkInsChanged;
    private final Map<Long, Handler> handlers = new LinkedHashMap<>();
    private final List<CallEvent> events = new ArrayList<>();

    private Call(Details details, Place place, Raiser raiser, Instant raisedAt) {
        this.details = details;
        this.place = place;
        this.raiser = raiser;
        this.raisedAt = raisedAt;
        this.state = CallState.RAISED;
    }

    /** Raises a new call; it waits in the dispatcher queue until dispatched. */
    public static Call raise(Details details, Place place, Raiser raiser, Instant now) {
        if (details.title() == null || details.title().isBlank()) {
            throw new IllegalArgumentException("诉求标题不能为空");
        }
        Texts.check("诉求标题", details.title(), TITLE_LENGTH);
        Texts.check("诉求描述", details.description(), DESCRIPTION_LENGTH);
        Texts.check("地址", place.address(), ADDRESS_LENGTH);
        Texts.check("联系人", raiser.contactName(), CONTACT_NAME_LENGTH);
        Texts.check("联系电话", raiser.contactPhone(), CONTACT_PHONE_LENGTH);
        Texts.check("Idempotency-Key", raiser.idempotencyKey(), KEY_LENGTH);
        Call call = new Call(details, place, raiser, now);
        call.record(CallEvent.Type.RAISED, now, raiser.username(), null, null, details.description());
        return call;
    }

    /** Rebuilds a stored call; only the repository uses it. */
    public static Call restore(Snapshot s) {
        Call call = new Call(s.details(), s.place(), s.raiser(), s.raisedAt());
        call.id = s.id();
        call.version = s.version();
        call.state = s.state();
        call.leadOrganId = s.leadOrganId();
        call.round = s.round();
        call.generation = s.generation();
        call.assignment = s.assignment();
        call.closedAt = s.closedAt();
        call.reply = s.reply();
        call.rating = s.rating();
        call.solved = s.solved();
        call.reopens = s.reopens();
        call.extension = s.extension();
        call.storedGeneration = s.generation();
        call.storedState = s.state();
        s.handlers().forEach(h -> call.handlers.put(h.organId(), h));
        return call;
    }

    /** Sends the call to a lead organ (and co-handlers), or re-routes it before it is accepted. */
    public void dispatch(long lead, Set<Long> coHandlers, Deadlines deadlines, Instant now, String actor) {
        guard(state.inQueue() || state == CallState.DISPATCHED, "派单");
        CallState from = state;
        boolean reroute = state == CallState.DISPATCHED;
        if (reroute) {
            assignment.reroutedAt = now;
            retire(leadOrganId);
            handlers.values().stream().filter(h -> h.role == HandlerRole.CO && !coHandlers.contains(h.organId))
                    .forEach(h -> retire(h.organId));
        }
        if (round == 0) {
            round = 1;
        }
        startAssignment(lead, deadlines, now);
        for (Long co : coHandlers) {
            if (co != lead) {
                join(co, HandlerRole.CO, now);
            }
        }
        state = CallState.DISPATCHED;
        record(reroute ? CallEvent.Type.REROUTED : CallEvent.Type.DISPATCHED, now, actor, from, lead, null);
    }

    public void accept(long organ, Instant now, String actor) {
        guard(state == CallState.DISPATCHED, "签收");
        guardLead(organ, "签收");
        assignment.acceptedAt = now;
        state = CallState.ACCEPTED;
        record(CallEvent.Type.ACCEPTED, now, actor, CallState.DISPATCHED, organ, null);
    }

    /** The lead organ returns a call that is not its business; it goes back to the dispatcher queue. */
    public void giveBack(long organ, String reason, Instant now, String actor) {
        guard(state == CallState.DISPATCHED, "退单");
        guardLead(organ, "退单");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("退单须说明理由");
        }
        Texts.check("退单理由", reason, REASON_LENGTH);
        assignment.returnedAt = now;
        retire(organ);
        leadOrganId = null;
        generation++;
        state = CallState.RETURNED;
        record(CallEvent.Type.RETURNED, now, actor, CallState.DISPATCHED, organ, reason.trim());
    }

    public void reply(long organ, String text, Instant now, String actor) {
        guard(state == CallState.ACCEPTED, "办结答复");
        guardLead(organ, "办结答复");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("答复内容不能为空");
        }
        Texts.check("答复内容", text, REPLY_LENGTH);
        reply = text.trim();
        assignment.repliedAt = now;
        generation++;
        state = CallState.REPLIED;
        record(CallEvent.Type.REPLIED, now, actor, CallState.ACCEPTED, organ, reply);
    }

    /** The caller rates the reply; the call closes, and an unsatisfied rating may be reopened. */
    public void rate(Rating given, boolean isSolved, String comment, Instant now, String actor) {
        guard(state == CallState.REPLIED, "评价");
        if (given == null) {
            throw new IllegalArgumentException("请选择评价：满意、基本满意或不满意");
        }
        Texts.check("评价意见", comment, COMMENT_LENGTH);
        rating = given;
        solved = isSolved;
        assignment.rating = given;
        assignment.solved = isSolved;
        assignment.ratedAt = now;
        close(now);
        String note = given.label() + (isSolved ? "，已解决" : "，未解决") + (comment == null || comment.isBlank() ? "" : "：" + comment.trim());
        record(CallEvent.Type.RATED, now, actor, CallState.REPLIED, leadOrganId, note);
    }

    /** Closes a reply that nobody rated within the limit; it counts in no satisfaction figure. */
    public boolean closeUnrated(int forGeneration, Instant now) {
        if (forGeneration != generation || state != CallState.REPLIED) {
            return false;
        }
        close(now);
        record(CallEvent.Type.CLOSED_UNRATED, now, SYSTEM, CallState.REPLIED, leadOrganId, null);
        return true;
    }

    /** 重办: an unsatisfied caller sends the call back to the same lead organ with new deadlines. */
    public void reopen(String reason, Deadlines deadlines, Instant now, String actor) {
        guard(state == CallState.CLOSED && rating == Rating.UNSATISFIED, "重办", "只有评价为不满意的诉求可以重办");
        Texts.check("重办理由", reason, REASON_LENGTH);
        if (reopens >= MAX_REOPENS) {
            throw new CallStateException(state, "重办", "已重办 " + MAX_REOPENS + " 次");
        }
        reopens++;
        round++;
        rating = null;
        solved = null;
        reply = null;
        closedAt = null;
        long lead = leadOrganId;
        startAssignment(lead, deadlines, now);
        state = CallState.DISPATCHED;
        record(CallEvent.Type.REOPENED, now, actor, CallState.CLOSED, lead, reason);
    }

    /** The lead organ asks once per dispatch for more time; the dispatcher decides. */
    public void requestExtension(long organ, Instant until, String reason, Instant now, String actor) {
        guard(state == CallState.ACCEPTED, "申请延期");
        guardLead(organ, "申请延期");
        if (extension.state() != Extension.State.NONE) {
            throw new CallStateException(state, "申请延期", "本次办理已申请过延期");
        }
        if (until == null || !until.isAfter(assignment.replyBy)) {
            throw new IllegalArgumentException("延期后的期限须晚于原办结期限");
        }
        if (until.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw new IllegalArgumentException("延期后的期限须在一年之内");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("申请延期须说明理由");
        }
        Texts.check("延期理由", reason, EXTENSION_REASON_LENGTH);
        extension = new Extension(Extension.State.REQUESTED, until, reason.trim());
        record(CallEvent.Type.EXTENSION_REQUESTED, now, actor, state, organ, "至 " + until + "：" + reason.trim());
    }

    /** @return the new deadlines when approved (timers must follow them), empty when refused */
    public Optional<Instant> decideExtension(boolean approve, Deadlines approved, Instant now, String actor) {
        if (extension.state() != Extension.State.REQUESTED) {
            throw new CallStateException(state, "审批延期", "没有待审批的延期申请");
        }
        guard(state == CallState.ACCEPTED, "审批延期");
        if (!approve) {
            extension = new Extension(Extension.State.REFUSED, extension.until(), extension.reason());
            record(CallEvent.Type.EXTENSION_REFUSED, now, actor, state, leadOrganId, null);
            return Optional.empty();
        }
        extension = new Extension(Extension.State.APPROVED, extension.until(), extension.reason());
        assignment.replyBy = approved.replyBy();
        assignment.urgeAt = approved.urgeAt();
        assignment.escalateAgainAt = approved.escalateAgainAt();
        generation++;
        record(CallEvent.Type.EXTENSION_APPROVED, now, actor, state, leadOrganId, "办结期限延至 " + approved.replyBy());
        return Optional.of(approved.replyBy());
    }

    /** 吹哨: the street summons several organs onto the call; each must check in by the given time. */
    public List<Long> whistle(Collection<Long> organs, Instant checkInBy, Instant now, String actor) {
        guard(state.open() && state != CallState.REPLIED, "吹哨");
        List<Long> summoned = new ArrayList<>();
        for (Long organ : organs) {
            Handler existing = handlers.get(organ);
            boolean pending = existing != null && existing.checkInBy != null && existing.checkedInAt == null && !existing.missed;
            if (pending) {
                continue;
            }
            if (existing == null || !existing.active) {
                join(organ, HandlerRole.WHISTLED, now);
                existing = handlers.get(organ);
            }
            existing.checkInBy = checkInBy;
            existing.checkedInAt = null;
            existing.missed = false;
            existing.changed = true;
            checkInsChanged = true;
            summoned.add(organ);
            record(CallEvent.Type.WHISTLED, now, actor, state, organ, "须于 " + checkInBy + " 前报到");
        }
        if (summoned.isEmpty()) {
            throw new IllegalArgumentException("请至少选择一个尚未报到的机关单位");
        }
        return summoned;
    }

    public void checkIn(long organ, Instant now, String actor) {
        guard(state.open(), "报到");
        Handler handler = handlers.get(organ);
        if (handler == null || handler.checkInBy == null) {
            throw new CallStateException(state, "报到", "该单位未被吹哨召集");
        }
        if (handler.checkedInAt != null) {
            throw new CallStateException(state, "报到", "该单位已报到");
        }
        handler.checkedInAt = now;
        handler.changed = true;
        record(CallEvent.Type.CHECKED_IN, now, actor, state, organ,
                now.isAfter(handler.checkInBy) ? "逾时报到" : "按时报到");
    }

    /** @return whether the check-in due at {@code due} was missed (and is now recorded as such) */
    public boolean checkInMissed(long organ, Instant due, Instant now) {
        Handler handler = handlers.get(organ);
        if (!state.open() || handler == null || handler.checkInBy == null || handler.checkedInAt != null || handler.missed
                || due.getEpochSecond() != handler.checkInBy.getEpochSecond()) {
            return false;
        }
        handler.missed = true;
        handler.changed = true;
        record(CallEvent.Type.CHECK_IN_MISSED, now, SYSTEM, state, organ, "报到时限 " + handler.checkInBy);
        return true;
    }

    /** The accept limit passed without acceptance. */
    public boolean acceptOverdue(int forGeneration, Instant now) {
        if (!timer(forGeneration, state == CallState.DISPATCHED && assignment.acceptOverdueAt == null, CallEvent.Type.ACCEPT_OVERDUE, now)) {
            return false;
        }
        assignment.acceptOverdueAt = now;
        return true;
    }

    /** 催办 at 80 % of the reply time. */
    public boolean urge(int forGeneration, Instant now) {
        if (!timer(forGeneration, awaitingReply() && assignment.urgedAt == null, CallEvent.Type.URGED, now)) {
            return false;
        }
        assignment.urgedAt = now;
        return true;
    }

    /** 督办 at the reply deadline, to the organ's secretary. */
    public boolean escalate(int forGeneration, Instant now) {
        if (!timer(forGeneration, awaitingReply() && assignment.escalatedAt == null, CallEvent.Type.ESCALATED, now)) {
            return false;
        }
        assignment.escalatedAt = now;
        return true;
    }

    /** 再次督办 one working day later, to the leader who liaises with the call's street. */
    public boolean escalateAgain(int forGeneration, Instant now) {
        if (!timer(forGeneration, awaitingReply() && assignment.escalatedAgainAt == null, CallEvent.Type.ESCALATED_AGAIN, now)) {
            return false;
        }
        assignment.escalatedAgainAt = now;
        return true;
    }

    /**
     * A timer applies only to the generation of deadlines it was set for, and each kind fires once per
     * dispatch even if the scheduler runs it again after a crash (it is at-least-once underneath).
     */
    private boolean timer(int forGeneration, boolean applies, CallEvent.Type type, Instant now) {
        if (forGeneration != generation || !applies) {
            return false;
        }
        record(type, now, SYSTEM, state, leadOrganId, null);
        return true;
    }

    public boolean awaitingReply() {
        return state == CallState.DISPATCHED || state == CallState.ACCEPTED;
    }

    public boolean overdue(Instant now) {
        if (assignment == null) {
            return false;
        }
        return (state == CallState.DISPATCHED && now.isAfter(assignment.acceptBy))
                || (awaitingReply() && now.isAfter(assignment.replyBy));
    }

    private void startAssignment(long lead, Deadlines deadlines, Instant now) {
        leadOrganId = lead;
        if (assignment != null) {
            replacedAssignments.add(assignment);
        }
        Handler before = handlers.get(lead);
        assignment = new Assignment(lead, round, now, deadlines, assignment == null && replacedAssignments.isEmpty(),
                before == null || !before.dispatched);
        join(lead, HandlerRole.LEAD, now);
        handlers.get(lead).dispatched = true;
        extension = Extension.NONE;
        generation++;
    }

    /** Makes an organ a handler in the given role, bringing back one that took part before. */
    private void join(long organ, HandlerRole role, Instant now) {
        Handler handler = handlers.get(organ);
        if (handler == null) {
            handlers.put(organ, Handler.of(organ, role, null, now));
            return;
        }
        if (role == HandlerRole.LEAD || !handler.active) {
            handler.role = role;
            handler.since = now;
        }
        handler.active = true;
        handler.changed = true;
    }

    /** An organ stops taking part (returned or re-routed); its row stays, so the history shows it. */
    private void retire(Long organ) {
        Handler handler = organ == null ? null : handlers.get(organ);
        if (handler != null) {
            handler.active = false;
            handler.changed = true;
        }
    }

    private void close(Instant now) {
        closedAt = now;
        state = CallState.CLOSED;
    }

    private void guard(boolean allowed, String attempted) {
        if (!allowed) {
            throw new CallStateException(state, attempted);
        }
    }

    private void guard(boolean allowed, String attempted, String why) {
        if (!allowed) {
            throw new CallStateException(state, attempted, why);
        }
    }

    private void guardLead(long organ, String attempted) {
        if (leadOrganId == null || leadOrganId != organ) {
            throw new NotLeadException("只有主办单位可以" + attempted);
        }
    }

    private void record(CallEvent.Type type, Instant at, String actor, CallState from, Long organ, String note) {
        events.add(new CallEvent(type, at, actor, from, state, organ, note));
    }

    /** The events registered since the call was loaded; the repository writes and then clears them. */
    public List<CallEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The dispatches to write: earlier ones replaced since loading (re-routed, reopened), then the current one. */
    public List<Assignment> assignmentsToWrite() {
        List<Assignment> all = new ArrayList<>(replacedAssignments);
        if (assignment != null) {
            all.add(assignment);
        }
        return all;
    }

    /** Called by the repository once events and assignments are stored. */
    public void written() {
        events.clear();
        replacedAssignments.clear();
        storedGeneration = generation;
        storedState = state;
        checkInsChanged = false;
        handlers.values().forEach(h -> h.changed = false);
    }

    /** The state as the database holds it ({@code null} before the call is first stored): what its tallies count. */
    public CallState storedState() {
        return storedState;
    }

    /** Whether the timers this call needs may differ from those already planned: new deadlines or new check-ins. */
    public boolean timersChanged() {
        return generation != storedGeneration || checkInsChanged;
    }

    public void assignIdentity(long newId) {
        if (id != null) {
            throw new IllegalStateException("call " + id + " already has an identity");
        }
        this.id = newId;
    }

    public void versionWritten() {
        version++;
    }

    public Long id() { return id; }
    public int version() { return version; }
    public CallState state() { return state; }
    public Details details() { return details; }
    public Place place() { return place; }
    public Raiser raiser() { return raiser; }
    public Instant raisedAt() { return raisedAt; }
    public Long leadOrganId() { return leadOrganId; }
    public int round() { return round; }
    public int generation() { return generation; }
    public Assignment assignment() { return assignment; }
    public Instant closedAt() { return closedAt; }
    public String reply() { return reply; }
    public Rating rating() { return rating; }
    public Boolean solved() { return solved; }
    public int reopens() { return reopens; }
    public Extension extension() { return extension; }
    public Collection<Handler> handlers() { return Collections.unmodifiableCollection(handlers.values()); }

    /** The organ's part in the call, if it currently takes part. */
    public Optional<Handler> handler(long organ) {
        return Optional.ofNullable(handlers.get(organ)).filter(Handler::active);
    }

    /** What a call is about. */
    public record Details(String title, String description, String categoryCode, Urgency urgency, Origin origin) {
    }

    /** Where a call is: always a community (and so a street), optionally a grid, an address and a point. */
    public record Place(long communityId, long streetId, Long gridId, String address, Double latitude, Double longitude) {
    }

    /** Who raised the call and how to reach the person concerned. */
    public record Raiser(String username, String scopeCode, String contactName, String contactPhone, String idempotencyKey) {
    }

    public record Extension(State state, Instant until, String reason) {

        static final Extension NONE = new Extension(State.NONE, null, null);

        public enum State { NONE, REQUESTED, APPROVED, REFUSED }
    }

    /** Everything the repository stores, to rebuild the aggregate. */
    public record Snapshot(Long id, int version, CallState state, Details details, Place place, Raiser raiser,
                           Instant raisedAt, Long leadOrganId, int round, int generation, Assignment assignment,
                           Instant closedAt, String reply, Rating rating, Boolean solved, int reopens,
                           Extension extension, List<Handler> handlers) {
    }

    /** An organ taking part in the call. */
    public static final class Handler {
        private final long organId;
        HandlerRole role;
        Instant since;
        Instant checkInBy;
        Instant checkedInAt;
        boolean missed;
        boolean active;
        boolean dispatched;
        boolean stored;
        boolean changed;

        public Handler(long organId, HandlerRole role, Instant since, Instant checkInBy, Instant checkedInAt, boolean missed,
                       boolean active, boolean dispatched) {
            this.organId = organId;
            this.dispatched = dispatched;
            this.role = role;
            this.since = since;
            this.checkInBy = checkInBy;
            this.checkedInAt = checkedInAt;
            this.missed = missed;
            this.active = active;
            this.stored = true;
        }

        static Handler of(long organId, HandlerRole role, Instant checkInBy, Instant since) {
            Handler handler = new Handler(organId, role, since, checkInBy, null, false, true, false);
            handler.stored = false;
            return handler;
        }

        /** Whether the row exists in the database (the repository inserts the others). */
        public boolean stored() { return stored; }
        /** Whether a stored row needs writing again. */
        public boolean changed() { return changed; }
        public void markStored() { stored = true; }
        public boolean active() { return active; }
        public long organId() { return organId; }
        public HandlerRole role() { return role; }
        public Instant since() { return since; }
        public Instant checkInBy() { return checkInBy; }
        public Instant checkedInAt() { return checkedInAt; }
        public boolean missed() { return missed; }
        /** Whether the call was ever dispatched to this organ (as opposed to its only co-handling or being summoned). */
        public boolean dispatched() { return dispatched; }
    }

    /**
     * One dispatch of the call to an organ: the unit the organ's rates are computed over (was it
     * accepted in time, replied in time, how was the reply rated).
     */
    public static final class Assignment {
        Long id;
        final long organId;
        final int round;
        final Instant dispatchedAt;
        final Instant acceptBy;
        Instant replyBy;
        Instant urgeAt;
        Instant escalateAgainAt;
        Instant acceptedAt;
        Instant returnedAt;
        Instant reroutedAt;
        Instant repliedAt;
        Rating rating;
        Boolean solved;
        Instant ratedAt;
        Instant acceptOverdueAt;
        Instant urgedAt;
        Instant escalatedAt;
        Instant escalatedAgainAt;
        final boolean firstOfCall;
        final boolean firstToOrgan;
        private Assignment stored;

        Assignment(long organId, int round, Instant dispatchedAt, Deadlines deadlines, boolean firstOfCall, boolean firstToOrgan) {
            this.organId = organId;
            this.round = round;
            this.dispatchedAt = dispatchedAt;
            this.acceptBy = deadlines.acceptBy();
            this.replyBy = deadlines.replyBy();
            this.urgeAt = deadlines.urgeAt();
            this.escalateAgainAt = deadlines.escalateAgainAt();
            this.firstOfCall = firstOfCall;
            this.firstToOrgan = firstToOrgan;
        }

        public Assignment(Long id, long organId, int round, Instant dispatchedAt, Instant acceptBy, Instant replyBy,
                          Instant urgeAt, Instant escalateAgainAt, Instant acceptedAt, Instant returnedAt,
                          Instant reroutedAt, Instant repliedAt, Rating rating, Boolean solved, Instant ratedAt,
                          Instant acceptOverdueAt, Instant urgedAt, Instant escalatedAt, Instant escalatedAgainAt,
                          boolean firstOfCall, boolean firstToOrgan) {
            this(organId, round, dispatchedAt, new Deadlines(acceptBy, replyBy, urgeAt, escalateAgainAt), firstOfCall, firstToOrgan);
            this.id = id;
            this.acceptOverdueAt = acceptOverdueAt;
            this.urgedAt = urgedAt;
            this.escalatedAt = escalatedAt;
            this.escalatedAgainAt = escalatedAgainAt;
            this.acceptedAt = acceptedAt;
            this.returnedAt = returnedAt;
            this.reroutedAt = reroutedAt;
            this.repliedAt = repliedAt;
            this.rating = rating;
            this.solved = solved;
            this.ratedAt = ratedAt;
            markStored();
        }

        /** The dispatch as the database holds it ({@code null} before it is first stored): what its tallies count. */
        public Assignment stored() { return stored; }

        /** Called by the repository once the row is written. */
        public void markStored() {
            Assignment copy = new Assignment(organId, round, dispatchedAt, new Deadlines(acceptBy, replyBy, urgeAt, escalateAgainAt),
                    firstOfCall, firstToOrgan);
            copy.id = id;
            copy.acceptedAt = acceptedAt;
            copy.returnedAt = returnedAt;
            copy.reroutedAt = reroutedAt;
            copy.repliedAt = repliedAt;
            copy.rating = rating;
            copy.solved = solved;
            copy.ratedAt = ratedAt;
            stored = copy;
        }

        public boolean firstOfCall() { return firstOfCall; }
        public boolean firstToOrgan() { return firstToOrgan; }
        public Long id() { return id; }
        public void assignIdentity(long newId) { id = newId; }
        public long organId() { return organId; }
        public int round() { return round; }
        public Instant dispatchedAt() { return dispatchedAt; }
        public Instant acceptBy() { return acceptBy; }
        public Instant replyBy() { return replyBy; }
        public Instant urgeAt() { return urgeAt; }
        public Instant escalateAgainAt() { return escalateAgainAt; }
        public Instant acceptedAt() { return acceptedAt; }
        public Instant returnedAt() { return returnedAt; }
        public Instant reroutedAt() { return reroutedAt; }
        public Instant repliedAt() { return repliedAt; }
        public Rating rating() { return rating; }
        public Boolean solved() { return solved; }
        public Instant ratedAt() { return ratedAt; }
        public Instant acceptOverdueAt() { return acceptOverdueAt; }
        public Instant urgedAt() { return urgedAt; }
        public Instant escalatedAt() { return escalatedAt; }
        public Instant escalatedAgainAt() { return escalatedAgainAt; }
    }
}
