package org.ronghe.partylife;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Photo;
import org.ronghe.platform.Role;
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
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final PartyLifeScopes scopes;
    private final DecisionDesk decisions;

    MeetingDesk(Meetings meetings, MeetingRules rules, ComplianceBook book, PartyLifeScopes scopes, JdbcClient jdbc, Audit audit,
                Clock clock, TransactionTemplate transactions, DecisionDesk decisions) {
        this.scopes = scopes;
        this.decisions = decisions;
        this.meetings = meetings;
        this.rules = rules;
        this.book = book;
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

    /** A decision as sent: its text, or its text with the call, directive or task it becomes. */
    public record NewDecision(String text, DecisionCall call, DecisionDirective directive, DecisionTask task) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public NewDecision(@JsonProperty("text") String text, @JsonProperty("call") DecisionCall call,
                           @JsonProperty("directive") DecisionDirective directive, @JsonProperty("task") DecisionTask task) {
            this.text = text;
            this.call = call;
            this.directive = directive;
            this.task = task;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static NewDecision of(String text) {
            return new NewDecision(text, null, null, null);
        }
    }

    /** The directive a decision becomes: the organ codes it goes to (every organ when none) and the deadline date. */
    public record DecisionDirective(List<String> organs, String deadline) {
    }

    /** The call a decision becomes: category and community codes; the title defaults to the decision's text. */
    public record DecisionCall(String category, String community, String title) {
    }

    /** The task a decision becomes: the owner's member code (on the organisation's roll) and the due date. */
    public record DecisionTask(String owner, String dueOn) {
    }

    /** @param secretaryYearly a lecture rule: the secretary gives one each year too; {@code null} keeps what the rule says */
    public record RuleChange(String orgKind, String kind, String cadence, Boolean active, Boolean secretaryYearly) {

        public RuleChange(String orgKind, String kind, String cadence, Boolean active) {
            this(orgKind, kind, cadence, active, null);
        }
    }

    /** A party organisation as the desk needs it. */
    public record PartyOrg(long id, String code, String name, String kind, Long organId, Long communityId) {
    }

    public PartyLifeScope scopeOf(CurrentUser user) {
        return scopes.of(user);
    }

    /** The committee and the organ secretary (for their organ's organisations) record meetings. */
    public Created record(CurrentUser user, NewMeeting request, String idempotencyKey) {
        return record(user, request, idempotencyKey, null);
    }

    /** @param photo an optional photo of the meeting (the page form's), kept with it; never required, never counted */
    public Created record(CurrentUser user, NewMeeting request, String idempotencyKey, Photo photo) {
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
                    decisions.becomeWork(user, meeting.id(), i + 1, kept.get(i));
                }
                if (photo != null) {
                    meetings.savePhoto(meeting.id(), photo, user.username(), clock.instant());
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
        Optional<Compliance.Rule> before = rules.find(orgKind, kind);
        boolean secretaryYearly = change.secretaryYearly() != null ? change.secretaryYearly()
                : before.map(Compliance.Rule::secretaryYearly).orElse(false);
        if (secretaryYearly && kind != MeetingKind.LECTURE) {
            throw new IllegalArgumentException("“书记每年至少讲一次”只适用于党课（LECTURE）");
        }
        Compliance.Rule rule = new Compliance.Rule(orgKind, kind, Cadence.parse(change.cadence()), !Boolean.FALSE.equals(change.active()),
                secretaryYearly);
        transactions.executeWithoutResult(status -> {
            rules.save(rule, before.isPresent(), user.username(), clock.instant());
            audit.record(Audit.Entry.change("MEETING_RULE_CHANGED", "meeting_rule", orgKind + "/" + kind.name(),
                    before.map(b -> Map.<String, Object>of("cadence", b.cadence().name(), "active", b.active(),
                            "secretaryYearly", b.secretaryYearly())).orElse(null),
                    Map.of("cadence", rule.cadence().name(), "active", rule.active(), "secretaryYearly", rule.secretaryYearly())));
        });
        return rule;
    }

    public PartyOrg partyOrg(String code) {
        return jdbc.sql("SELECT id, code, name, kind, organ_id, community_id FROM party_org WHERE code = :c").param("c", code)
                .query((rs, n) -> new PartyOrg(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException("党组织", code));
    }

    /**
     * The organisation's members today, its subordinate organisations' included: who is listed for attendance and
     * who counts for the quorum.
     */
    public List<Meeting.OnRoll> roll(long partyOrgId) {
        return meetings.roll(partyOrgId);
    }

    /** Members of an organisation in scope, for the record form. */
    public record RollMember(String code, String name, boolean full, boolean committee) {
    }

    public List<RollMember> rollOf(CurrentUser user, String orgCode) {
        PartyOrg org = partyOrg(orgCode);
        if (!scopeOf(user).sees(org.id(), org.organId(), org.communityId())) {
            throw new OutOfScopeException("党组织", orgCode);
        }
        return meetings.roll(org.id()).stream().map(m -> new RollMember(m.code(), m.name(), m.full(), m.committee())).toList();
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
