package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The findings of the feedback sheet, from the thresholds alone. */
class ThresholdsTests {

    @Test
    void aMemberWhoNeverReportedAndNeverServedHasThreeFindingsAtTheYearsEnd() {
        assertThat(Thresholds.DEFAULTS.findings(false, false, 0, BigDecimal.ZERO, Quarter.parse("2026Q4")))
                .containsExactly("未到社区报到", "本季度未参加社区服务", "本年度服务时长不足 12 小时");
    }

    @Test
    void theYearsHoursAreProratedByQuarter() {
        Quarter third = Quarter.parse("2026Q3");
        assertThat(Thresholds.DEFAULTS.findings(true, true, 1, new BigDecimal("9.0"), third)).isEmpty();
        assertThat(Thresholds.DEFAULTS.findings(true, true, 1, new BigDecimal("8.5"), third))
                .containsExactly("本年度服务时长不足 12 小时（截至第3季度应达 9 小时）");
        assertThat(Thresholds.DEFAULTS.findings(true, false, 2, new BigDecimal("20"), third)).containsExactly("到社区报到尚未确认");
        assertThat(new Thresholds(12, 3).findings(true, true, 2, new BigDecimal("20"), third)).containsExactly("本季度参加社区服务不足 3 次");
    }

    @Test
    void aQuarterIsWrittenAsYearQNumber() {
        Quarter q = Quarter.parse("2026Q3");
        assertThat(q.first()).hasToString("2026-07-01");
        assertThat(q.last()).hasToString("2026-09-30");
        assertThat(q.label()).isEqualTo("2026年第3季度");
        assertThatThrownBy(() -> Quarter.parse("2026Q5")).hasMessageContaining("2026Q3");
        assertThatThrownBy(() -> Hours.of("服务时长", BigDecimal.ZERO, Hours.DAY)).hasMessage("服务时长应大于 0 且不超过 24 小时");
    }
}
