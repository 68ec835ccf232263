package org.ronghe.calls.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.Deadlines;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.limits.CallLimits;
import org.ronghe.calls.store.Calls;
import org.ronghe.calls.timers.Timers;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call desk: every action on a call goes through here. It checks who may act, lets the call
 * decide whether the step is allowed, stores the call with its events, plans its timers and audits
 * the step — all in one transaction.
 */
@Service
public class CallDesk implements org.ronghe.calls.CallIntake, org.ronghe.calls.CallRouting {

    private final Calls calls;
    private final CallLimits limits;
    private final Timers timers;
    private final Directory directory;
    private final DataScopes dataScopes;
    private final CallScopes scopes;
    private final Locator locator;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration checkInLimit;
    private final TransactionTemplate transactions;

    CallDesk(Calls calls, CallLimits limits, Timers timers, Directory directory, DataScopes dataScopes, CallScopes scopes,
             Locator locator, Audit audit, ApplicationEventPublisher events, Clock clock,
             @Value("${ronghe.calls.whistle-check-in:30m}") Duration checkInLimit, TransactionTemplate transactions) {
        this.calls = calls;
        this.limits = limits;
        this.timers = timers;
        this.directory = directory;
        this.dataScopes = dataScopes;
        this.scopes = scopes;
        this.locator = locator;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.checkInLimit = checkInLimit;
        this.transactions = transactions;
    }

    /**
     * Raises a call and routes it: exactly one organ answering for the category gets it at once;
     * otherwise it waits in the dispatcher queue. The same idempotency key returns the same call.
     */
    public Raised raise(CurrentUser user, NewCall request, String idempotencyKey) {
        if (!mayRaise(user.role())) {
            throw new AccessDeniedException("您的角色不能提出诉求");
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<Long> existing = calls.idForKey(user.username(), idempotencyKey.trim());
            if (existing.isPresent()) {
                return new Raised(existing.get(), true);
            }
        }
        coordinate("纬度", request.latitude(), 90);
        coordinate("经度", request.longitude(), 180);
        Call.Place place = locator.locate(user, new Locator.Where(request.community(), request.grid(), request.address(),
                request.latitude(), request.longitude()));
        if (!user.role().seesWholeTree() && !dataScopes.of(user).seesCommunity(place.communityId())) {
            throw new OutOfScopeException("社区", String.valueOf(place.communityId()));
        }
        Origin origin = request.origin() != null ? request.origin() : originOf(user, place);
        return raise(user.username(), user.scopeCode(), request, place, origin, idempotencyKey);
    }

