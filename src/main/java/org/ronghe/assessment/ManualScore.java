package org.ronghe.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A score the assessors enter for a manual indicator: never without the evidence in words and at least one record
 * it cites, so a hand-given point can be checked like a computed one.
 */
public record ManualScore(String indicator, BigDecimal score, String evidence, List<Evidence> cites) {

    public ManualScore {
        if (indicator == null || indicator.isBlank()) {
            throw new IllegalArgumentException("人工评分须指明指标");
        }
        if (score == null || score.signum() < 0) {
            throw new IllegalArgumentException("指标 " + indicator + " 的人工评分须为不小于 0 的分数");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("指标 " + indicator + " 的人工评分须写明依据");
        }
        cites = cites == null ? List.of() : List.copyOf(cites);
        if (cites.isEmpty()) {
            throw new IllegalArgumentException("指标 " + indicator + " 的人工评分须引用至少一条记录");
        }
        Vanity.find(evidence).ifPresent(word -> {
            throw new IllegalArgumentException("指标 " + indicator + " 的人工评分依据" + Vanity.refusal(evidence, word));
        });
    }

    public static ManualScore of(String indicator, String score, String evidence, Evidence... cites) {
        return new ManualScore(indicator, new BigDecimal(score), evidence, List.of(cites));
    }
}
