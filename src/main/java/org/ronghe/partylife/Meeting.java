package org.ronghe.partylife;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.ronghe.platform.Texts;

/**
 * A meeting of a party organisation as recorded: kind, date, place, chair, the 第一议题 study, attendance of
 * every member of the organisation, minutes and decisions. The quorum is computed, never typed: more than
 * half of the organisation's full members present (probationary members attend but do not count).
 * Plain Java: recording is given its instant and today's date and registers its event.
 */
public class Meeting {

    public static final int PLACE_LENGTH = 200;
    public static final int TOPIC_LENGTH = 500;
    public static final int MINUTES_LENGTH = 10000;
    public static final int DECISION_LENGTH = 1000;
    public static final int MAX_DECISIONS = 50;
    public static final int KEY_LENGTH = 100;

    /**
     * A member of the organisation on the day of recording: whether full, and whether they hold a post on the
     * organisation's own committee (书记、副书记、委员).
     */
    public record OnRoll(long id, String code, String name, boolean full, boolean committee) {
    }

    /** What was said about the meeting; attendance as member codes, everyone else absent. */
    public record Details(MeetingKind kind, LocalDate heldOn, String place, String chair, boolean firstItemStudy,
                          String studyTopic, List<String> present, List<String> excused, String minutes, List<String> decisions) {
    }

    public record Event(String type, Instant at, String actor, String note) {
    }

    private Long id;
    private int version;
    private final long partyOrgId;
    private final MeetingKind kind;
    private final LocalDate heldOn;
    private final String place;
    private final long chairId;
    private final boolean firstItemStudy;
    private final String studyTopic;
    private final String minutes;
    private final List<String> decisions;
    private final Map<Long, Attendance> attendance;
    private final Set<Long> full;
    private final int fullMembers;
    private final int fullPresent;
    private final Instant recordedAt;
    private final String recordedBy;
    private final String idempotencyKey;
    private final List<Event> events = new ArrayList<>();

