package org.ronghe.partylife;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallIntake;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.Directory;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may record a meeting and change a rule, where, the step on the aggregate, the store and the audit
 * entry, in one transaction. Refusals come in a fixed order: the role (403), the organisation (404, 403), the
 * input (400).
 */
@Service
public class MeetingDesk {

    private final Meetings meetings;
    private final MeetingRules rules;
    private final ComplianceBook book;
    private final DataScopes dataScopes;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CallIntake intake;
    private final Directory directory;

    MeetingDesk(Meetings meetings, MeetingRules rules, ComplianceBook book, DataScopes dataScopes, JdbcClient jdbc, Audit audit,
                Clock clock, TransactionTemplate transactions, CallIntake intake, Directory directory) {
        this.intake = intake;
        this.directory = directory;
        this.meetings = meetings;
        this.rules = rules;
        this.book = book;
        this.dataScopes = dataScopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record Created(long id, boolean replayed) {
    }

    /** A meeting as sent: organisation code, kind and date as text, attendance as member codes (everyone else absent). */
    public record NewMeeting(String org, String kind, String heldOn, String place, String chair, Boolean firstItemStudy,
                             String studyTopic, List<String> present, List<String> excused, String minutes, List<NewDecision> decisions) {
    }

    /** A decision as sent: its text, or its text with the call it becomes. */
    public record NewDecision(String text, DecisionCall call) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public NewDecision(@JsonProperty("text") String text, @JsonProperty("call") DecisionCall call) {
            this.text = text;
            this.call = call;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static NewDecision of(String text) {
            return new NewDecision(text, null);
        }
    }

    /** The call a decision becomes: category and community codes; the title defaults to the decision's text. */
    public record DecisionCall(String category, String community, String title) {
    }

    public record RuleChange(String orgKind, String kind, String cadence, Boolean active) {
    }

    /** A party organisation as the desk needs it. */
    public record PartyOrg(long id, String code, String name, String kind, Long organId, Long communityId) {
    }

    public PartyLifeScope scopeOf(CurrentUser user) {
        Role role = user.role();
        if (role.seesWholeTree() || role == Role.ORGAN_SECRETARY) {
            return new PartyLifeScope(dataScopes.of(user), Set.of());
        }
        if (role == Role.MEMBER) {
            DataScope scope = dataScopes.of(user);
            if (scope.self() == null) {
                return PartyLifeScope.none();
            }
            // Their own organisation, those below it and those above it: never a peer's.
            Set<Long> own = new java.util.HashSet<>(jdbc.sql("""
                    WITH RECURSIVE tree (id) AS (
                        SELECT party_org_id FROM member WHERE id = :self
                        UNION ALL
                        SELECT p.id FROM party_org p JOIN tree t ON p.parent_id = t.id)
                    SELECT id FROM tree""").param("self", scope.self()).query(Long.class).list());
            own.addAll(jdbc.sql("""
                    WITH RECURSIVE up (id, parent_id) AS (
                        SELECT p.id, p.parent_id FROM party_org p JOIN member m ON m.party_org_id = p.id WHERE m.id = :self
                        UNION ALL
                        SELECT p.id, p.parent_id FROM party_org p JOIN up u ON p.id = u.parent_id)
                    SELECT id FROM up""").param("self", scope.self()).query(Long.class).list());
            return new PartyLifeScope(null, Set.copyOf(own));
        }
        return PartyLifeScope.none();
    }

    /** The committee and the organ secretary (for their organ's organisations) record meetings. */
    public Created record(CurrentUser user, NewMeeting request, String idempotencyKey) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以登记组织生活");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = meetings.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null || request.org() == null || request.org().isBlank()) {
            throw new IllegalArgumentException("请指定党组织编码（org）");
        }
        PartyOrg org = partyOrg(request.org().trim());
        if (!scopeOf(user).sees(org.id(), org.organId(), org.communityId())) {
            throw new OutOfScopeException("党组织", org.code());
        }
        LocalDate heldOn = date(request.heldOn());
        Meeting.Details details = new Meeting.Details(MeetingKind.parse(request.kind()), heldOn, request.place(), request.chair(),
                Boolean.TRUE.equals(request.firstItemStudy()), request.studyTopic(), request.present(), request.excused(),
                request.minutes(), request.decisions() == null ? null
                        : request.decisions().stream().map(d -> d == null ? null : d.text()).toList());
        Meeting meeting = Meeting.record(org.id(), roll(org.id()), details, user.username(), key, clock.instant(), book.today());
        // The decisions kept (the blank ones dropped, as the meeting drops them), with the call each becomes.
        List<NewDecision> kept = request.decisions() == null ? List.of()
                : request.decisions().stream().filter(d -> d != null && d.text() != null && !d.text().isBlank()).toList();
        try {
            return new Created(transactions.execute(status -> {
                meetings.saveAllNew(List.of(meeting));
                for (int i = 0; i < kept.size(); i++) {
                    if (kept.get(i).call() != null) {
                        raise(user, org, meeting.id(), i + 1, kept.get(i).call());
                    }
                }
                audit.record(Audit.Entry.change("MEETING_RECORDED", "meeting", String.valueOf(meeting.id()), null,
                        Map.of("org", org.code(), "kind", meeting.kind().name(), "heldOn", meeting.heldOn().toString(),
                                "quorate", meeting.quorate(), "firstItemStudy", meeting.firstItemStudy())));
                return meeting.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return meetings.idForKey(user.username(), key == null ? "" : key).map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException("会议重复提交", Map.of()));
        }
    }

    /**
     * A decision of a recorded meeting becomes a call (the committee; the organ's secretary for its organisations), in
     * one transaction with the call: a refused call leaves nothing. A decision is raised once (409 after).
     */
    public void raiseDecision(CurrentUser user, long meetingId, int position, DecisionCall call) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以将决定事项转为诉求");
        }
        Meetings.Owner owner = meetings.owner(meetingId).orElseThrow(() -> new NotFoundException("会议", String.valueOf(meetingId)));
        if (!scopeOf(user).sees(owner.partyOrgId(), owner.organId(), owner.communityId())) {
            throw new OutOfScopeException("会议", String.valueOf(meetingId));
        }
        if (meetings.decision(meetingId, position).isEmpty()) {
            throw new NotFoundException("决定事项", meetingId + "/" + position);
        }
        if (call == null) {
            throw new IllegalArgumentException("请填写诉求类别（category）和社区（community）");
        }
        String orgCode = jdbc.sql("SELECT p.code FROM party_org p WHERE p.id = :id").param("id", owner.partyOrgId())
                .query(String.class).single();
        PartyOrg org = partyOrg(orgCode);
        transactions.executeWithoutResult(status -> raise(user, org, meetingId, position, call));
    }

    /** Raises the call of a decision in the caller's transaction and stores it on the decision, with its event and audit entry. */
    private void raise(CurrentUser user, PartyOrg org, long meetingId, int position, DecisionCall call) {
        Decision decision = meetings.decision(meetingId, position)
                .orElseThrow(() -> new NotFoundException("决定事项", meetingId + "/" + position));
        if (decision.callId() != null) {
            throw new ConflictException("该决定事项已转为诉求（诉求 " + decision.callId() + "），不能重复转办",
                    Map.of("call", decision.callId()));
        }
        String category = call.category() == null ? "" : call.category().trim();
        if (category.isEmpty()) {
            throw new IllegalArgumentException("请填写诉求类别（category）");
        }
        String communityCode = call.community() == null ? "" : call.community().trim();
        if (communityCode.isEmpty()) {
            throw new IllegalArgumentException("请填写诉求所在社区（community，社区编码）");
        }
        long community = directory.community(communityCode)
                .orElseThrow(() -> new IllegalArgumentException("社区编码不存在：" + communityCode)).id();
        String title = call.title() == null || call.title().isBlank()
                ? decision.text().substring(0, Math.min(decision.text().length(), 200)) : call.title().trim();
        Meetings.Row row = meetings.detail(meetingId).meeting();
        String description = "会议决定：" + org.name() + row.kindLabel() + "（" + row.heldOn() + "）决定事项 " + position + "："
                + decision.text();
        CallIntake.Raised raised = intake.raise(new CallIntake.Problem(user.username(), title, description, category, Origin.MEETING,
                community, null, null, null, null));
        long id = raised.callId();
        decision.raised(id, raised.state(), user.username(), clock.instant());
        meetings.save(decision);
        audit.record(Audit.Entry.change("DECISION_RAISED", "meeting-decision", meetingId + "/" + position,
                Map.of("call", "none"), Map.of("call", id, "category", category, "community", communityCode)));
    }

    /** A call raised from a decision changed: the decision follows its state, in the call step's transaction. */
    @EventListener
    void on(CallChanged changed) {
        if (changed.origin() != Origin.MEETING) {
            return;
        }
        meetings.decisionOfCall(changed.callId()).ifPresent(decision -> {
            if (decision.callChanged(changed.state(), changed.solved(), clock.instant())) {
                meetings.save(decision);
            }
        });
    }

    /** A meeting in full, if the person may see it. */
    public Meetings.Detail meeting(CurrentUser user, long id) {
        Meetings.Owner owner = meetings.owner(id).orElseThrow(() -> new NotFoundException("会议", String.valueOf(id)));
        if (!scopeOf(user).sees(owner.partyOrgId(), owner.organId(), owner.communityId())) {
            throw new OutOfScopeException("会议", String.valueOf(id));
        }
        return meetings.detail(id);
    }

    /** The committee sets how often a kind of meeting is due for a kind of organisation. */
    public Compliance.Rule changeRule(CurrentUser user, RuleChange change) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以修改组织生活频次规则");
        }
        if (change == null) {
            throw new IllegalArgumentException("请填写规则");
        }
        String orgKind = change.orgKind() == null ? "" : change.orgKind().trim();
        if (!List.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GROUP", "TEMPORARY_BRANCH").contains(orgKind)) {
            throw new IllegalArgumentException("未知的党组织类型（orgKind）：" + orgKind
                    + "，可选：COMMITTEE、GENERAL_BRANCH、BRANCH、GROUP、TEMPORARY_BRANCH");
        }
        MeetingKind kind = MeetingKind.parse(change.kind());
        Compliance.Rule rule = new Compliance.Rule(orgKind, kind, Cadence.parse(change.cadence()), !Boolean.FALSE.equals(change.active()));
        Optional<Compliance.Rule> before = rules.find(orgKind, kind);
        transactions.executeWithoutResult(status -> {
            rules.save(rule, before.isPresent(), user.username(), clock.instant());
            audit.record(Audit.Entry.change("MEETING_RULE_CHANGED", "meeting_rule", orgKind + "/" + kind.name(),
                    before.map(b -> Map.<String, Object>of("cadence", b.cadence().name(), "active", b.active())).orElse(null),
                    Map.of("cadence", rule.cadence().name(), "active", rule.active())));
        });
        return rule;
    }

    public PartyOrg partyOrg(String code) {
        return jdbc.sql("SELECT id, code, name, kind, organ_id, community_id FROM party_org WHERE code = :c").param("c", code)
                .query((rs, n) -> new PartyOrg(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("党组织", code));
    }

    /** The members of the organisation and of those below it (a branch's party groups, a general branch's branches). */
    private static final String SUBTREE_MEMBERS = """
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM party_org WHERE id = :p
                UNION ALL
                SELECT o.id FROM party_org o JOIN tree t ON o.parent_id = t.id)
            SELECT m.id, m.code, m.name, m.status FROM member m WHERE m.party_org_id IN (SELECT id FROM tree) ORDER BY m.code""";

    /**
     * The organisation's members today, its subordinate organisations' included: who is listed for attendance and
     * who counts for the quorum.
     */
    public List<Meeting.OnRoll> roll(long partyOrgId) {
        return jdbc.sql(SUBTREE_MEMBERS).param("p", partyOrgId)
                .query((rs, n) -> new Meeting.OnRoll(rs.getLong(1), rs.getString(2), "FULL".equals(rs.getString(4)))).list();
    }

    /** Members of an organisation in scope, for the record form. */
    public record RollMember(String code, String name, boolean full) {
    }

    public List<RollMember> rollOf(CurrentUser user, String orgCode) {
        PartyOrg org = partyOrg(orgCode);
        if (!scopeOf(user).sees(org.id(), org.organId(), org.communityId())) {
            throw new OutOfScopeException("党组织", orgCode);
        }
        return jdbc.sql(SUBTREE_MEMBERS).param("p", org.id())
                .query((rs, n) -> new RollMember(rs.getString(2), rs.getString(3), "FULL".equals(rs.getString(4)))).list();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写会议日期（heldOn）");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("会议日期格式应为“年-月-日”，例如 2026-07-31");
        }
    }
}
