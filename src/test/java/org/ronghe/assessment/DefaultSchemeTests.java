package org.ronghe.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scheme that ships covers the report's five fronts and business outcomes, and passes its own validator. */
class DefaultSchemeTests {

    private final Scheme scheme = DefaultScheme.of(2026);

    @Test
    void the_default_scheme_is_valid() {
        assertThat(SchemeValidator.problems(scheme.year(), scheme.version(), scheme.name(), scheme.thresholds(), scheme.dimensions()))
                .isEmpty();
        assertThat(scheme.indicators().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(scheme.manualWeight()).isLessThanOrEqualTo(BigDecimal.TEN);
    }

    @Test
    void it_covers_the_five_fronts_and_the_business_outcomes_that_test_them() {
        assertThat(scheme.dimensions()).extracting(Dimension::name).containsExactly("思想建设", "组织建设", "队伍建设", "机制建设", "载体建设", "业务成效");
        assertThat(scheme.dimensions()).filteredOn(d -> d.side() == Dimension.Side.BUSINESS).extracting(Dimension::name)
                .containsExactly("业务成效");
        assertThat(scheme.dimensions()).allSatisfy(d -> assertThat(d.weight()).isPositive());
    }

    @Test
    void it_uses_every_rule_type_and_vetoes_disciplinary_violations() {
        assertThat(scheme.indicators().map(i -> i.rule().kind()).distinct()).containsExactlyInAnyOrder(Rule.Kind.values());
        assertThat(scheme.indicators().filter(i -> i.rule() instanceof Rule.Veto).map(i -> i.rule().metric()))
                .containsExactly(Metric.DISCIPLINARY_VIOLATIONS);
    }

    @Test
    void every_metric_it_reads_comes_from_the_records_of_a_module() {
        assertThat(scheme.metrics()).isNotEmpty().allSatisfy(m -> assertThat(List.of("calls", "visits", "partylife", "assessment"))
                .contains(m.module()));
        assertThat(scheme.metrics()).contains(Metric.CALL_SATISFACTION_RATE, Metric.MEETING_COMPLIANCE_RATE, Metric.COMMUNITY_EVALUATION);
    }

    @Test
    void a_scheme_is_for_its_year() {
        assertThat(DefaultScheme.of(2027).year()).isEqualTo(2027);
        assertThat(scheme.toString()).isEqualTo("机关党建工作量化考核方案（2026 第 1 版）");
    }
}
