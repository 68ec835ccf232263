package org.ronghe.partylife.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * A democratic review (民主评议党员) of one party organisation for one year: the members on its roll when it opened
 * take part, full and probationary alike; only full members are graded. Self-reviews and peer reviews while OPEN or
 * VOTING; ballots and paper counts while VOTING; the branch's decision closes the vote and freezes the review
 * (OPEN → VOTING → DECIDED). 优秀 goes to at most a third of the graded members (rounded down). Ballots are secret:
 * the review knows who voted, to refuse a second ballot, and what was chosen only as counts per member. Plain Java:
 * every step is given its instant and registers its past-tense event.
 */
public class Review {

    public static final int KEY_LENGTH = 100;
    public static final int SELF_REVIEW_LENGTH = 2000;
    public static final int PEER_REVIEW_LENGTH = 1000;

    /** A member on the roll at opening. */
    public record OnRoll(long id, String code, boolean full) {
    }

    public record Event(String type, Instant at, String actor, String note) {
    }

    /** What a step wrote, for the store. */
    public record SelfReviewed(long memberId, String text, Instant at, String by) {
    }

    public record PeerReviewed(long reviewerId, long aboutId, String text, Instant at, String by) {
    }

    /** A ballot as the store keeps it: the voter, apart from the grades, which only add to the counts. */
    public record Ballot(long voterId, String key, Map<Long, Grade> grades) {
    }

    /** A paper count for one member: votes per grade. */
    public record PaperCount(String member, Integer excellent,
                             Integer qualified,
                             Integer basicallyQualified,
                             Integer unqualified) {
    }

    private Long id;
    private int version;
    private final long partyOrgId;
    private final int year;
    private ReviewState state;
    private final Map<String, OnRoll> roll;
    private final Map<Long, OnRoll> byId = new HashMap<>();
    private final Map<Long, Tally> online;
    private final Map<Long, Tally> paper;
    private final Map<Long, String> voters;
    private final Map<Long, Grade> grades;
    private int paperBallots;
    private Long meetingId;
    private final Instant openedAt;
    private final String openedBy;
    private final String idempotencyKey;
    private Instant decidedAt;
    private String decidedBy;
    private final List<Event> events = new ArrayList<>();

    /** A review as stored; {@code voters} maps each online voter to the key they voted with. */
    public Review(Long id, int version, long partyOrgId, int year, ReviewState state, List<OnRoll> roll, Map<Long, Tally> online,
                  Map<Long, Tally> paper, Map<Long, String> voters, Map<Long, Grade> grades, int paperBallots, Long meetingId,
                  Instant openedAt, String openedBy, String idempotencyKey, Instant decidedAt, String decidedBy) {
        this.id = id;
        this.version = version;
        this.partyOrgId = partyOrgId;
        this.year = year;
        this.state = state;
        this.roll = new LinkedHashMap<>();
        roll.forEach(m -> {
            this.roll.put(m.code(), m);
            byId.put(m.id(), m);
        });
        this.online = new HashMap<>(online);
        this.paper = new HashMap<>(paper);
        this.voters = new HashMap<>(voters);
        this.grades = new HashMap<>(grades);
        this.paperBallots = paperBallots;
        this.meetingId = meetingId;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.idempotencyKey = idempotencyKey;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
    }

    /** Opens the review of an organisation for a year with the members on its roll now; at least one must be a full member. */
    public static Review open(long partyOrgId, int year, List<OnRoll> roll, String actor, String key, Instant now) {
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        if (roll.stream().noneMatch(OnRoll::full)) {
            throw new IllegalArgumentException("该党组织没有正式党员，不能开展民主评议");
        }
        Review review = new Review(null, 0, partyOrgId, year, ReviewState.OPEN, roll, Map.of(), Map.of(), Map.of(), Map.of(), 0,
                null, now, actor, key, null, null);
        long full = roll.stream().filter(OnRoll::full).count();
        review.events.add(new Event("REVIEW_OPENED", now, actor, year + " 年民主评议，参加党员 " + roll.size() + " 名（正式党员 "
                + full + " 名）"));
        return review;
    }

    /** The vote begins: from now on ballots and paper counts are taken. */
    public void startVoting(String actor, Instant now) {
        if (state != ReviewState.OPEN) {
            throw conflict(state == ReviewState.VOTING ? "民主评议已在投票中" : FROZEN);
        }
        state = ReviewState.VOTING;
        events.add(new Event("VOTING_STARTED", now, actor, "开始投票"));
    }

