package org.ronghe.visits.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The thresholds the feedback sheet measures each member against, and the findings they give. Plain
 * Java: the sheet passes in what the records say.
 *
 * @param hoursPerYear          confirmed hours of service expected in a year (prorated per quarter)
 * @param serviceLogsPerQuarter confirmed service logs expected in a quarter
 */
public record Thresholds(int hoursPerYear, int serviceLogsPerQuarter) {

    public static final Thresholds DEFAULTS = new Thresholds(12, 1);
    public static final List<String> NAMES = List.of("hoursPerYear", "serviceLogsPerQuarter");
    public static final int MAX = 1000;

    public Thresholds {
        if (hoursPerYear < 0 || hoursPerYear > MAX || serviceLogsPerQuarter < 0 || serviceLogsPerQuarter > MAX) {
            throw new IllegalArgumentException("阈值应为 0 到 " + MAX + " 之间的整数");
        }
    }

    /** The findings for one member in a quarter: what is missing, in Chinese, empty when nothing is. */
    public List<String> findings(boolean reported, boolean confirmed, int logsInQuarter, BigDecimal hoursYearToDate,
                                 Quarter quarter) {
        List<String> findings = new ArrayList<>();
        if (!confirmed) {
            findings.add(reported ? "到社区报到尚未确认" : "未到社区报到");
        }
        if (logsInQuarter == 0 && serviceLogsPerQuarter > 0) {
            findings.add("本季度未参加社区服务");
        } else if (logsInQuarter < serviceLogsPerQuarter) {
            findings.add("本季度参加社区服务不足 " + serviceLogsPerQuarter + " 次");
        }
        BigDecimal expected = expectedHoursBy(quarter);
        if (hoursYearToDate.compareTo(expected) < 0) {
            findings.add(quarter.number() == 4 ? "本年度服务时长不足 " + hoursPerYear + " 小时"
                    : "本年度服务时长不足 " + hoursPerYear + " 小时（截至第" + quarter.number() + "季度应达 "
                    + expected.stripTrailingZeros().toPlainString() + " 小时）");
        }
        return findings;
    }

    /** The hours expected by the end of the quarter: a quarter of the year's hours for each quarter passed. */
    public BigDecimal expectedHoursBy(Quarter quarter) {
        return BigDecimal.valueOf(hoursPerYear).multiply(BigDecimal.valueOf(quarter.number()))
                .divide(BigDecimal.valueOf(4), 1, RoundingMode.HALF_UP);
    }
}
