package org.ronghe.insight.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * 淡化: an organ's political study fading, read from its organisational life over the year — the share of its meetings
 * held with quorum that studied the 第一议题, the compliance of its 党课 (study meetings), and its full members'
 * attendance, whose quarterly trend must not fall. Each rate below its floor, and a fall of attendance from the first
 * quarter with meetings to the last by more than the allowed drop, is a reason to flag the organ. Plain Java.
 */
public final class Fading {

    private Fading() {
    }

    /** The floors (shares between 0 and 1) and the largest fall of attendance tolerated between quarters. */
    public record Thresholds(double firstItemFloor, double studyFloor, double attendanceFloor, double attendanceDrop) {

        public Thresholds {
            for (double v : new double[]{firstItemFloor, studyFloor, attendanceFloor, attendanceDrop}) {
                if (v < 0 || v > 1) {
                    throw new IllegalArgumentException("淡化的阈值须在 0 与 1 之间");
                }
            }
        }
    }

    /** Full members expected and present at the meetings of one month. */
    public record Month(int month, long expected, long present) {

        public Double rate() {
            return expected == 0 ? null : (double) present / expected;
        }
    }

    /**
     * What an organ's organisations did in the year.
     *
     * @param quorate          periods due held with quorum
     * @param quorateFirstItem of those, held with the 第一议题 study
     * @param studyDue         党课 periods due
     * @param studyHeld        of those, held with quorum
     * @param link             the page listing the records counted (the organ's compliance)
     */
    public record OrganLife(String organCode, String organName, long quorate, long quorateFirstItem, long studyDue, long studyHeld,
                            List<Month> months, String link) {

        public OrganLife {
            months = List.copyOf(months);
        }
    }

    public record Quarter(int quarter, long expected, long present) {

        public Double rate() {
            return expected == 0 ? null : (double) present / expected;
        }
    }

    public record Verdict(String organCode, String organName, Double firstItemRate, Double studyRate, Double attendanceRate,
                          List<Month> months, List<Quarter> quarters, boolean flagged, List<String> reasons, String link) {
    }

    public static Verdict judge(OrganLife life, Thresholds t) {
        Double firstItem = life.quorate() == 0 ? null : (double) life.quorateFirstItem() / life.quorate();
        Double study = life.studyDue() == 0 ? null : (double) life.studyHeld() / life.studyDue();
        long expected = life.months().stream().mapToLong(Month::expected).sum();
        long present = life.months().stream().mapToLong(Month::present).sum();
        Double attendance = expected == 0 ? null : (double) present / expected;
        List<Quarter> quarters = quarters(life.months());
        List<String> reasons = new ArrayList<>();
        if (firstItem != null && firstItem < t.firstItemFloor()) {
            reasons.add("第一议题学习率 " + Attenuation.percent(firstItem) + "（按要求召开的 " + life.quorate() + " 次会议中 "
                    + (life.quorate() - life.quorateFirstItem()) + " 次未学习），低于 " + Attenuation.percent(t.firstItemFloor()));
        }
        if (study != null && study < t.studyFloor()) {
            reasons.add("党课合规率 " + Attenuation.percent(study) + "（应开 " + life.studyDue() + " 次，按要求召开 " + life.studyHeld()
                    + " 次），低于 " + Attenuation.percent(t.studyFloor()));
        }
        if (attendance != null && attendance < t.attendanceFloor()) {
            reasons.add("正式党员出勤率 " + Attenuation.percent(attendance) + "（应到 " + expected + " 人次，实到 " + present + " 人次），低于 "
                    + Attenuation.percent(t.attendanceFloor()));
        }
        List<Quarter> held = quarters.stream().filter(q -> q.expected() > 0).toList();
        if (held.size() >= 2) {
            Quarter first = held.get(0);
            Quarter last = held.get(held.size() - 1);
            if (first.rate() - last.rate() > t.attendanceDrop()) {
                reasons.add("出勤率由第" + first.quarter() + "季度 " + Attenuation.percent(first.rate()) + " 降至第" + last.quarter() + "季度 "
                        + Attenuation.percent(last.rate()) + "，降幅超过 " + Attenuation.percent(t.attendanceDrop()));
            }
        }
        return new Verdict(life.organCode(), life.organName(), firstItem, study, attendance, life.months(), quarters, !reasons.isEmpty(),
                List.copyOf(reasons), life.link());
    }

    static List<Quarter> quarters(List<Month> months) {
        List<Quarter> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            int quarter = q;
            List<Month> in = months.stream().filter(m -> (m.month() - 1) / 3 + 1 == quarter).toList();
            quarters.add(new Quarter(q, in.stream().mapToLong(Month::expected).sum(), in.stream().mapToLong(Month::present).sum()));
        }
        return quarters;
    }
}
