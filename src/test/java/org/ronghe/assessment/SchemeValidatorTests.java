package org.ronghe.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scheme is taken whole or not at all: the validator lists every problem in Chinese, and refuses above all any
 * indicator that would score activity on the platform — logins, online time, likes, screenshots, uploads, photos.
 */
class SchemeValidatorTests {

    private static final Thresholds GRADES = Thresholds.of("90", "80", "60");

    private static List<String> problemsOf(Thresholds thresholds, Dimension... dimensions) {
        SchemeRefused refused = catchThrowableOfType(SchemeRefused.class,
                () -> Scheme.of(2026, 1, "测试方案", thresholds, List.of(dimensions)));
        assertThat(refused).as("the scheme should have been refused").isNotNull();
        return refused.problems();
    }

    private static List<String> problemsOf(Indicator... indicators) {
        return problemsOf(GRADES, Dimension.of("D", "测试维度", Dimension.Side.PARTY_BUILDING, indicators));
    }

    private static Indicator rate(String code, String weight) {
        return Indicator.of(code, "诉求满意率", weight, Rule.rate(Metric.CALL_SATISFACTION_RATE, "0.6", "1"));
    }

    @Test
    void weights_must_sum_to_exactly_100() {
        assertThat(problemsOf(rate("A", "60"), rate("B", "39.99"))).containsExactly("各指标权重合计须为 100，现为 99.99");
        assertThat(problemsOf(rate("A", "60"), rate("B", "41"))).containsExactly("各指标权重合计须为 100，现为 101");
        assertThat(Scheme.of(2026, 1, "测试方案", GRADES, List.of(Dimension.of("D", "测试维度", Dimension.Side.BUSINESS,
                rate("A", "60.5"), rate("B", "39.5")))).dimensions().get(0).weight()).isEqualByComparingTo("100");
    }

    @Test
    void a_zero_or_negative_weight_is_refused_but_a_veto_must_weigh_nothing() {
        assertThat(problemsOf(rate("A", "100"), rate("B", "0"), rate("C", "-5"), rate("D", "5")))
                .contains("指标 B（诉求满意率）的权重须大于 0，现为 0", "指标 C（诉求满意率）的权重须大于 0，现为 -5");
        assertThat(problemsOf(rate("A", "99"), Indicator.of("V", "违纪违法一票否决", "1", Rule.veto(Metric.DISCIPLINARY_VIOLATIONS))))
                .containsExactly("指标 V（违纪违法一票否决）为一票否决，权重须为 0，现为 1");
    }

    @Test
    void a_rate_target_must_lie_beyond_its_floor() {
        assertThat(problemsOf(Indicator.of("A", "诉求满意率", "100", Rule.rate(Metric.CALL_SATISFACTION_RATE, "0.9", "0.9"))))
                .containsExactly("指标 A（诉求满意率）的达标值（0.9）须高于起点值（0.9）");
        assertThat(problemsOf(Indicator.of("A", "诉求满意率", "100", Rule.rate(Metric.CALL_SATISFACTION_RATE, "0.5", "1.2"))))
                .containsExactly("指标 A（诉求满意率）的起点值和达标值须在 0 至 1 之间");
    }

    @Test
    void counts_deductions_need_positive_targets_and_points() {
        assertThat(problemsOf(rate("A", "90"), Indicator.of("C", "走访发现问题解决", "5", Rule.count(Metric.PROBLEMS_RESOLVED, "0")),
                Indicator.of("X", "超期诉求", "5", Rule.deduction(Metric.OVERDUE_CALLS, "0", "-1"))))
                .containsExactly("指标 C（走访发现问题解决）的目标数须大于 0", "指标 X（超期诉求）的每次扣分须大于 0", "指标 X（超期诉求）的扣分上限须大于 0");
    }

    @Test
    void manual_weight_above_ten_percent_of_the_total_is_refused() {
        assertThat(problemsOf(rate("A", "89"), Indicator.of("H1", "意识形态工作", "6", Rule.manual("专项检查结论")),
                Indicator.of("H2", "党员教育培训", "5", Rule.manual("培训检查结论"))))
                .containsExactly("人工评分指标权重合计不得超过 10（满分的 10%），现为 11");
        assertThat(Scheme.of(2026, 1, "测试方案", GRADES, List.of(Dimension.of("D", "测试维度", Dimension.Side.PARTY_BUILDING,
                rate("A", "90"), Indicator.of("H1", "意识形态工作", "10", Rule.manual("专项检查结论"))))).manualWeight())
                .isEqualByComparingTo(BigDecimal.TEN);
    }

    @Test
    void a_manual_indicator_must_say_what_it_rests_on() {
        assertThat(problemsOf(rate("A", "95"), Indicator.of("H", "意识形态工作", "5", Rule.manual(" "))))
                .containsExactly("指标 H（意识形态工作）为人工评分，须写明评分依据");
    }

    @Test
    void grade_thresholds_must_descend() {
        Dimension whole = Dimension.of("D", "测试维度", Dimension.Side.BUSINESS, rate("A", "100"));
        assertThat(problemsOf(Thresholds.of("80", "85", "60"), whole))
                .containsExactly("等次分数线须依次递减：100 ≥ 好 > 较好 > 一般 > 0，现为 好 80、较好 85、一般 60");
        assertThat(problemsOf(Thresholds.of("90", "80", "80"), whole)).hasSize(1);
        assertThat(problemsOf(Thresholds.of("101", "80", "60"), whole)).hasSize(1);
        assertThat(problemsOf(null, whole)).containsExactly("等次分数线须依次递减：100 ≥ 好 > 较好 > 一般 > 0，现为 未设");
    }

