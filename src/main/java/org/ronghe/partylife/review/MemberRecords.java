package org.ronghe.partylife.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.commitment.Fulfilment;
import org.ronghe.partylife.commitment.MemberCommitments;
import org.ronghe.visits.MemberWork;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the records say about each member over the review year, set beside the vote so a grade rests on facts: the
 * meetings they were on the roll for and attended (one query over the attendance), and their visits, households,
 * problems heard and seen through, and confirmed service hours ({@link MemberWork}, a few queries for all of them),
 * and how many of their measurable commitments of the year are fulfilled ({@link MemberCommitments}).
 */
@Component
class MemberRecords {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final MemberWork work;
    private final MemberCommitments commitments;

    MemberRecords(JdbcClient jdbc, MemberWork work, MemberCommitments commitments) {
        this.jdbc = jdbc;
        this.work = work;
        this.commitments = commitments;
    }

    Map<Long, MemberRecord> of(Collection<Long> memberIds, int year) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<Long> ids = List.copyOf(memberIds);
        Map<Long, long[]> meetings = new HashMap<>();
        for (int start = 0; start < ids.size(); start += BATCH) {
            jdbc.sql("""
                            SELECT a.member_id, COUNT(*), SUM(CASE WHEN a.attendance = 'PRESENT' THEN 1 ELSE 0 END)
                            FROM meeting_attendance a JOIN meeting g ON g.id = a.meeting_id
                            WHERE a.member_id IN (:ids) AND g.held_on BETWEEN :from AND :to GROUP BY a.member_id""")
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + BATCH))).param("from", from).param("to", to)
                    .query((RowCallbackHandler) rs -> meetings.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)}));
        }
        Map<Long, MemberWork.Record> done = work.of(ids, from, to);
        Map<Long, Fulfilment.Tally> promised = commitments.of(ids, year);
        Map<Long, MemberRecord> records = new LinkedHashMap<>();
        for (Long id : ids) {
            long[] m = meetings.getOrDefault(id, new long[2]);
            MemberWork.Record w = done.getOrDefault(id, MemberWork.Record.none(id));
            Fulfilment.Tally c = promised.getOrDefault(id, Fulfilment.Tally.NONE);
            records.put(id, new MemberRecord(m[0], m[1], w.visits(), w.householdsVisited(), w.problemsHeard(), w.problemsResolved(),
                    w.serviceHours(), c.measurable(), c.fulfilled()));
        }
        return records;
    }
}
