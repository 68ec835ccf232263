package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.FollowUp;
import org.springframework.stereotype.Component;

/** 决议落实: each decision of the year's meetings and what became of it — the call and its state, delivered, or nothing. */
@Component
class DecisionFollowThrough implements LedgerSection {

    @Override
    public String key() {
        return "decisions";
    }

    @Override
    public String title() {
        return "决议落实";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Table table(LedgerYear year) {
        YearRecords records = year.records();
        Map<Long, YearRecords.MeetingLine> meetings = records.meetingsById();
        List<Row> rows = new ArrayList<>();
        for (YearRecords.DecisionLine d : records.decisions()) {
            YearRecords.MeetingLine m = meetings.get(d.meetingId());
            rows.add(Row.of(rows.size() + 1, m.heldOn().toString(), m.kind().label(), d.position(), d.text(),
                    d.followUp().form(), d.label()).linked(m.href()));
        }
        Map<String, Integer> tally = records.followUps();
        long turned = records.decisions().stream().filter(d -> !d.followUp().nothing()).count();
        List<Row> totals = List.of(Row.of("合计", null, null, records.decisions().size() + " 条", null, "转办 " + turned + " 条",
                "已落实 " + tally.getOrDefault(FollowUp.DELIVERED, 0) + "，办理中 " + tally.getOrDefault(YearRecords.UNDER_WAY, 0) + "，未落实 "
                        + tally.getOrDefault(FollowUp.UNDONE, 0)));
        return new Table(List.of(Column.of("序号", 3), Column.of("会议日期", 6), Column.of("会议类型", 7), Column.of("条目", 3),
                Column.wrapped("决定事项", 30), Column.wrapped("转办为", 12), Column.of("落实情况", 9)), rows, totals);
    }
}
