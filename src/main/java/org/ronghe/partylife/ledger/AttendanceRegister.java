package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.Attendance;
import org.springframework.stereotype.Component;

/**
 * 党员出勤: one row per member on the roll of any of the year's meetings, a column per meeting (出席 / 请假 / 缺席, empty
 * where the member was not yet or no longer on the roll), each member's totals, and each meeting's totals beneath.
 * Built from the one query of attendance marks.
 */
@Component
class AttendanceRegister implements LedgerSection {

    @Override
    public String key() {
        return "attendance";
    }

    @Override
    public String title() {
        return "党员出勤";
    }

    @Override
    public int order() {
        return 20;
    }

    /** A member's marks of the year; full or probationary as at their last meeting of it. */
    private static final class Member {

        final String code;
        final String name;
        final Map<Long, Attendance> marks = new HashMap<>();
        boolean full;

        Member(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    @Override
    public Table table(LedgerYear year) {
        YearRecords records = year.records();
        List<YearRecords.MeetingLine> meetings = records.meetings();
        // The marks come ordered by member, then date: one pass builds the matrix.
        Map<String, Member> members = new LinkedHashMap<>();
        for (YearRecords.Mark mark : records.marks()) {
            Member m = members.computeIfAbsent(mark.memberCode(), code -> new Member(code, mark.memberName()));
            m.marks.put(mark.meetingId(), mark.attendance());
            m.full = mark.full();
        }
        List<Row> rows = new ArrayList<>();
        for (Member m : members.values()) {
            List<Object> cells = new ArrayList<>(List.of(m.code, m.name, m.full ? "正式党员" : "预备党员"));
            int listed = 0;
            int[] by = new int[Attendance.values().length];
            for (YearRecords.MeetingLine meeting : meetings) {
                Attendance a = m.marks.get(meeting.id());
                cells.add(a == null ? null : a.label());
                if (a != null) {
                    listed++;
                    by[a.ordinal()]++;
                }
            }
            cells.add(listed);
            for (Attendance a : Attendance.values()) {
                cells.add(by[a.ordinal()]);
            }
            rows.add(new Row(cells, null));
        }
        Map<Long, YearRecords.Count> counts = records.countsByMeeting();
        List<Row> totals = new ArrayList<>();
        for (Attendance a : Attendance.values()) {
            List<Object> cells = new ArrayList<>(java.util.Arrays.asList(a.label() + "人数", null, null));
            meetings.forEach(meeting -> cells.add(counts.get(meeting.id()).of(a)));
            cells.add(null);
            for (Attendance column : Attendance.values()) {
                cells.add(column == a ? counts.values().stream().mapToInt(c -> c.of(a)).sum() : null);
            }
            totals.add(new Row(cells, null));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.of("党员编码", 5), Column.of("姓名", 4), Column.of("身份", 4)));
        meetings.forEach(meeting -> columns.add(Column.of(meeting.shortLabel(), 3)));
        columns.addAll(List.of(Column.of("应参加", 3), Column.of("出席", 3), Column.of("请假", 3), Column.of("缺席", 3)));
        return new Table(columns, rows, totals, 2);
    }
}
