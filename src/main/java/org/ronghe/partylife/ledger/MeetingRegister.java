package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** 会议记录: every meeting of the year in date order, with its attendance, quorum, first item, minutes and decisions. */
@Component
class MeetingRegister implements LedgerSection {

    @Override
    public String key() {
        return "meetings";
    }

    @Override
    public String title() {
        return "会议记录";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Table table(LedgerYear year) {
        YearRecords records = year.records();
        Map<Long, YearRecords.Count> counts = records.countsByMeeting();
        Map<Long, List<YearRecords.DecisionLine>> decisions = records.decisionsByMeeting();
        List<Row> rows = new ArrayList<>();
        int quorate = 0;
        for (YearRecords.MeetingLine m : records.meetings()) {
            YearRecords.Count c = counts.get(m.id());
            quorate += m.quorate() ? 1 : 0;
            List<String> texts = new ArrayList<>();
            decisions.getOrDefault(m.id(), List.of()).forEach(d -> texts.add(d.position() + ". " + d.text()));
            rows.add(Row.of(rows.size() + 1, m.heldOn().toString(), m.kind().label(), m.place(), m.chairName(), c.listed(), c.present(),
                    c.excused(), c.absent(), quorum(m), m.firstItemStudy() ? m.studyTopic() : "未学习", m.minutes(),
                    String.join("\n", texts)).linked(m.href()));
        }
        List<Row> totals = List.of(Row.of("合计", records.meetings().size() + " 次", null, null, null, null,
                counts.values().stream().mapToInt(YearRecords.Count::present).sum(),
                counts.values().stream().mapToInt(YearRecords.Count::excused).sum(),
                counts.values().stream().mapToInt(YearRecords.Count::absent).sum(), "达到 " + quorate + " 次",
                "学习 " + records.meetings().stream().filter(YearRecords.MeetingLine::firstItemStudy).count() + " 次", null,
                records.decisions().size() + " 条"));
        return new Table(List.of(Column.of("序号", 3), Column.of("日期", 6), Column.of("会议类型", 7), Column.wrapped("地点", 8),
                Column.of("主持人", 4), Column.of("应到", 3), Column.of("出席", 3), Column.of("请假", 3), Column.of("缺席", 3),
                Column.of("法定人数", 7), Column.wrapped("第一议题", 12), Column.wrapped("会议记录", 24), Column.wrapped("决定事项", 18)),
                rows, totals);
    }

    /** "达到（6/10）": whether more than half the full members were present, and how many of how many. */
    static String quorum(YearRecords.MeetingLine m) {
        return (m.quorate() ? "达到" : "未达到") + "（" + m.fullPresent() + "/" + m.fullMembers() + "）";
    }
}
