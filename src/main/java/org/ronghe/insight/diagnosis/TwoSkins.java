package org.ronghe.insight.diagnosis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 两张皮 / 弱化: an organ whose party-building sub-score and business sub-score (both out of 100) lie at least
 * {@code gap} points apart sits far from the diagonal of the scatter; the weaker side is named. An organ missing
 * either side is not judged. Plain Java.
 */
public final class TwoSkins {

    private TwoSkins() {
    }

    public enum Side {
        PARTY_BUILDING("党建"), BUSINESS("业务");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One organ's two sub-scores and the page explaining them. */
    public record Sides(String organCode, String organName, BigDecimal partyBuilding, BigDecimal business, String link) {
    }

    /**
     * @param distance business − party building (positive: business ahead)
     * @param weaker   the side behind, when flagged
     */
    public record Verdict(Sides sides, BigDecimal distance, boolean flagged, Side weaker, String reading) {
    }

    /** The verdicts of the organs with both sides, the farthest from the diagonal first. */
    public static List<Verdict> judge(List<Sides> organs, BigDecimal gap) {
        if (gap == null || gap.signum() <= 0) {
            throw new IllegalArgumentException("两张皮的分差阈值须大于 0");
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Sides s : organs) {
            if (s.partyBuilding() == null || s.business() == null) {
                continue;
            }
            BigDecimal distance = s.business().subtract(s.partyBuilding());
            boolean flagged = distance.abs().compareTo(gap) >= 0;
            Side weaker = !flagged ? null : distance.signum() > 0 ? Side.PARTY_BUILDING : Side.BUSINESS;
            String reading = "党建得分 " + plain(s.partyBuilding()) + "，业务得分 " + plain(s.business()) + "，相差 "
                    + plain(distance.abs()) + " 分" + (flagged ? "，" + weaker.label() + "一侧偏弱（两张皮）" : "");
            verdicts.add(new Verdict(s, distance, flagged, weaker, reading));
        }
        verdicts.sort(Comparator.comparing((Verdict v) -> v.distance().abs()).reversed()
                .thenComparing(v -> v.sides().organCode()));
        return verdicts;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
