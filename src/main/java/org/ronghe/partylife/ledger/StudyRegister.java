package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** 学习记录（第一议题）: the meetings that opened with the first-item study, their topics and who took part. */
@Component
class StudyRegister implements LedgerSection {

    @Override
    public String key() {
        return "studies";
    }

    @Override
    public String title() {
        return "学习记录";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Table table(LedgerYear year) {
        YearRecords records = year.records();
        Map<Long, YearRecords.Count> counts = records.countsByMeeting();
        List<Row> rows = new ArrayList<>();
        int present = 0;
        for (YearRecords.MeetingLine m : records.meetings()) {
            if (!m.firstItemStudy()) {
                continue;
            }
            YearRecords.Count c = counts.get(m.id());
            present += c.present();
            rows.add(Row.of(rows.size() + 1, m.heldOn().toString(), m.kind().label(), m.studyTopic(), m.chairName(), c.listed(),
                    c.present(), c.excused(), c.absent()).linked(m.href()));
        }
        List<Row> totals = List.of(Row.of("合计", rows.size() + " 次", null, null, null, null, present, null, null));
        return new Table(List.of(Column.of("序号", 3), Column.of("日期", 6), Column.of("会议类型", 7), Column.wrapped("第一议题学习内容", 30),
                Column.of("主持人", 4), Column.of("应到", 3), Column.of("出席", 3), Column.of("请假", 3), Column.of("缺席", 3)), rows, totals);
    }
}
