package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.List;

import org.ronghe.partylife.Compliance;
import org.springframework.stereotype.Component;

/** The year's compliance with the frequency rules, first in every ledger: one line per rule, with each period's status. */
@Component
class ComplianceSummary implements LedgerSection {

    @Override
    public String key() {
        return "compliance";
    }

    @Override
    public String title() {
        return "合规情况";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Table table(LedgerYear year) {
        List<Row> rows = new ArrayList<>();
        for (Compliance.Line line : year.compliance().lines()) {
            Compliance.Tally t = Compliance.tally(List.of(line));
            List<String> periods = new ArrayList<>();
            for (Compliance.Cell c : line.cells()) {
                periods.add(period(c.period(), year.year()) + " " + c.statusLabel());
            }
            rows.add(Row.of(line.kindLabel(), line.cadenceLabel(), t.due(), t.held(), t.noFirstItem(), t.noQuorum(), t.missing(),
                    String.join("；", periods)));
        }
        Compliance.Tally total = year.compliance().tally();
        Double rate = total.rate();
        List<Row> totals = List.of(Row.of("合计", rate == null ? "合规率 —" : "合规率 %.1f%%".formatted(rate * 100), total.due(),
                total.held(), total.noFirstItem(), total.noQuorum(), total.missing(), null).linked(
                "/compliance?org=" + year.org().code() + "&year=" + year.year()));
        return new Table(List.of(Column.of("会议类型", 7), Column.of("频次", 6), Column.of("应召开", 3), Column.of("按要求召开", 5),
                Column.of("未学习第一议题", 6), Column.of("未达法定人数", 6), Column.of("未召开", 3), Column.wrapped("各期情况", 40)),
                rows, totals);
    }

    /** "2026-03" → "03月", "2026-Q1" → "Q1", "2026" → "全年". */
    static String period(String code, int year) {
        String rest = code.startsWith(year + "-") ? code.substring(String.valueOf(year).length() + 1) : code;
        if (rest.equals(String.valueOf(year))) {
            return "全年";
        }
        return rest.startsWith("Q") ? rest : rest + "月";
    }
}
