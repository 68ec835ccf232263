package org.ronghe.insight.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * 虚化 / 层层递减: meeting compliance by level of the party tree, top down. "上面热、中间温、下面冷" is read where at
 * least three levels have meetings due and compliance falls at every step down by more than the margin. Levels with
 * nothing due are left out (an organ without general branches has three levels). Plain Java.
 */
public final class Attenuation {

    private Attenuation() {
    }

    /** The levels of the tree, top down; the names are the party organisations' kinds. */
    public enum Level {
        COMMITTEE("机关党委"), GENERAL_BRANCH("党总支"), BRANCH("党支部"), GROUP("党小组");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The level of a party organisation's kind; a temporary branch is no level of the standing tree. */
        public static Level of(String kind) {
            for (Level l : values()) {
                if (l.name().equals(kind)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** @param due periods due at the level; @param quorate of those, held with quorum */
    public record LevelRate(Level level, long due, long quorate) {

        public Double rate() {
            return due == 0 ? null : (double) quorate / due;
        }

        public LevelRate plus(long moreDue, long moreQuorate) {
            return new LevelRate(level, due + moreDue, quorate + moreQuorate);
        }
    }

    public record Verdict(List<LevelRate> levels, boolean flagged, String reading) {

        public Verdict {
            levels = List.copyOf(levels);
        }
    }

    public static Verdict judge(List<LevelRate> rates, double margin) {
        if (margin < 0 || margin >= 1) {
            throw new IllegalArgumentException("层层递减的幅度须在 0 与 1 之间");
        }
        List<LevelRate> levels = new ArrayList<>(rates.stream().filter(r -> r.due() > 0).toList());
        levels.sort(Comparator.comparing(LevelRate::level));
        boolean falling = levels.size() >= 3;
        for (int i = 1; i < levels.size() && falling; i++) {
            falling = levels.get(i - 1).rate() - levels.get(i).rate() > margin;
        }
        StringBuilder reading = new StringBuilder();
        for (LevelRate r : levels) {
            reading.append(reading.isEmpty() ? "" : " → ").append(r.level().label()).append(" ").append(percent(r.rate()));
        }
        if (levels.isEmpty()) {
            reading.append("本年度尚无到期的会议");
        } else if (falling) {
            reading.append("，逐级下降均超过 ").append(percent(margin)).append("：上面热、中间温、下面冷");
        }
        return new Verdict(levels, falling, reading.toString());
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
