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

/**
 * {@link MemberWork} from the visits, their problems and the confirmed service logs. A few members are looked up by
 * their ids, a thousand a query; many (a district's commitments) are read in one pass over the span, grouped by member,
 * which costs less than a long run of id lists.
 */
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
        if (ids.size() > BATCH) {
            read("", Map.of("from", from, "to", to), counts, hours);
        } else if (!ids.isEmpty()) {
            read(" AND %s IN (:ids)", Map.of("ids", ids, "from", from, "to", to), counts, hours);
        }
        Map<Long, Record> records = new LinkedHashMap<>();
        for (Long id : ids) {
            records.put(id, record(id, counts.get(id), hours.get(id)));
        }
        return records;
    }

    /** @param only a condition on the member column ({@code %s}), or none for every member */
    private void read(String only, Map<String, Object> params, Map<Long, long[]> counts, Map<Long, BigDecimal> hours) {
        jdbc.sql("SELECT v.member_id, COUNT(*), COUNT(DISTINCT v.household_id) FROM visit v"
                        + " WHERE v.member_id IS NOT NULL AND v.visited_on BETWEEN :from AND :to" + only.formatted("v.member_id")
                        + " GROUP BY v.member_id")
                .params(params).query((RowCallbackHandler) rs -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), id -> new long[4]);
                    c[0] = rs.getLong(2);
                    c[1] = rs.getLong(3);
                });
        jdbc.sql("SELECT p.member_id, COUNT(*), SUM(CASE WHEN p.resolved THEN 1 ELSE 0 END) FROM visit_problem p"
                        + " JOIN visit v ON v.id = p.visit_id"
                        + " WHERE p.member_id IS NOT NULL AND v.visited_on BETWEEN :from AND :to" + only.formatted("p.member_id")
                        + " GROUP BY p.member_id")
                .params(params).query((RowCallbackHandler) rs -> {
                    long[] c = counts.computeIfAbsent(rs.getLong(1), id -> new long[4]);
                    c[2] = rs.getLong(2);
                    c[3] = rs.getLong(3);
                });
        jdbc.sql("SELECT member_id, SUM(hours) FROM service_log WHERE state = 'CONFIRMED' AND served_on BETWEEN :from AND :to"
                        + only.formatted("member_id") + " GROUP BY member_id")
                .params(params).query((RowCallbackHandler) rs -> {
                    hours.put(rs.getLong(1), rs.getBigDecimal(2));
                });
    }

    private static Record record(long id, long[] c, BigDecimal hours) {
        if (c == null && hours == null) {
            return Record.none(id);
        }
        long[] n = c == null ? new long[4] : c;
        return new Record(id, n[0], n[1], n[2], n[3], hours == null ? BigDecimal.ZERO : hours);
    }
}
