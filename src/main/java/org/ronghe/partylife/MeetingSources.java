package org.ronghe.partylife;

import java.util.Optional;

import org.ronghe.calls.CallSources;
import org.ronghe.platform.CurrentUser;
import org.springframework.stereotype.Component;

/** A call raised from a meeting's decision links back to the meeting, for whoever may see the meeting. */
@Component
class MeetingSources implements CallSources {

    private final Meetings meetings;
    private final MeetingDesk desk;

    MeetingSources(Meetings meetings, MeetingDesk desk) {
        this.meetings = meetings;
        this.desk = desk;
    }

    @Override
    public Optional<Source> of(CurrentUser user, long callId) {
        return meetings.decisionOfCall(callId)
                .flatMap(decision -> meetings.owner(decision.meetingId())
                        .filter(owner -> desk.scopeOf(user).sees(owner.partyOrgId(), owner.organId(), owner.communityId()))
                        .map(owner -> {
                            Meetings.Row m = meetings.detail(decision.meetingId()).meeting();
                            return new Source("source.meeting", m.orgName() + " · " + m.kindLabel() + " · " + m.heldOn()
                                    + " · 决定事项 " + decision.position(), "/meetings/" + m.id());
                        }));
    }
}
