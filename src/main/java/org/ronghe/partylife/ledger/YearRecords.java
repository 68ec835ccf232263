package org.ronghe.partylife.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ronghe.partylife.Attendance;
import org.ronghe.partylife.FollowUp;
import org.ronghe.partylife.MeetingKind;

/**
 * An organisation's meetings of a year in date order, every attendance mark of those meetings (each meeting lists
 * the whole roll as it stood that day: present, excused or absent) and their decisions with what became of them.
 */
public record YearRecords(List<MeetingLine> meetings, List<Mark> marks, List<DecisionLine> decisions) {

    /** A decision raised as a call that is not delivered (yet). */
    public static final String UNDER_WAY = "办理中";

    public record MeetingLine(long id, LocalDate heldOn, MeetingKind kind, String place, String chairName, boolean firstItemStudy,
                              String studyTopic, int fullMembers, int fullPresent, boolean quorate, String minutes) {

        /** Month-day and kind: how a meeting heads its column in the attendance register. */
        public String shortLabel() {
            return "%02d-%02d %s".formatted(heldOn.getMonthValue(), heldOn.getDayOfMonth(), kind.label());
        }

        public String href() {
            return "/meetings/" + id;
        }
    }

    /** One member's attendance at one meeting; {@code full}: a full member that day (counts for the quorum). */
    public record Mark(long meetingId, String memberCode, String memberName, boolean full, Attendance attendance) {
    }

    /** A decision and what became of it, labelled as of {@code today}. */
    public record DecisionLine(long meetingId, int position, String text, FollowUp followUp, LocalDate today) {

        public boolean delivered() {
            return followUp.delivered();
        }

        public String label() {
            return followUp.label(today);
        }
    }

    /** Listed (the roll that day), present, excused and absent at one meeting. */
    public record Count(int listed, int present, int excused, int absent) {

        static final Count NONE = new Count(0, 0, 0, 0);

        Count plus(Attendance a) {
            return new Count(listed + 1, present + (a == Attendance.PRESENT ? 1 : 0), excused + (a == Attendance.EXCUSED ? 1 : 0),
                    absent + (a == Attendance.ABSENT ? 1 : 0));
        }

        public int of(Attendance a) {
            return switch (a) {
                case PRESENT -> present;
                case EXCUSED -> excused;
                case ABSENT -> absent;
            };
        }
    }

    /** Per meeting id, its attendance counted from the marks. */
    public Map<Long, Count> countsByMeeting() {
        Map<Long, Count> counts = new LinkedHashMap<>();
        meetings.forEach(m -> counts.put(m.id(), Count.NONE));
        marks.forEach(mark -> counts.put(mark.meetingId(), counts.getOrDefault(mark.meetingId(), Count.NONE).plus(mark.attendance())));
        return counts;
    }

    /** Per meeting id, its decisions in order. */
    public Map<Long, List<DecisionLine>> decisionsByMeeting() {
        return decisions.stream().collect(Collectors.groupingBy(DecisionLine::meetingId, LinkedHashMap::new, Collectors.toList()));
    }

    public Map<Long, MeetingLine> meetingsById() {
        Map<Long, MeetingLine> byId = new LinkedHashMap<>();
        meetings.forEach(m -> byId.put(m.id(), m));
        return byId;
    }

    /** How many decisions stand at each follow-up: not raised, raised and under way, delivered. */
    public Map<String, Integer> followUps() {
        Map<String, Integer> tally = new LinkedHashMap<>();
        decisions.forEach(d -> tally.merge(d.followUp().nothing() ? FollowUp.UNDONE : d.delivered() ? FollowUp.DELIVERED : UNDER_WAY, 1,
                Integer::sum));
        return tally;
    }
}
