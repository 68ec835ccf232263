package org.ronghe.partylife.responsibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * A secretary's yearly duty report (述职述廉) given at a DUTY_REPORT meeting of the organ, and its evaluation. The
 * evaluation is one of two kinds, fixed by its first step: ballots cast by the meeting's participants (one each,
 * the counts kept with every ballot) or the tally of a paper vote recorded by the committee (which may be
 * corrected). The result — the share of 好 and 较好 — is computed. Plain Java.
 */
public class DutyReport {

    public static final int BODY_LENGTH = 10000;
    public static final int KEY_LENGTH = 100;

    public enum Evaluation { BALLOT, PAPER }

    /** A ballot to write with the report's new counts. */
    public record Ballot(long voterId, Grade grade, Instant at) {
    }

    private Long id;
    private final int version;
    private final long organId;
    private final int year;
    private final long partyOrgId;
    private final long reporterId;
    private final long meetingId;
    private final String body;
    private Evaluation evaluation;
    private final Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
    private final Instant submittedAt;
    private final String submittedBy;
    private final String idempotencyKey;
    private final List<Ballot> ballots = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    public DutyReport(Long id, int version, long organId, int year, long partyOrgId, long reporterId, long meetingId, String body,
                      Evaluation evaluation, Map<Grade, Integer> counts, Instant submittedAt, String submittedBy, String idempotencyKey) {
        this.id = id;
        this.version = version;
        this.organId = organId;
        this.year = year;
        this.partyOrgId = partyOrgId;
        this.reporterId = reporterId;
        this.meetingId = meetingId;
        this.body = body;
        this.evaluation = evaluation;
        for (Grade g : Grade.values()) {
            this.counts.put(g, counts.getOrDefault(g, 0));
        }
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.idempotencyKey = idempotencyKey;
    }

    /** The report of a party organisation's secretary, given at the meeting (whose year is the report's). */
    public static DutyReport submit(long organId, int year, long partyOrgId, long reporterId, long meetingId, String body,
                                    String actor, String key, Instant now) {
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        String text = body == null ? "" : body.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("请填写述职述廉报告内容（text）");
        }
        Texts.check("述职述廉报告", text, BODY_LENGTH);
        DutyReport report = new DutyReport(null, 0, organId, year, partyOrgId, reporterId, meetingId, text, null, Map.of(), now,
                actor, key);
        report.events.add(new Event("REPORT_SUBMITTED", now, actor, year + " 年度述职述廉报告"));
        return report;
    }

    /**
     * A participant of the meeting votes, once ({@code alreadyVoted}), on a report evaluated by ballot; the reporter
     * does not evaluate their own report.
     */
    public void vote(long voterId, Grade grade, boolean alreadyVoted, String actor, Instant now) {
        if (grade == null) {
            throw new IllegalArgumentException("请选择评价（grade）");
        }
        if (evaluation == Evaluation.PAPER) {
            throw new ConflictException("该述职已录入纸质测评结果，不再接受投票", Map.of("evaluation", evaluation.name()));
        }
        if (voterId == reporterId) {
            throw new ConflictException("述职人不参加对本人的测评", Map.of());
        }
        if (alreadyVoted) {
            throw new ConflictException("您已对该述职投过票，每人只能投一票", Map.of());
        }
        evaluation = Evaluation.BALLOT;
        counts.merge(grade, 1, Integer::sum);
        ballots.add(new Ballot(voterId, grade, now));
        events.add(new Event("BALLOT_CAST", now, actor, "测评票：" + grade.label()));
    }

    /**
     * The committee records (or corrects) the tally of a paper vote: each count at least 0, at least one vote, and no
     * more votes than the meeting had participants ({@code participants}).
     */
    public void tally(Map<Grade, Integer> tally, int participants, String actor, Instant now) {
        if (evaluation == Evaluation.BALLOT) {
            throw new ConflictException("该述职已有参会党员投票，不能再录入纸质测评结果", Map.of("evaluation", evaluation.name()));
        }
        int total = 0;
        for (Grade g : Grade.values()) {
            Integer n = tally.get(g);
            if (n == null) {
                throw new IllegalArgumentException("请填写“" + g.label() + "”的票数");
            }
            if (n < 0) {
                throw new IllegalArgumentException("“" + g.label() + "”的票数不能为负数");
            }
            total += n;
        }
        if (total == 0) {
            throw new IllegalArgumentException("测评票数合计至少为 1");
        }
        if (total > participants) {
            throw new IllegalArgumentException("测评票数合计（" + total + "）不能多于述职评议会的出席人数（" + participants + "）");
        }
        boolean correction = evaluation == Evaluation.PAPER;
        evaluation = Evaluation.PAPER;
        tally.forEach(counts::put);
        events.add(new Event(correction ? "TALLY_CORRECTED" : "TALLY_RECORDED", now, actor, "好 " + tally.get(Grade.GOOD)
                + "、较好 " + tally.get(Grade.FAIRLY_GOOD) + "、一般 " + tally.get(Grade.FAIR) + "、差 " + tally.get(Grade.POOR)));
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of 好 and 较好 among the votes, or {@code null} before any vote. */
    public Double result() {
        return result(counts.get(Grade.GOOD), counts.get(Grade.FAIRLY_GOOD), total());
    }

    public static Double result(int good, int fairlyGood, int total) {
        return total == 0 ? null : (double) (good + fairlyGood) / total;
    }

    public void assignIdentity(long id) {
        this.id = id;
    }

    public void written() {
        events.clear();
        ballots.clear();
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public long organId() {
        return organId;
    }

    public int year() {
        return year;
    }

    public long partyOrgId() {
        return partyOrgId;
    }

    public long reporterId() {
        return reporterId;
    }

    public long meetingId() {
        return meetingId;
    }

    public String body() {
        return body;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public int count(Grade grade) {
        return counts.get(grade);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public List<Ballot> ballots() {
        return Collections.unmodifiableList(ballots);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