    /** A participant's self-review (自评), written by themselves or recorded for them; a later one replaces it. */
    public SelfReviewed writeSelfReview(String memberCode, String text, String actor, Instant now) {
        writable();
        OnRoll member = participant(memberCode, "自评党员");
        String written = required("自评内容（text）", text, SELF_REVIEW_LENGTH);
        events.add(new Event("SELF_REVIEWED", now, actor, "党员 " + member.code() + " 自评"));
        return new SelfReviewed(member.id(), written, now, actor);
    }

    /** A participant comments on another (互评). */
    public PeerReviewed writePeerReview(String reviewerCode, String aboutCode, String text, String actor, Instant now) {
        writable();
        OnRoll reviewer = participant(reviewerCode, "互评人");
        OnRoll about = participant(aboutCode, "被评党员（about）");
        if (reviewer.id() == about.id()) {
            throw new IllegalArgumentException("互评是对其他党员的评价，本人的评价请填写自评");
        }
        String written = required("互评内容（text）", text, PEER_REVIEW_LENGTH);
        events.add(new Event("PEER_REVIEWED", now, actor, "党员 " + reviewer.code() + " 评价 " + about.code()));
        return new PeerReviewed(reviewer.id(), about.id(), written, now, actor);
    }

    /**
     * A participant's ballot: each full member graded once, no probationary member graded. A second ballot is refused;
     * the caller answers a retry with the same key before asking.
     */
    public Ballot castBallot(long voterId, Map<Grade, List<String>> given, String key, String actor, Instant now) {
        if (state != ReviewState.VOTING) {
            throw conflict(state == ReviewState.OPEN ? "尚未开始投票" : FROZEN);
        }
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        if (!byId.containsKey(voterId)) {
            // The desk refuses a non-participant first (403); this guards the aggregate on its own.
            throw new IllegalArgumentException("只有参加本次民主评议的党员可以投票");
        }
        if (voters.containsKey(voterId)) {
            throw conflict("您已投票，每名党员只能投一次票");
        }
        if (ballots() >= roll.size()) {
            throw conflict("投票数已达到参加评议的党员人数（" + roll.size() + "）");
        }
        Map<Long, Grade> grades = everyFullMemberOnce(given, "投票");
        voters.put(voterId, key);
        grades.forEach((member, grade) -> online.merge(member, Tally.one(grade), Tally::plus));
        events.add(new Event("BALLOT_CAST", now, actor, "已投票 " + ballots() + " / " + roll.size()));
        return new Ballot(voterId, key, grades);
    }

    /**
     * The secretary's count of a paper vote: how many paper ballots there were and, per full member, the votes for each
     * grade (none above the ballots). Online and paper ballots together never exceed the participants. A later count
     * replaces the earlier one.
     */
    public Map<Long, Tally> recordPaperVote(Integer ballots, List<PaperCount> counts, String actor, Instant now) {
        if (state != ReviewState.VOTING) {
            throw conflict(state == ReviewState.OPEN ? "尚未开始投票" : FROZEN);
        }
        if (ballots == null) {
            throw new IllegalArgumentException("请填写纸质选票数（ballots）");
        }
        if (ballots < 1 || ballots + voters.size() > roll.size()) {
            throw new IllegalArgumentException("纸质选票数应在 1 至 " + (roll.size() - voters.size())
                    + " 之间：与网上投票合计不能超过参加评议的党员人数（" + roll.size() + "）");
        }
        Map<Long, Tally> counted = new LinkedHashMap<>();
        for (PaperCount count : counts == null ? List.<PaperCount>of() : counts) {
            if (count == null) {
                throw new IllegalArgumentException("计票结果不能为空");
            }
            OnRoll member = gradable(count.member(), "计票");
            Tally tally = new Tally(votes(count.excellent()), votes(count.qualified()), votes(count.basicallyQualified()),
                    votes(count.unqualified()));
            if (tally.excellent() < 0 || tally.qualified() < 0 || tally.basicallyQualified() < 0 || tally.unqualified() < 0) {
                throw new IllegalArgumentException("票数不能为负数：" + member.code());
            }
            if (tally.total() > ballots) {
                throw new IllegalArgumentException("党员 " + member.code() + " 的得票合计（" + tally.total() + "）超过纸质选票数（" + ballots + "）");
            }
            if (counted.put(member.id(), tally) != null) {
                throw new IllegalArgumentException("同一党员的计票结果只能填写一次：" + member.code());
            }
        }
        paper.clear();
        paper.putAll(counted);
        paperBallots = ballots;
        events.add(new Event("PAPER_VOTE_COUNTED", now, actor, "纸质选票 " + ballots + " 张"));
        return counted;
    }

