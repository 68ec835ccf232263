package org.ronghe.partylife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallIntake;
import org.ronghe.calls.DirectiveChanged;
import org.ronghe.calls.DirectiveIntake;
import org.ronghe.calls.Origin;
import org.ronghe.directory.Directory;
import org.ronghe.partylife.MeetingDesk.DecisionCall;
import org.ronghe.partylife.MeetingDesk.DecisionDirective;
import org.ronghe.partylife.MeetingDesk.DecisionTask;
import org.ronghe.partylife.MeetingDesk.NewDecision;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions become work: a call (C2) raised from the decision, whose state the decision follows; a directive (C2) of
 * the committee to organs, delivered when every unit reports it completed; or a task of a member of the organisation
 * with a due date, delivered when its owner reports. The committee and the organ's secretary turn a decision into a
 * call or task, only the committee into a directive, when the meeting is recorded or afterwards; the owner, the
 * secretary or the committee report a task done. Each step writes the decision, its event on the meeting and an audit entry in one transaction.
 */
@Service
public class DecisionDesk {

    private final Meetings meetings;
    private final PartyLifeScopes scopes;
    private final Directory directory;
    private final CallIntake intake;
    private final DirectiveIntake directives;
    private final ComplianceBook book;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DecisionDesk(Meetings meetings, PartyLifeScopes scopes, Directory directory, CallIntake intake, DirectiveIntake directives,
                 ComplianceBook book, Audit audit, Clock clock, TransactionTemplate transactions) {
        this.directives = directives;
        this.meetings = meetings;
        this.scopes = scopes;
        this.directory = directory;
        this.intake = intake;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A decision of a recorded meeting becomes a call; a refused call leaves nothing; once only (409 after). */
    public void raiseDecision(CurrentUser user, long meetingId, int position, DecisionCall call) {
        mayTurnIntoWork(user, "转为诉求");
        decisionInScope(user, meetingId, position);
        if (call == null) {
            throw new IllegalArgumentException("请填写诉求类别（category）和社区（community）");
        }
        transactions.executeWithoutResult(status -> raise(user, meetingId, position, call));
    }

    /** A decision of a recorded meeting becomes a directive of the committee to organs; once only (409 after). */
    public void directDecision(CurrentUser user, long meetingId, int position, DecisionDirective directive) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以将决定事项下发为指令");
        }
        decisionInScope(user, meetingId, position);
        if (directive == null) {
            throw new IllegalArgumentException("请填写完成时限（deadline）");
        }
        transactions.executeWithoutResult(status -> direct(user, meetingId, position, directive));
    }

    /** A decision of a recorded meeting becomes a task of a member on the organisation's roll; once only (409 after). */
    public void assignDecision(CurrentUser user, long meetingId, int position, DecisionTask task) {
        mayTurnIntoWork(user, "交办为任务");
        decisionInScope(user, meetingId, position);
        if (task == null) {
            throw new IllegalArgumentException("请填写责任人（owner，党员编码）和完成时限（dueOn）");
        }
        transactions.executeWithoutResult(status -> assign(user, meetingId, position, task));
    }

    /** The owner of a decision's task (or the secretary, or the committee) reports what was done: delivered. */
    public void reportDecision(CurrentUser user, long meetingId, int position, String report) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY && user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有任务责任人、本单位党组书记或区直机关工委可以报告落实情况");
        }
        Meetings.Owner owner = decisionInScope(user, meetingId, position);
        Decision decision = meetings.decision(meetingId, position).orElseThrow();
        boolean isOwner = user.role() == Role.MEMBER && decision.task() != null
                && meetings.roll(owner.partyOrgId()).stream().anyMatch(m -> m.id() == decision.task().ownerId()
                && m.code().equals(user.scopeCode()));
        if (!isOwner && user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有任务责任人、本单位党组书记或区直机关工委可以报告落实情况");
        }
        transactions.executeWithoutResult(status -> {
            decision.reported(report, user.username(), clock.instant());
            meetings.save(decision);
            audit.record(Audit.Entry.change("DECISION_REPORTED", "meeting-decision", meetingId + "/" + position,
                    Map.of("delivered", false), Map.of("delivered", true)));
        });
    }

    /** At recording, in the meeting's transaction: the call or task a decision was sent with, if any. */
    void becomeWork(CurrentUser user, long meetingId, int position, NewDecision sent) {
        if ((sent.call() != null ? 1 : 0) + (sent.directive() != null ? 1 : 0) + (sent.task() != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("决定事项 " + position + " 只能转为诉求、下发为指令或交办为任务之一");
        }
        if (sent.call() != null) {
            raise(user, meetingId, position, sent.call());
        } else if (sent.directive() != null) {
            if (user.role() != Role.COMMITTEE_ADMIN) {
                throw new AccessDeniedException("只有区直机关工委可以将决定事项下发为指令");
            }
            direct(user, meetingId, position, sent.directive());
        } else if (sent.task() != null) {
            assign(user, meetingId, position, sent.task());
        }
    }

    private void raise(CurrentUser user, long meetingId, int position, DecisionCall call) {
        Decision decision = meetings.decision(meetingId, position)
                .orElseThrow(() -> new NotFoundException("决定事项", meetingId + "/" + position));
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
        Meetings.Row row = meetings.row(meetingId);
        String description = "会议决定：" + row.orgName() + row.kindLabel() + "（" + row.heldOn() + "）决定事项 " + position + "："
                + decision.text();
        CallIntake.Raised raised = intake.raise(new CallIntake.Problem(user.username(), title, description, category, Origin.MEETING,
                community, null, null, null, null));
        decision.raised(raised.callId(), raised.state(), user.username(), clock.instant());
        meetings.save(decision);
        audit.record(Audit.Entry.change("DECISION_RAISED", "meeting-decision", meetingId + "/" + position,
                Map.of("call", "none"), Map.of("call", raised.callId(), "category", category, "community", communityCode)));
    }

    private void direct(CurrentUser user, long meetingId, int position, DecisionDirective directive) {
        Decision decision = meetings.decision(meetingId, position)
                .orElseThrow(() -> new NotFoundException("决定事项", meetingId + "/" + position));
        LocalDate deadline = date(directive.deadline(), "完成时限（deadline）");
        Meetings.Row row = meetings.row(meetingId);
        String title = decision.text().substring(0, Math.min(decision.text().length(), 200));
        String body = "会议决定：" + row.orgName() + row.kindLabel() + "（" + row.heldOn() + "）决定事项 " + position + "：" + decision.text();
        List<String> organs = directive.organs() == null ? List.of()
                : directive.organs().stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        DirectiveIntake.Issued issued = directives.issue(user.username(), title, body,
                deadline.plusDays(1).atStartOfDay(book.zone()).minusSeconds(1).toInstant(), organs);
        decision.directed(issued.directiveId(), issued.units(), user.username(), clock.instant());
        meetings.save(decision);
        audit.record(Audit.Entry.change("DECISION_DIRECTED", "meeting-decision", meetingId + "/" + position,
                Map.of("directive", "none"), Map.of("directive", issued.directiveId(), "units", issued.units())));
    }

    private void assign(CurrentUser user, long meetingId, int position, DecisionTask task) {
        Decision decision = meetings.decision(meetingId, position)
                .orElseThrow(() -> new NotFoundException("决定事项", meetingId + "/" + position));
        String code = task.owner() == null ? "" : task.owner().trim();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("请填写责任人（owner，党员编码）");
        }
        long org = meetings.owner(meetingId).orElseThrow().partyOrgId();
        Meeting.OnRoll owner = meetings.roll(org).stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("责任人须为本组织党员：" + code));
        decision.assigned(owner.id(), owner.name(), date(task.dueOn(), "完成时限（dueOn）"), book.today(), user.username(),
                clock.instant());
        meetings.save(decision);
        audit.record(Audit.Entry.change("DECISION_ASSIGNED", "meeting-decision", meetingId + "/" + position,
                Map.of("owner", "none"), Map.of("owner", code, "dueOn", decision.task().dueOn().toString())));
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

    /** A unit reported a directive made of a decision completed: the decision follows, in that step's transaction. */
    @EventListener
    void on(DirectiveChanged changed) {
        meetings.decisionOfDirective(changed.directiveId()).ifPresent(decision -> {
            if (decision.directiveChanged(changed.units(), changed.completed(), clock.instant())) {
                meetings.save(decision);
            }
        });
    }

    private static void mayTurnIntoWork(CurrentUser user, String what) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以将决定事项" + what);
        }
    }

    private Meetings.Owner decisionInScope(CurrentUser user, long meetingId, int position) {
        Meetings.Owner owner = meetings.owner(meetingId).orElseThrow(() -> new NotFoundException("会议", String.valueOf(meetingId)));
        if (!scopes.of(user).sees(owner.partyOrgId(), owner.organId(), owner.communityId())) {
            throw new OutOfScopeException("会议", String.valueOf(meetingId));
        }
        if (meetings.decision(meetingId, position).isEmpty()) {
            throw new NotFoundException("决定事项", meetingId + "/" + position);
        }
        return owner;
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写" + field);
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + "格式应为“年-月-日”，例如 2026-12-31");
        }
    }
}
