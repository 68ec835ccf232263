package org.ronghe.calls.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.calls.desk.CallQueries;

/** A call as the API and the call page show it: its state, deadlines, handlers, timeline and what the viewer may do. */
public record CallView(long id, String title, String description, CallState state, String stateLabel, Ref category,
                       Urgency urgency, Origin origin, Ref community, Ref street, Long gridId, String address,
                       Double latitude, Double longitude, String raisedBy, String contactName, String contactPhone,
                       Instant raisedAt, Ref lead, Instant acceptBy, Instant replyBy, Call.Extension extension, String reply,
                       Rating rating, Boolean solved, int reopens, int round, boolean overdue,
                       List<CallQueries.HandlerRow> handlers, List<CallQueries.AssignmentRow> assignments,
                       List<TimelineEntry> timeline, List<CallQueries.NoticeRow> notices, Set<CallDesk.Action> actions) {

    /** Whether the viewer may take this step now (templates ask by name). */
    public boolean can(String action) {
        return actions.stream().anyMatch(a -> a.name().equals(action));
    }

    public record Ref(String code, String name) {
    }

    public record TimelineEntry(CallEvent.Type type, String label, Instant at, String actor, CallState from, CallState to,
                                String organ, String note) {
    }
}
