package org.ronghe.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dimension (维度) of a scheme and its indicators; its weight is theirs summed. Each dimension is on one side of
 * the report's "two skins" question: party building or business outcomes.
 */
public record Dimension(String code, String name, Side side, List<Indicator> indicators) {

    public enum Side {
        PARTY_BUILDING("党建工作"), BUSINESS("业务成效");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Dimension {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public static Dimension of(String code, String name, Side side, Indicator... indicators) {
        return new Dimension(code, name, side, List.of(indicators));
    }

    public BigDecimal weight() {
        return indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
