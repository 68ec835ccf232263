package org.ronghe.partylife.commitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ronghe.visits.MemberWork;
import org.springframework.stereotype.Component;

/**
 * Computes how far commitments are fulfilled, from the records and never from what anyone typed: the member's
 * {@link MemberWork} over the card's calendar year (1 January – 31 December, so the work of the whole year counts
 * for the year's card, whenever in the year it was published or revised), and for a decision whether it is
 * delivered. One {@link MemberWork#of} call per year among the commitments asked about, for all their members at
 * once.
 */
@Component
public class Fulfilment {

    private final MemberWork work;

    Fulfilment(MemberWork work) {
        this.work = work;
    }

    /** What a commitment promises, as the computation needs it; {@code delivered} for a decision. */
    public record Subject(long commitmentId, long memberId, int year, Commitment.Target target, boolean delivered) {
    }

    /**
     * @param measurable whether it names a target (otherwise 不可量化: never fulfilled)
     * @param actual     what the records show (a decision: 1 when delivered)
     * @param required   the target (a decision: 1)
     * @param percent    actual / required, 0..100
     */
    public record Progress(boolean measurable, BigDecimal actual, Integer required, int percent, boolean fulfilled, String label) {

        static final String UNMEASURABLE = "不可量化";

        static Progress none() {
            return new Progress(false, null, null, 0, false, UNMEASURABLE);
        }
    }

    /** Each subject's progress by commitment id. */
    public Map<Long, Progress> of(Collection<Subject> subjects) {
        Map<Integer, Set<Long>> membersByYear = new TreeMap<>();
        for (Subject s : subjects) {
            if (s.target() != null && s.target().kind() != TargetKind.DECISION_DELIVERED) {
                membersByYear.computeIfAbsent(s.year(), y -> new LinkedHashSet<>()).add(s.memberId());
            }
        }
        Map<Integer, Map<Long, MemberWork.Record>> records = new HashMap<>();
        membersByYear.forEach((year, members) -> records.put(year, work.of(members, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
        Map<Long, Progress> progress = new HashMap<>();
        for (Subject s : subjects) {
            MemberWork.Record record = records.getOrDefault(s.year(), Map.of()).getOrDefault(s.memberId(), MemberWork.Record.none(s.memberId()));
            progress.put(s.commitmentId(), progress(s, record));
        }
        return progress;
    }

    static Progress progress(Subject s, MemberWork.Record record) {
        Commitment.Target target = s.target();
        if (target == null) {
            return Progress.none();
        }
        BigDecimal actual = target.kind() == TargetKind.DECISION_DELIVERED
                ? (s.delivered() ? BigDecimal.ONE : BigDecimal.ZERO) : target.kind().actual(record);
        BigDecimal required = BigDecimal.valueOf(target.required());
        boolean fulfilled = actual.compareTo(required) >= 0;
        int percent = fulfilled ? 100 : actual.multiply(BigDecimal.valueOf(100)).divide(required, 0, RoundingMode.DOWN).intValue();
        String label = target.kind() == TargetKind.DECISION_DELIVERED
                ? (s.delivered() ? "已落实" : "未落实")
                : actual.stripTrailingZeros().toPlainString() + " / " + target.required() + " " + target.kind().unit();
        return new Progress(true, actual, target.required(), percent, fulfilled, label);
    }

    /** Counts per member: commitments, of them measurable, of those fulfilled. */
    public record Tally(long commitments, long measurable, long fulfilled) {

        public static final Tally NONE = new Tally(0, 0, 0);
    }

    static Map<Long, Tally> tally(List<Subject> subjects, Map<Long, Progress> progress) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Subject s : subjects) {
            long[] c = counts.computeIfAbsent(s.memberId(), m -> new long[3]);
            c[0]++;
            Progress p = progress.get(s.commitmentId());
            if (p.measurable()) {
                c[1]++;
            }
            if (p.fulfilled()) {
                c[2]++;
            }
        }
        Map<Long, Tally> tallies = new HashMap<>();
        counts.forEach((member, c) -> tallies.put(member, new Tally(c[0], c[1], c[2])));
        return tallies;
    }
}