    private Meeting(long partyOrgId, MeetingKind kind, LocalDate heldOn, String place, long chairId, boolean firstItemStudy,
                    String studyTopic, String minutes, List<String> decisions, Map<Long, Attendance> attendance, Set<Long> full, int fullMembers,
                    int fullPresent, Instant recordedAt, String recordedBy, String idempotencyKey) {
        this.partyOrgId = partyOrgId;
        this.kind = kind;
        this.heldOn = heldOn;
        this.place = place;
        this.chairId = chairId;
        this.firstItemStudy = firstItemStudy;
        this.studyTopic = studyTopic;
        this.minutes = minutes;
        this.decisions = List.copyOf(decisions);
        this.attendance = Collections.unmodifiableMap(attendance);
        this.full = Set.copyOf(full);
        this.fullMembers = fullMembers;
        this.fullPresent = fullPresent;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Records a meeting held on a day not after {@code today}, chaired by a member of the organisation, with
     * every member of the organisation ({@code roll}) listed: present, excused or absent.
     */
    public static Meeting record(long partyOrgId, List<OnRoll> roll, Details d, String actor, String key, Instant now,
                                 LocalDate today) {
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        if (d.kind() == null) {
            throw new IllegalArgumentException("请选择会议类型（kind）");
        }
        if (d.heldOn() == null) {
            throw new IllegalArgumentException("请填写会议日期（heldOn）");
        }
        if (d.heldOn().isAfter(today)) {
            throw new IllegalArgumentException("会议日期不能晚于今天（" + today + "）：只登记已经召开的会议");
        }
        if (d.heldOn().isBefore(today.minusYears(5))) {
            throw new IllegalArgumentException("会议日期不能早于五年前");
        }
        String place = d.place() == null ? "" : d.place().trim();
        if (place.isEmpty()) {
            throw new IllegalArgumentException("请填写会议地点（place）");
        }
        Texts.check("会议地点", place, PLACE_LENGTH);
        Map<String, OnRoll> byCode = new LinkedHashMap<>();
        roll.forEach(m -> byCode.put(m.code(), m));
        String chairCode = d.chair() == null ? "" : d.chair().trim();
        if (chairCode.isEmpty()) {
            throw new IllegalArgumentException("请填写主持人（chair，党员编码）");
        }
        OnRoll chair = byCode.get(chairCode);
        if (chair == null) {
            throw new IllegalArgumentException("主持人不是该党组织的党员：" + chairCode);
        }
        String topic = d.studyTopic() == null || d.studyTopic().isBlank() ? null : d.studyTopic().trim();
        if (d.firstItemStudy() && topic == null) {
            throw new IllegalArgumentException("第一议题学习须填写学习内容（studyTopic）");
        }
        Texts.check("第一议题学习内容", topic, TOPIC_LENGTH);
        String minutes = d.minutes() == null || d.minutes().isBlank() ? null : d.minutes().trim();
        Texts.check("会议记录", minutes, MINUTES_LENGTH);
        List<String> decisions = new ArrayList<>();
        for (String decision : d.decisions() == null ? List.<String>of() : d.decisions()) {
            if (decision != null && !decision.isBlank()) {
                decisions.add(Texts.check("决定事项", decision.trim(), DECISION_LENGTH));
            }
        }
        if (decisions.size() > MAX_DECISIONS) {
            throw new IllegalArgumentException("决定事项不能超过 " + MAX_DECISIONS + " 条");
        }
        Map<Long, Attendance> attendance = new LinkedHashMap<>();
        roll.forEach(m -> attendance.put(m.id(), Attendance.ABSENT));
        Set<String> marked = new HashSet<>();
        mark(byCode, attendance, marked, d.present(), Attendance.PRESENT);
        mark(byCode, attendance, marked, d.excused(), Attendance.EXCUSED);
        Predicate<OnRoll> counts = countsForQuorum(d.kind(), roll);
        int full = (int) roll.stream().filter(counts).count();
        int fullPresent = (int) roll.stream().filter(m -> counts.test(m) && attendance.get(m.id()) == Attendance.PRESENT).count();
        Meeting meeting = new Meeting(partyOrgId, d.kind(), d.heldOn(), place, chair.id(), d.firstItemStudy(),
                d.firstItemStudy() ? topic : null, minutes, decisions, attendance,
                Set.copyOf(roll.stream().filter(OnRoll::full).map(OnRoll::id).toList()), full, fullPresent, now, actor, key);
        meeting.events.add(new Event("RECORDED", now, actor, d.kind().name() + " " + d.heldOn()
                + (meeting.quorate() ? "" : "，未达到法定人数")));
        return meeting;
    }

    /**
     * Who the quorum is counted over: the full members — for a committee meeting, those of them on the committee,
     * where the directory records committee posts (others attend without counting).
     */
    static Predicate<OnRoll> countsForQuorum(MeetingKind kind, List<OnRoll> roll) {
        boolean committee = kind == MeetingKind.COMMITTEE_MEETING && roll.stream().anyMatch(m -> m.full() && m.committee());
        return committee ? m -> m.full() && m.committee() : OnRoll::full;
    }

    private static void mark(Map<String, OnRoll> byCode, Map<Long, Attendance> attendance, Set<String> marked, List<String> codes,
                             Attendance as) {
        for (String raw : codes == null ? List.<String>of() : codes) {
            String code = raw == null ? "" : raw.trim();
            if (code.isEmpty()) {
                continue;
            }
            OnRoll member = byCode.get(code);
            if (member == null) {
                throw new IllegalArgumentException("参会人员不是该党组织的党员：" + code);
            }
            if (!marked.add(code)) {
                throw new IllegalArgumentException("同一党员不能既出席又请假：" + code);
            }
            attendance.put(member.id(), as);
        }
    }

    /** Whether a member's post (directory {@code Position}) sits on their organisation's committee. */
    public static boolean committeePost(String position) {
        return position != null && COMMITTEE_POSTS.contains(position);
    }

    private static final Set<String> COMMITTEE_POSTS = Set.of("FIRST_SECRETARY", "SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER");

    /** Whether more than half of the organisation's full members were present. */
    public static boolean quorate(int fullPresent, int fullMembers) {
        return fullMembers > 0 && fullPresent * 2 > fullMembers;
    }

    public boolean quorate() {
        return quorate(fullPresent, fullMembers);
    }

    public void assignIdentity(long id) {
        this.id = id;
    }

    public void written() {
        events.clear();
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public long partyOrgId() {
        return partyOrgId;
    }

    public MeetingKind kind() {
        return kind;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String place() {
        return place;
    }

    public long chairId() {
        return chairId;
    }

    public boolean firstItemStudy() {
        return firstItemStudy;
    }

    public String studyTopic() {
        return studyTopic;
    }

    public String minutes() {
        return minutes;
    }

    public List<String> decisions() {
        return decisions;
    }

    public Map<Long, Attendance> attendance() {
        return attendance;
    }

    /** Whether the member was a full member (counted for the quorum) when the meeting was recorded. */
    public boolean fullMember(long memberId) {
        return full.contains(memberId);
    }

    public int fullMembers() {
        return fullMembers;
    }

    public int fullPresent() {
        return fullPresent;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
