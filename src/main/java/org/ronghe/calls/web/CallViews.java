package org.ronghe.calls.web;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Masking;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Component;

/** Builds the view of one call for one viewer. */
@Component
class CallViews {

    private final CallDesk desk;
    private final CallQueries queries;
    private final Directory directory;
    private final Clock clock;

    CallViews(CallDesk desk, CallQueries queries, Directory directory, Clock clock) {
        this.desk = desk;
        this.queries = queries;
        this.directory = directory;
        this.clock = clock;
    }

    CallView of(CurrentUser user, long id) {
        Call call = desk.load(user, id);
        Set<CallDesk.Action> actions = desk.actions(user, call);
        List<CallEvent> events = queries.timeline(id);
        Set<Long> organIds = new HashSet<>();
        events.stream().map(CallEvent::organId).filter(java.util.Objects::nonNull).forEach(organIds::add);
        if (call.leadOrganId() != null) {
            organIds.add(call.leadOrganId());
        }
        Map<Long, String> organs = directory.organNames(organIds);
        var community = directory.community(call.place().communityId()).orElseThrow();
        var category = directory.category(call.details().categoryCode()).orElseThrow();
        Call.Assignment a = call.assignment();
        boolean seesContact = user.role() == Role.COMMITTEE_ADMIN || user.username().equals(call.raiser().username())
                || actions.contains(CallDesk.Action.RATE) || actions.contains(CallDesk.Action.REOPEN)
                || (call.leadOrganId() != null && directory.organ(call.leadOrganId())
                .map(o -> o.code().equals(user.scopeCode()) && user.role() == Role.ORGAN_SECRETARY).orElse(false));
        return new CallView(call.id(), call.details().title(), call.details().description(), call.state(), call.state().label(),
                new CallView.Ref(category.code(), category.name()), call.details().urgency(), call.details().origin(),
                new CallView.Ref(community.code(), community.name()), new CallView.Ref(community.streetCode(), community.streetName()),
                call.place().gridId(), call.place().address(), call.place().latitude(), call.place().longitude(),
                call.raiser().username(), call.raiser().contactName(),
                seesContact ? call.raiser().contactPhone() : Masking.phone(call.raiser().contactPhone()), call.raisedAt(),
                call.leadOrganId() == null ? null : directory.organ(call.leadOrganId())
                        .map(o -> new CallView.Ref(o.code(), o.name())).orElse(null),
                a == null ? null : a.acceptBy(), a == null ? null : a.replyBy(), call.extension(), call.reply(), call.rating(),
                call.solved(), call.reopens(), call.round(), call.overdue(clock.instant()), queries.handlers(id),
                queries.assignments(id),
                events.stream().map(e -> new CallView.TimelineEntry(e.type(), e.type().label(), e.at(), e.actor(), e.from(), e.to(),
                        e.organId() == null ? null : organs.get(e.organId()), e.note())).toList(),
                queries.notices(id), actions);
    }
}
