package org.ronghe.visits.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ronghe.platform.Texts;

/**
 * One community's rating of one organ paired with it in one period (基层评议机关). Made and revised only
 * while the period takes ratings; each change registers an event with the grade and remarks before and after.
 */
public final class Evaluation {

    static final int REMARKS_MAX = 1000;

    private Long id;
    private final long periodId;
    private final long communityId;
    private final long organId;
    private Grade grade;
    private String remarks;
    private int version;
    private String ratedBy;
    private final Instant firstRatedAt;
    private Instant ratedAt;
    private final List<EvaluationEvent> events = new ArrayList<>();

    private Evaluation(Long id, long periodId, long communityId, long organId, Grade grade, String remarks, int version,
                       String ratedBy, Instant firstRatedAt, Instant ratedAt) {
        this.id = id;
        this.periodId = periodId;
        this.communityId = communityId;
        this.organId = organId;
        this.grade = grade;
        this.remarks = remarks;
        this.version = version;
        this.ratedBy = ratedBy;
        this.firstRatedAt = firstRatedAt;
        this.ratedAt = ratedAt;
    }

    /** A community's first rating of a paired organ in the period. */
    public static Evaluation rate(EvaluationPeriod period, long communityId, long organId, Grade grade, String remarks,
                                  String actor, Instant now, LocalDate today) {
        period.requireAcceptsRatings(today);
        String r = checked(grade, remarks);
        Evaluation e = new Evaluation(null, period.id(), communityId, organId, grade, r, 0, actor, now, now);
        e.events.add(new EvaluationEvent(EvaluationEvent.Type.RATED, actor, now, null, grade, null, r));
        return e;
    }

    public static Evaluation restore(long id, long periodId, long communityId, long organId, Grade grade, String remarks,
                                     int version, String ratedBy, Instant firstRatedAt, Instant ratedAt) {
        return new Evaluation(id, periodId, communityId, organId, grade, remarks, version, ratedBy, firstRatedAt, ratedAt);
    }

    /** Changes the grade or remarks while the period takes ratings; the same grade and remarks change nothing. */
    public boolean revise(EvaluationPeriod period, Grade newGrade, String newRemarks, String actor, Instant now, LocalDate today) {
        if (period.id() == null || period.id() != periodId) {
            throw new IllegalStateException("the evaluation belongs to another period");
        }
        period.requireAcceptsRatings(today);
        String r = checked(newGrade, newRemarks);
        if (newGrade == grade && Objects.equals(r, remarks)) {
            return false;
        }
        events.add(new EvaluationEvent(EvaluationEvent.Type.REVISED, actor, now, grade, newGrade, remarks, r));
        grade = newGrade;
        remarks = r;
        ratedBy = actor;
        ratedAt = now;
        return true;
    }

    /** Remarks as stored: trimmed, at most 1000 characters, required for 不满意. */
    static String checked(Grade grade, String remarks) {
        if (grade == null) {
            throw new IllegalArgumentException("请选择评议等次：满意、比较满意、基本满意或不满意");
        }
        String r = remarks == null || Texts.check("评议意见", remarks, REMARKS_MAX).isBlank() ? null : remarks.trim();
        if (grade == Grade.UNSATISFIED && r == null) {
            throw new IllegalArgumentException("评议为“不满意”时须填写意见，说明不满意的原因");
        }
        return r;
    }

    List<EvaluationEvent> takeEvents() {
        List<EvaluationEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    void stored(long id) {
        this.id = id;
    }

    void versionStored() {
        version++;
    }

    Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("grade", grade.name());
        s.put("remarks", remarks);
        return s;
    }

    public Long id() {
        return id;
    }

    public long periodId() {
        return periodId;
    }

    public long communityId() {
        return communityId;
    }

    public long organId() {
        return organId;
    }

    public Grade grade() {
        return grade;
    }

    public String remarks() {
        return remarks;
    }

    public int version() {
        return version;
    }

    public String ratedBy() {
        return ratedBy;
    }

    public Instant firstRatedAt() {
        return firstRatedAt;
    }

    public Instant ratedAt() {
        return ratedAt;
    }
}