    /**
     * The branch decides: voting closes and every full member gets exactly one grade, 优秀 for at most a third of them;
     * optionally the DEMOCRATIC_REVIEW meeting that decided it (checked by the caller).
     */
    public Map<Long, Grade> decide(Map<Grade, List<String>> given, Long meeting, String actor, Instant now) {
        if (state != ReviewState.VOTING) {
            throw conflict(state == ReviewState.OPEN ? "尚未投票，请先开始投票" : FROZEN);
        }
        Map<Long, Grade> decided = everyFullMemberOnce(given, "评定");
        long excellent = decided.values().stream().filter(g -> g == Grade.EXCELLENT).count();
        if (excellent > excellentCap()) {
            throw new IllegalArgumentException("评定为优秀的党员不能超过参评正式党员的三分之一：正式党员 " + fullMembers() + " 名，优秀最多 "
                    + excellentCap() + " 名，现为 " + excellent + " 名");
        }
        grades.clear();
        grades.putAll(decided);
        meetingId = meeting;
        state = ReviewState.DECIDED;
        decidedAt = now;
        decidedBy = actor;
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        decided.values().forEach(g -> counts.merge(g, 1L, Long::sum));
        StringBuilder note = new StringBuilder("投票结束，作出评定：");
        counts.forEach((g, n) -> note.append(g.label()).append(' ').append(n).append(" 名 "));
        events.add(new Event("REVIEW_DECIDED", now, actor, note.toString().trim()));
        return decided;
    }

    /** The grades given, as member ids: each full participant exactly once, no probationary member, no stranger. */
    private Map<Long, Grade> everyFullMemberOnce(Map<Grade, List<String>> given, String what) {
        Map<Long, Grade> graded = new LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            for (String code : given == null ? List.<String>of() : given.getOrDefault(grade, List.of())) {
                OnRoll member = gradable(code, what);
                Grade before = graded.put(member.id(), grade);
                if (before != null) {
                    throw new IllegalArgumentException("每名正式党员只能评定一个等次：" + member.code() + " 被评为"
                            + before.label() + "又被评为" + grade.label());
                }
            }
        }
        List<String> missing = roll.values().stream().filter(m -> m.full() && !graded.containsKey(m.id())).map(OnRoll::code).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + "须为每名正式党员选定一个等次，尚未选定：" + String.join("、", missing));
        }
        return graded;
    }

    private OnRoll gradable(String code, String what) {
        OnRoll member = participant(code, what + "的党员");
        if (!member.full()) {
            throw new IllegalArgumentException("预备党员参加评议但不评定等次：" + member.code());
        }
        return member;
    }

    private OnRoll participant(String code, String field) {
        String c = code == null ? "" : code.trim();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("请填写" + field + "（党员编码）");
        }
        OnRoll member = roll.get(c);
        if (member == null) {
            throw new IllegalArgumentException(field + "不是本次民主评议的参加人员：" + (c.length() > 40 ? c.substring(0, 40) + "…" : c));
        }
        return member;
    }

    private static int votes(Integer count) {
        return count == null ? 0 : count;
    }

    private void writable() {
        if (state == ReviewState.DECIDED) {
            throw conflict(FROZEN);
        }
    }

    private static String required(String field, String text, int max) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("请填写" + field);
        }
        return Texts.check(field, t, max);
    }

    static final String FROZEN = "民主评议已作出评定，记录已冻结，不能再修改";

    private ConflictException conflict(String message) {
        return new ConflictException(message, Map.of("state", state.name()));
    }

    /** 优秀 for at most a third of the graded (full) members, rounded down. */
    public int excellentCap() {
        return fullMembers() / 3;
    }

    public int fullMembers() {
        return (int) roll.values().stream().filter(OnRoll::full).count();
    }

    public int ballots() {
        return voters.size() + paperBallots;
    }

    public boolean voted(long memberId) {
        return voters.containsKey(memberId);
    }

    /** The key the member voted with, if they voted online. */
    public String keyOf(long memberId) {
        return voters.get(memberId);
    }

    public OnRoll member(long memberId) {
        return byId.get(memberId);
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

    public int year() {
        return year;
    }

    public ReviewState state() {
        return state;
    }

    public List<OnRoll> roll() {
        return List.copyOf(roll.values());
    }

    public Map<Long, Tally> online() {
        return Collections.unmodifiableMap(online);
    }

    public Map<Long, Tally> paper() {
        return Collections.unmodifiableMap(paper);
    }

    public Set<Long> voters() {
        return Collections.unmodifiableSet(voters.keySet());
    }

    public Map<Long, Grade> grades() {
        return Collections.unmodifiableMap(grades);
    }

    public int onlineBallots() {
        return voters.size();
    }

    public int paperBallots() {
        return paperBallots;
    }

    public Long meetingId() {
        return meetingId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
