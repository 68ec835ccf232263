package org.ronghe.calls.directive;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.ronghe.calls.DirectiveChanged;
import org.ronghe.calls.DirectiveIntake;
import org.ronghe.calls.store.Notices;
import org.ronghe.calls.timers.TimerData;
import org.ronghe.calls.timers.Timers;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues directives and takes each unit's answer. The work committee issues; an organ answers
 * through its secretary, a street or community through its staff.
 */
@Service
public class Directives implements DirectiveIntake {

    private final DirectiveStore store;
    private final Directory directory;
    private final Notices notices;
    private final ObjectProvider<Timers> timers;
    private final Audit audit;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;

    Directives(DirectiveStore store, Directory directory, Notices notices, ObjectProvider<Timers> timers, Audit audit,
               Clock clock, JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.store = store;
        this.directory = directory;
        this.notices = notices;
        this.timers = timers;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Issues a directive; the same idempotency key from the same issuer returns the first one, even when sent twice at once. */
    public Issued issue(CurrentUser user, NewDirective request, String idempotencyKey) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以下发指令");
        }
        if (idempotencyKey != null) {
            Optional<Long> existing = store.idForKey(user.username(), idempotencyKey);
            if (existing.isPresent()) {
                return new Issued(existing.get(), true);
            }
        }
        Directive directive = Directive.issue(request.title(), request.body(), user.username(), clock.instant(), request.deadline(),
                request.audience(), units(request), idempotencyKey);
        try {
            transactions.executeWithoutResult(status -> store(directive));
        } catch (DuplicateKeyException raced) {
            return store.idForKey(user.username(), idempotencyKey).map(id -> new Issued(id, true)).orElseThrow(() -> raced);
        }
        return new Issued(directive.id(), false);
    }

    /** A directive another module issues for the committee, to the organs named or every organ, in its transaction. */
    @Override
    public DirectiveIntake.Issued issue(String actor, String title, String body, Instant deadline, List<String> organs) {
        NewDirective request = new NewDirective(title, body, deadline,
                organs == null || organs.isEmpty() ? Directive.Audience.ALL_ORGANS : Directive.Audience.CHOSEN, organs, null, null);
        Directive directive = Directive.issue(title, body, actor, clock.instant(), deadline, request.audience(), units(request), null);
        store(directive);
        return new DirectiveIntake.Issued(directive.id(), directive.replies().size());
    }

    private void store(Directive directive) {
        store.save(directive);
        timers.getObject().schedule(new TimerData(TimerData.Kind.DIRECTIVE_URGE, directive.id(), 0, null,
                directive.urgeAt()), directive.urgeAt());
        timers.getObject().schedule(new TimerData(TimerData.Kind.DIRECTIVE_DUE, directive.id(), 0, null,
                directive.deadline()), directive.deadline());
        audit.record(Audit.Entry.change("DIRECTIVE_ISSUED", "directive", directive.id().toString(), null,
                Map.of("title", directive.title(), "units", directive.replies().size(),
                        "deadline", directive.deadline().toString())));
    }

    @Transactional
    public void acknowledge(CurrentUser user, long id) {
        Directive directive = load(id);
        Directive.Unit unit = recipient(user, directive);
        directive.acknowledge(unit, user.username(), clock.instant());
        store.save(directive);
        audit.record(Audit.Entry.of("DIRECTIVE_ACKNOWLEDGED", "directive", id + "/" + unit.kind() + ":" + unit.id()));
    }

    @Transactional
    public void complete(CurrentUser user, long id, String report) {
        Directive directive = load(id);
        Directive.Unit unit = recipient(user, directive);
        directive.complete(unit, user.username(), report, clock.instant());
        store.save(directive);
        audit.record(Audit.Entry.of("DIRECTIVE_COMPLETED", "directive", id + "/" + unit.kind() + ":" + unit.id()));
        long units = directive.replies().size();
        publisher.publishEvent(new DirectiveChanged(id, units, units - directive.unanswered().size()));
    }

    /**
     * Stores a directive whose history was produced elsewhere (the demo district's year), and schedules
     * the timers still ahead of it.
     */
    @Transactional
    public long record(Directive directive) {
        store.save(directive);
        Instant now = clock.instant();
        if (directive.urgeAt().isAfter(now)) {
            timers.getObject().schedule(new TimerData(TimerData.Kind.DIRECTIVE_URGE, directive.id(), 0, null, directive.urgeAt()),
                    directive.urgeAt());
        }
        if (directive.deadline().isAfter(now)) {
            timers.getObject().schedule(new TimerData(TimerData.Kind.DIRECTIVE_DUE, directive.id(), 0, null, directive.deadline()),
                    directive.deadline());
        }
        return directive.id();
    }

    /** Timer at 80 % of the time: urges every unit that has not completed. */
    public void urge(long id, Instant now) {
        store.find(id).ifPresent(d -> {
            List<Directive.Unit> urged = d.urge(now);
            store.save(d);
            notices.add(urged.stream().map(u -> notice(Notices.Kind.DIRECTIVE_URGED, d.id(), u, now)).toList());
        });
    }

    /** Timer at the deadline: records every unit that has not completed as missed. */
    public void miss(long id, Instant now) {
        store.find(id).ifPresent(d -> {
            List<Directive.Unit> missed = d.miss(now);
            store.save(d);
            notices.add(missed.stream().map(u -> notice(Notices.Kind.DIRECTIVE_MISSED, d.id(), u, now)).toList());
        });
    }

    public DirectiveView view(CurrentUser user, long id) {
        Directive directive = load(id);
        Optional<Directive.Unit> own = unitOf(user);
        if (!user.role().seesWholeTree() && (own.isEmpty() || !directive.replies().containsKey(own.get()))) {
            throw new OutOfScopeException("指令", String.valueOf(id));
        }
        Map<Directive.UnitKind, Map<Long, String>> names = names();
        List<UnitReply> replies = new ArrayList<>();
        directive.replies().forEach((unit, reply) -> replies.add(new UnitReply(unit.kind(), unit.id(),
                names.get(unit.kind()).getOrDefault(unit.id(), String.valueOf(unit.id())), reply)));
        List<UnitReply> unanswered = replies.stream().filter(r -> r.reply().completedAt() == null).toList();
        long acknowledged = replies.stream().filter(r -> r.reply().acknowledgedAt() != null).count();
        // A receiving unit sees the totals, and of the units only itself: the others lie outside its data scope.
        Predicate<UnitReply> shown = r -> user.role().seesWholeTree()
                || own.filter(u -> u.kind() == r.kind() && u.id() == r.unitId()).isPresent();
        return new DirectiveView(directive.id(), directive.title(), directive.body(), directive.issuer(), directive.issuedAt(),
                directive.deadline(), directive.audience(), replies.size(), acknowledged, replies.size() - unanswered.size(),
                unanswered.stream().filter(shown).toList(), replies.stream().filter(shown).toList(),
                own.map(u -> directive.replies().get(u)).orElse(null), store.events(id).stream()
                .filter(e -> user.role().seesWholeTree() || e.unit() == null || own.filter(e.unit()::equals).isPresent()).toList());
    }

    public PageResult<DirectiveRow> page(CurrentUser user, PageQuery page) {
        Optional<Directive.Unit> own = unitOf(user);
        if (!user.role().seesWholeTree() && own.isEmpty()) {
            return PageResult.of(List.of(), page, 0);
        }
        String where = user.role().seesWholeTree() ? ""
                : " WHERE EXISTS (SELECT 1 FROM directive_reply r WHERE r.directive_id = d.id AND r.unit_kind = :kind AND r.unit_id = :unit)";
        Map<String, Object> params = new HashMap<>();
        own.ifPresent(u -> {
            params.put("kind", u.kind().name());
            params.put("unit", u.id());
        });
        long total = jdbc.sql("SELECT COUNT(*) FROM directive d" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<DirectiveRow> rows = jdbc.sql("""
                        SELECT d.id, d.title, d.issued_at, d.deadline, d.audience,
                               (SELECT COUNT(*) FROM directive_reply r WHERE r.directive_id = d.id) AS units,
                               (SELECT COUNT(*) FROM directive_reply r WHERE r.directive_id = d.id AND r.completed_at IS NOT NULL) AS completed
                        FROM directive d""" + where + " ORDER BY d.issued_at DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new DirectiveRow(rs.getLong("id"), rs.getString("title"),
                        DirectiveStore.instant(rs, "issued_at"), DirectiveStore.instant(rs, "deadline"),
                        Directive.Audience.valueOf(rs.getString("audience")), rs.getLong("units"), rs.getLong("completed")))
                .list();
        return PageResult.of(rows, page, total);
    }

    /** The unit an account answers for, if its role receives directives. */
    public Optional<Directive.Unit> unitOf(CurrentUser user) {
        if (user.scopeCode() == null) {
            return Optional.empty();
        }
        return switch (user.role()) {
            case ORGAN_SECRETARY -> directory.organ(user.scopeCode()).map(o -> new Directive.Unit(Directive.UnitKind.ORGAN, o.id()));
            case STREET_STAFF -> directory.street(user.scopeCode()).map(s -> new Directive.Unit(Directive.UnitKind.STREET, s.id()));
            case COMMUNITY_STAFF -> directory.community(user.scopeCode())
                    .map(c -> new Directive.Unit(Directive.UnitKind.COMMUNITY, c.id()));
            default -> Optional.empty();
        };
    }

    /** The unit this user answers for, which must be one the directive was sent to. */
    private Directive.Unit recipient(CurrentUser user, Directive directive) {
        Directive.Unit unit = unitOf(user).orElseThrow(() -> new AccessDeniedException("您的角色不接收指令"));
        if (!directive.replies().containsKey(unit)) {
            throw new OutOfScopeException("指令", String.valueOf(directive.id()));
        }
        return unit;
    }

    private Directive load(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("指令", String.valueOf(id)));
    }

    private List<Directive.Unit> units(NewDirective request) {
        if (request.audience() == null) {
            throw new IllegalArgumentException("请选择接收范围");
        }
        return switch (request.audience()) {
            case ALL_ORGANS -> directory.organs().stream().map(o -> new Directive.Unit(Directive.UnitKind.ORGAN, o.id())).toList();
            case ALL_STREETS -> directory.streets().stream().map(s -> new Directive.Unit(Directive.UnitKind.STREET, s.id())).toList();
            case ALL_COMMUNITIES -> directory.communities().stream()
                    .map(c -> new Directive.Unit(Directive.UnitKind.COMMUNITY, c.id())).toList();
            case CHOSEN -> chosen(request);
        };
    }

    private List<Directive.Unit> chosen(NewDirective request) {
        List<Directive.Unit> units = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : request.organs() == null ? List.<String>of() : request.organs()) {
            directory.organ(code).ifPresentOrElse(o -> units.add(new Directive.Unit(Directive.UnitKind.ORGAN, o.id())),
                    () -> unknown.add(code));
        }
        for (String code : request.streets() == null ? List.<String>of() : request.streets()) {
            directory.street(code).ifPresentOrElse(s -> units.add(new Directive.Unit(Directive.UnitKind.STREET, s.id())),
                    () -> unknown.add(code));
        }
        for (String code : request.communities() == null ? List.<String>of() : request.communities()) {
            directory.community(code).ifPresentOrElse(c -> units.add(new Directive.Unit(Directive.UnitKind.COMMUNITY, c.id())),
                    () -> unknown.add(code));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("单位编码不存在：" + String.join("、", unknown));
        }
        return units.stream().distinct().toList();
    }

    private Map<Directive.UnitKind, Map<Long, String>> names() {
        Map<Directive.UnitKind, Map<Long, String>> names = new HashMap<>();
        Map<Long, String> organs = new HashMap<>();
        directory.organs().forEach(o -> organs.put(o.id(), o.name()));
        Map<Long, String> streets = new HashMap<>();
        directory.streets().forEach(s -> streets.put(s.id(), s.name()));
        Map<Long, String> communities = new HashMap<>();
        directory.communities().forEach(c -> communities.put(c.id(), c.streetName() + " · " + c.name()));
        names.put(Directive.UnitKind.ORGAN, organs);
        names.put(Directive.UnitKind.STREET, streets);
        names.put(Directive.UnitKind.COMMUNITY, communities);
        return names;
    }

    private static Notices.Notice notice(Notices.Kind kind, long directive, Directive.Unit unit, Instant now) {
        return new Notices.Notice(kind, null, directive,
                unit.kind() == Directive.UnitKind.ORGAN ? unit.id() : null, null,
                unit.kind() == Directive.UnitKind.STREET ? unit.id() : null,
                unit.kind() == Directive.UnitKind.COMMUNITY ? unit.id() : null, now, null);
    }

    public record NewDirective(String title, String body, Instant deadline, Directive.Audience audience,
                               List<String> organs, List<String> streets, List<String> communities) {
    }

    public record Issued(long id, boolean replayed) {
    }

    public record UnitReply(Directive.UnitKind kind, long unitId, String name, Directive.Reply reply) {
    }

    public record DirectiveView(long id, String title, String body, String issuer, Instant issuedAt, Instant deadline,
                                Directive.Audience audience, long units, long acknowledged, long completed,
                                List<UnitReply> unanswered, List<UnitReply> replies, Directive.Reply ownReply,
                                List<Directive.Event> timeline) {
    }

    public record DirectiveRow(long id, String title, Instant issuedAt, Instant deadline, Directive.Audience audience,
                               long units, long completed) {
    }
}