    @Test
    void an_empty_dimension_and_duplicate_codes_are_refused() {
        assertThat(problemsOf(GRADES, Dimension.of("D", "测试维度", Dimension.Side.PARTY_BUILDING, rate("A", "50"), rate("A", "50")),
                Dimension.of("E", "空维度", Dimension.Side.BUSINESS), Dimension.of("D", "又一维度", Dimension.Side.BUSINESS, rate("B", "0.5"))))
                .contains("指标编码重复：A", "维度 E（空维度）没有指标", "维度编码重复：D", "各指标权重合计须为 100，现为 100.5");
    }

    @Test
    void a_rule_counting_logins_is_refused_by_name() {
        List<String> problems = problemsOf(rate("A", "90"), Indicator.of("L", "平台使用活跃度", "10", new Rule.Count("LOGINS", BigDecimal.TEN)));

        assertThat(problems).containsExactly(
                "指标 L（平台使用活跃度）：“LOGINS”以登录次数计分：考核只看工作实绩，不得以登录、在线时长、点赞、截图、上传或照片计分");
        assertThatThrownBy(() -> Metric.parse("logins")).hasMessageContaining("以登录次数计分");
    }

    @Test
    void a_rule_counting_uploads_is_refused_by_name() {
        assertThat(problemsOf(rate("A", "90"), Indicator.of("U", "台账资料报送", "10", new Rule.Count("UPLOADS", BigDecimal.TEN))))
                .singleElement().asString().contains("“UPLOADS”以上传计分");
        assertThat(problemsOf(rate("A", "90"), Indicator.of("U", "台账资料报送", "10",
                new Rule.Rate("uploadedMaterialRate", BigDecimal.ZERO, BigDecimal.ONE)))).singleElement().asString().contains("以上传计分");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGINS", "LOGIN_DAYS", "log_in_count", "SIGN_IN_COUNT", "ONLINE_MINUTES", "onlineHours", "LIKES",
            "THUMBS_UP", "SCREENSHOTS", "screen shots", "UPLOADS", "PHOTOS", "photoCount", "登录", "登陆次数", "在线时长", "点赞数",
            "截图", "朋友圈截屏", "上传资料数", "照片", "活动拍照", "图片数量"})
    void every_way_of_writing_an_activity_count_is_refused(String basis) {
        assertThat(problemsOf(rate("A", "90"), Indicator.of("W", "活跃度", "10", new Rule.Count(basis, BigDecimal.TEN))))
                .singleElement().asString().contains("考核只看工作实绩，不得以登录、在线时长、点赞、截图、上传或照片计分");
        assertThat(problemsOf(rate("A", "95"), Indicator.of("H", "活跃度", "5", Rule.manual(basis))))
                .singleElement().asString().contains("不得以登录");
    }

    @Test
    void an_indicator_named_after_an_activity_count_is_refused_whatever_it_reads() {
        assertThat(problemsOf(rate("A", "90"), Indicator.of("P", "上传活动照片数", "10", Rule.count(Metric.PROBLEMS_RESOLVED, "20"))))
                .singleElement().asString().contains("“上传活动照片数”以上传计分");
    }

    @Test
    void an_unknown_metric_or_one_of_the_wrong_kind_is_refused() {
        assertThat(problemsOf(rate("A", "90"), Indicator.of("Q", "文件数量", "10", new Rule.Count("DOCUMENTS_FILED", BigDecimal.TEN))))
                .containsExactly("指标 Q（文件数量）的数据来源“DOCUMENTS_FILED”不在指标库中");
        assertThat(problemsOf(rate("A", "90"), Indicator.of("Q", "超期诉求", "10", Rule.rate(Metric.OVERDUE_CALLS, "0", "1"))))
                .containsExactly("指标 Q（超期诉求）的数据来源“超期诉求件数”不适用此规则：须为比率");
        assertThat(problemsOf(rate("A", "90"), Indicator.of("Q", "问题解决扣分", "10", Rule.deduction(Metric.PROBLEMS_RESOLVED, "1", "5"))))
                .containsExactly("指标 Q（问题解决扣分）的数据来源“走访问题解决数”不适用此规则：须为应当减少的件（次、人）数");
    }

    @Test
    void every_problem_is_listed_at_once_and_nothing_is_kept() {
        SchemeRefused refused = catchThrowableOfType(SchemeRefused.class, () -> Scheme.of(1999, 0, " ", Thresholds.of("60", "80", "90"),
                List.of(Dimension.of("D", "测试维度", Dimension.Side.PARTY_BUILDING, rate("A", "0"),
                        Indicator.of("L", "活跃度", "20", new Rule.Count("LOGINS", BigDecimal.ONE))))));

        assertThat(refused.problems()).hasSize(7);
        assertThat(refused.getMessage()).startsWith("考核方案未通过校验：").contains("考核年度 1999", "方案版本须从 1 起", "方案须有名称",
                "等次分数线须依次递减", "指标 A（诉求满意率）的权重须大于 0", "以登录次数计分", "各指标权重合计须为 100，现为 20");
    }

    @Test
    void no_metric_in_the_catalogue_counts_activity() {
        for (Metric m : Metric.values()) {
            assertThat(Vanity.find(m.name())).as(m.name()).isEmpty();
            assertThat(Vanity.find(m.label())).as(m.label()).isEmpty();
            assertThat(Metric.parse(m.name().toLowerCase())).isEqualTo(m);
        }
    }
}