    /** Raises a call on behalf of a system (Open311 client, a visit): the place is already known. */
    public Raised raiseAs(String actor, NewCall request, Call.Place place, Origin origin, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = calls.idForKey(actor, key);
            if (existing.isPresent()) {
                return new Raised(existing.get(), true);
            }
        }
        return raise(actor, null, request, place, origin, key);
    }

    @Override
    public org.ronghe.calls.CallIntake.Raised raise(Problem problem) {
        Directory.CommunityRef community = directory.community(problem.communityId())
                .orElseThrow(() -> new IllegalArgumentException("社区不存在：" + problem.communityId()));
        Call.Place place = new Call.Place(community.id(), community.streetId(), problem.gridId(), problem.address(), null, null);
        NewCall call = new NewCall(problem.title(), problem.description(), problem.category(),
                problem.urgency() == null ? Urgency.NORMAL : problem.urgency(), problem.origin(),
                null, null, problem.address(), null, null, problem.contactName(), problem.contactPhone());
        long id = raiseAs(problem.actor(), call, place, problem.origin(), problem.idempotencyKey()).id();
        return new org.ronghe.calls.CallIntake.Raised(id, calls.find(id).orElseThrow().state());
    }

    private Raised raise(String actor, String scopeCode, NewCall request, Call.Place place, Origin origin, String key) {
        String category = request.category() == null ? null : request.category().trim();
        if (category == null || directory.category(category).isEmpty()) {
            throw new IllegalArgumentException("诉求类别不存在：" + request.category());
        }
        Urgency urgency = request.urgency() == null ? Urgency.NORMAL : request.urgency();
        Instant now = clock.instant();
        Call call = Call.raise(new Call.Details(request.title() == null ? null : request.title().trim(),
                        blank(request.description()), category, urgency, origin), place,
                new Call.Raiser(actor, scopeCode, blank(request.contactName()), blank(request.contactPhone()),
                        key == null || key.isBlank() ? null : key.trim()), now);
        List<Directory.OrganRef> answering = directory.organsAnswering(category);
        if (answering.size() == 1) {
            call.dispatch(answering.get(0).id(), Set.of(), limits.deadlines(category, urgency, now), now, "system");
        }
        try {
            transactions.executeWithoutResult(status -> store(call));
        } catch (DuplicateKeyException raced) {
            // The same key arrived twice at once: the other request's call, committed first, is the answer.
            return calls.idForKey(actor, key.trim()).map(id -> new Raised(id, true)).orElseThrow(() -> raced);
        }
        return new Raised(call.id(), false);
    }

    /** The dispatcher sends a queued call to a lead organ with co-handlers, or re-routes one not yet accepted. */
    @Transactional
    public void dispatch(CurrentUser user, long id, String leadCode, List<String> coCodes) {
        requireDispatcher(user);
        Call call = load(user, id);
        long lead = organ(leadCode);
        Set<Long> co = new LinkedHashSet<>();
        for (String code : coCodes == null ? List.<String>of() : coCodes) {
            co.add(organ(code));
        }
        Instant now = clock.instant();
        call.dispatch(lead, co, limits.deadlines(call.details().categoryCode(), call.details().urgency(), now), now, user.username());
        store(call);
    }

    @Override
    @Transactional
    public boolean dispatchQueued(long id, long organId, String actor) {
        Call call = calls.find(id).orElseThrow(() -> new NotFoundException("诉求", String.valueOf(id)));
        if (!call.state().inQueue()) {
            return false;
        }
        Instant now = clock.instant();
        call.dispatch(organId, Set.of(), limits.deadlines(call.details().categoryCode(), call.details().urgency(), now), now, actor);
        store(call);
        return true;
    }

    @Transactional
    public void accept(CurrentUser user, long id) {
        Call call = load(user, id);
        call.accept(ownOrgan(user), clock.instant(), user.username());
        store(call);
    }

    @Transactional
    public void giveBack(CurrentUser user, long id, String reason) {
        Call call = load(user, id);
        call.giveBack(ownOrgan(user), reason, clock.instant(), user.username());
        store(call);
    }

    @Transactional
    public void reply(CurrentUser user, long id, String text) {
        Call call = load(user, id);
        call.reply(ownOrgan(user), text, clock.instant(), user.username());
        store(call);
    }

    @Transactional
    public void rate(CurrentUser user, long id, Rating rating, boolean solved, String comment) {
        Call call = load(user, id);
        requireCaller(user, call, "评价");
        call.rate(rating, solved, comment, clock.instant(), user.username());
        store(call);
    }

    @Transactional
    public void reopen(CurrentUser user, long id, String reason) {
        Call call = load(user, id);
        requireCaller(user, call, "重办");
        Instant now = clock.instant();
        call.reopen(blank(reason), limits.deadlines(call.details().categoryCode(), call.details().urgency(), now), now,
                user.username());
        store(call);
    }

    @Transactional
    public void requestExtension(CurrentUser user, long id, Instant until, String reason) {
        Call call = load(user, id);
        call.requestExtension(ownOrgan(user), until, reason, clock.instant(), user.username());
        store(call);
    }

    @Transactional
    public void decideExtension(CurrentUser user, long id, boolean approve) {
        requireDispatcher(user);
        Call call = load(user, id);
        Deadlines approved = call.extension().until() == null ? null : limits.extended(call.details().categoryCode(),
                call.details().urgency(), call.assignment().dispatchedAt(), call.assignment().acceptBy(), call.extension().until());
        call.decideExtension(approve, approved, clock.instant(), user.username());
        store(call);
    }

    /** 吹哨: the call's street (or the command centre) summons organs, each to check in within the limit. */
    @Transactional
    public void whistle(CurrentUser user, long id, List<String> organCodes) {
        Call call = load(user, id);
        boolean street = user.role() == Role.STREET_STAFF && dataScopes.of(user).seesStreet(call.place().streetId());
        if (!street && user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有诉求所在街道可以吹哨");
        }
        List<Long> organs = (organCodes == null ? List.<String>of() : organCodes).stream().map(this::organ).toList();
        Instant now = clock.instant();
        // Whole seconds: the limit is stored and compared after a round trip through the database.
        call.whistle(organs, now.plus(checkInLimit).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), now, user.username());
        store(call);
    }

    @Transactional
    public void checkIn(CurrentUser user, long id) {
        Call call = load(user, id);
        call.checkIn(ownOrgan(user), clock.instant(), user.username());
        store(call);
    }

    /** Loads a call the user may see: 404 when it does not exist, 403 when it is outside their scope. */
    public Call load(CurrentUser user, long id) {
        Call call = calls.find(id).orElseThrow(() -> new NotFoundException("诉求", String.valueOf(id)));
        CallScope scope = scopes.of(user);
        if (!scope.sees(call) && !mayActAsOrgan(user, call)) {
            throw new OutOfScopeException("诉求", String.valueOf(id));
        }
        return call;
    }

    /** What this user may do with the call now, for the call page. */
    public Set<Action> actions(CurrentUser user, Call call) {
        Set<Action> actions = new LinkedHashSet<>();
        Long organ = organOf(user);
        boolean lead = organ != null && organ.equals(call.leadOrganId());
        switch (call.state()) {
            case RAISED, RETURNED -> {
                if (user.role() == Role.COMMITTEE_ADMIN) {
                    actions.add(Action.DISPATCH);
                }
            }
            case DISPATCHED -> {
                if (lead) {
                    actions.add(Action.ACCEPT);
                    actions.add(Action.RETURN);
                }
                if (user.role() == Role.COMMITTEE_ADMIN) {
                    actions.add(Action.DISPATCH);
                }
            }
            case ACCEPTED -> {
                if (lead) {
                    actions.add(Action.REPLY);
                    if (call.extension().state() == Call.Extension.State.NONE) {
                        actions.add(Action.EXTEND);
                    }
                }
                if (user.role() == Role.COMMITTEE_ADMIN && call.extension().state() == Call.Extension.State.REQUESTED) {
                    actions.add(Action.DECIDE_EXTENSION);
                }
            }
            case REPLIED -> {
                if (isCaller(user, call)) {
                    actions.add(Action.RATE);
                }
            }
            case CLOSED -> {
                if (isCaller(user, call) && call.rating() == Rating.UNSATISFIED && call.reopens() < Call.MAX_REOPENS) {
                    actions.add(Action.REOPEN);
                }
            }
        }
        if (call.state().open() && call.state() != org.ronghe.calls.CallState.REPLIED
                && (user.role() == Role.COMMITTEE_ADMIN
                || (user.role() == Role.STREET_STAFF && dataScopes.of(user).seesStreet(call.place().streetId())))) {
            actions.add(Action.WHISTLE);
        }
        if (organ != null && call.handler(organ).filter(h -> h.checkInBy() != null && h.checkedInAt() == null).isPresent()) {
            actions.add(Action.CHECK_IN);
        }
        return actions;
    }

    private void store(Call call) {
        List<CallEvent> happened = List.copyOf(call.events());
        boolean newTimers = call.timersChanged();
        calls.save(call);
        if (newTimers) {
            timers.plan(call);
        }
        if (happened.isEmpty()) {
            return;
        }
        // One audit batch per step, under the person who took it (an automatic dispatch follows their raising).
        audit.recordAllAs(happened.get(0).actor(), happened.stream().map(event -> org.ronghe.platform.Audit.Entry.change(
                "CALL_" + event.type().name(), "call", call.id().toString(),
                event.from() == null ? null : java.util.Map.of("state", event.from().name()),
                java.util.Map.of("state", event.to().name()))).toList());
        for (CallEvent event : happened) {
            events.publishEvent(new CallChanged(call.id(), event.type(), call.state(), call.details().origin(), call.solved()));
        }
    }

    private boolean mayActAsOrgan(CurrentUser user, Call call) {
        Long organ = organOf(user);
        return organ != null && call.handlers().stream().anyMatch(h -> h.organId() == organ);
    }

    private long ownOrgan(CurrentUser user) {
        Long organ = organOf(user);
        if (organ == null) {
            throw new AccessDeniedException("只有机关单位可以办理诉求");
        }
        return organ;
    }

    private Long organOf(CurrentUser user) {
        if (user.role() != Role.ORGAN_SECRETARY || user.scopeCode() == null) {
            return null;
        }
        return directory.organ(user.scopeCode()).map(Directory.OrganRef::id).orElse(null);
    }

    private long organ(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请选择机关单位");
        }
        return directory.organ(code.trim()).map(Directory.OrganRef::id)
                .orElseThrow(() -> new IllegalArgumentException("机关单位编码不存在：" + code));
    }

    private void requireDispatcher(CurrentUser user) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有指挥中心（区直机关工委）可以派单和审批延期");
        }
    }

    private void requireCaller(CurrentUser user, Call call, String what) {
        if (!isCaller(user, call)) {
            throw new AccessDeniedException("只有提出诉求的一方可以" + what);
        }
    }

    /** The raising side: whoever raised it, or the staff of its community or street. */
    boolean isCaller(CurrentUser user, Call call) {
        if (user.username().equals(call.raiser().username())) {
            return true;
        }
        var scope = dataScopes.of(user);
        return (user.role() == Role.COMMUNITY_STAFF && scope.seesCommunity(call.place().communityId()))
                || (user.role() == Role.STREET_STAFF && scope.seesStreet(call.place().streetId()));
    }

    private static boolean mayRaise(Role role) {
        return role == Role.COMMUNITY_STAFF || role == Role.STREET_STAFF || role == Role.COMMITTEE_ADMIN;
    }

    private static Origin originOf(CurrentUser user, Call.Place place) {
        return switch (user.role()) {
            case COMMUNITY_STAFF -> place.gridId() != null ? Origin.GRID : Origin.COMMUNITY;
            case STREET_STAFF -> Origin.STREET;
            default -> Origin.COMMAND_CENTRE;
        };
    }

    private static void coordinate(String name, Double value, double limit) {
        if (value != null && !(Double.isFinite(value) && Math.abs(value) <= limit)) {
            throw new IllegalArgumentException(name + "须在 -" + (int) limit + " 至 " + (int) limit + " 之间（WGS84）：" + value);
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A new call as a client describes it; the place may be given in any of the ways {@link Locator} understands. */
    public record NewCall(String title, String description, String category, Urgency urgency, Origin origin,
                          String community, String grid, String address, Double latitude, Double longitude,
                          String contactName, String contactPhone) {
    }

    /** @param replayed the idempotency key had been used: this is the call raised the first time */
    public record Raised(long id, boolean replayed) {
    }

    public enum Action {
        DISPATCH, ACCEPT, RETURN, REPLY, EXTEND, DECIDE_EXTENSION, RATE, REOPEN, WHISTLE, CHECK_IN
    }
}
