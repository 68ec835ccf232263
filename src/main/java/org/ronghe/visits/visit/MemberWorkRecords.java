package org.ronghe.visits.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.visits.MemberWork;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link MemberWork} from the visits, their problems and the confirmed service logs, a thousand members a query. */
@Component
class MemberWorkRecords implements MemberWork {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    MemberWorkRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Record> of(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, BigDecimal> hours = new HashMap<>();
        List<Long> ids = new ArrayList<>(memberIds);
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<Long> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            Map<String, Object> params = Map.of("ids", batch, "from", from, "to", to);
            jdbc.sql("SELECT v.member_id, COUNT(*), COUNT(DISTINCT v.household_id) FROM visit v"
                            + " WHERE v.member_id IN (:ids) AND v.visited_on BETWEEN :from AND :to GROUP BY v.member_id")
                    .params(params).query((RowCallbackHandler) rs -> {
                        long[] c = counts.computeIfAbsent(rs.getLong(1), id -> new long[4]);
                        c[0] = rs.getLong(2);
                        c[1] = rs.getLong(3);
                    });
            jdbc.sql("SELECT p.member_id, COUNT(*), SUM(CASE WHEN p.resolved THEN 1 ELSE 0 END) FROM visit_problem p"
                            + " JOIN visit v ON v.id = p.visit_id"
                            + " WHERE p.member_id IN (:ids) AND v.visited_on BETWEEN :from AND :to GROUP BY p.member_id")
                    .params(params).query((RowCallbackHandler) rs -> {
                        long[] c = counts.computeIfAbsent(rs.getLong(1), id -> new long[4]);
                        c[2] = rs.getLong(2);
                        c[3] = rs.getLong(3);
                    });
            jdbc.sql("SELECT member_id, SUM(hours) FROM service_log WHERE member_id IN (:ids) AND state = 'CONFIRMED'"
                            + " AND served_on BETWEEN :from AND :to GROUP BY member_id")
                    .params(params).query((RowCallbackHandler) rs -> {
                        hours.put(rs.getLong(1), rs.getBigDecimal(2));
                    });
        }
        Map<Long, Record> records = new LinkedHashMap<>();
        for (Long id : ids) {
            records.put(id, record(id, counts.get(id), hours.get(id)));
        }
        return records;
    }

    private static Record record(long id, long[] c, BigDecimal hours) {
        if (c == null && hours == null) {
            return Record.none(id);
        }
        long[] n = c == null ? new long[4] : c;
        return new Record(id, n[0], n[1], n[2], n[3], hours == null ? BigDecimal.ZERO : hours);
    }
}
