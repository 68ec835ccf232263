package org.ronghe.visits.visit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.ronghe.visits.VisitRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Visit records grouped by organ or party organisation straight from the assignments, visits and problems (the
 * tallies hold no dates): two grouped queries per grouping, plus the party tree to roll branches up.
 */
@Service
class VisitRecordsByUnit implements VisitRecords {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    VisitRecordsByUnit(JdbcClient jdbc, @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public Map<String, Work> byOrgan(LocalDate from, LocalDate to) {
        return codes("organ", work("organ_id", from, to));
    }

    @Override
    public Map<String, Work> byPartyOrg(LocalDate from, LocalDate to) {
        Map<Long, Work> own = work("party_org_id", from, to);
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM party_org WHERE parent_id IS NOT NULL")
                .query((rs, n) -> parents.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Work> rolled = new HashMap<>(own);
        own.forEach((branch, work) -> {
            Long above = parents.get(branch);
            // at most three grassroots levels: branch → general branch → committee, as coverage rolls up
            for (int level = 0; above != null && level < 2; level++) {
                rolled.merge(above, work, Work::plus);
                above = parents.get(above);
            }
        });
        return codes("party_org", rolled);
    }

    @Override
    public Map<String, Evaluated> evaluations(LocalDate from, LocalDate to) {
        Map<String, Evaluated> result = new HashMap<>();
        jdbc.sql("""
                        SELECT o.code, COUNT(*) AS ratings,
                               SUM(CASE WHEN e.grade IN ('SATISFIED', 'FAIRLY_SATISFIED') THEN 1 ELSE 0 END) AS satisfied
                        FROM evaluation e JOIN evaluation_period p ON p.id = e.period_id JOIN organ o ON o.id = e.organ_id
                        WHERE p.starts_on <= :to AND p.ends_on >= :from GROUP BY o.code""")
                .param("from", from).param("to", to)
                .query((rs, n) -> result.put(rs.getString(1), new Evaluated(rs.getLong(2), rs.getLong(3)))).list();
        return result;
    }

    private Map<Long, Work> work(String column, LocalDate from, LocalDate to) {
        Map<Long, long[]> sums = new HashMap<>();
        jdbc.sql("SELECT a." + column + ", COUNT(*),"
                        + " SUM(CASE WHEN a.visited_at IS NOT NULL AND a.visited_at < :end THEN 1 ELSE 0 END)"
                        + " FROM visit_assignment a JOIN visit_campaign k ON k.id = a.campaign_id"
                        + " WHERE k.starts_on <= :to AND k.ends_on >= :from AND a." + column + " IS NOT NULL GROUP BY a." + column)
                .param("from", from).param("to", to).param("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> {
                    long[] s = sums.computeIfAbsent(rs.getLong(1), k -> new long[6]);
                    s[0] = rs.getLong(2);
                    s[1] = rs.getLong(3);
                    return null;
                }).list();
        jdbc.sql("SELECT p." + column + ", COUNT(*),"
                        + " SUM(CASE WHEN p.state IN ('DUE', 'FOLLOWED_UP') THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN p.state = 'FOLLOWED_UP' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN p.resolved THEN 1 ELSE 0 END)"
                        + " FROM visit_problem p JOIN visit v ON v.id = p.visit_id"
                        + " WHERE v.visited_on >= :from AND v.visited_on <= :to AND p." + column + " IS NOT NULL GROUP BY p." + column)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    long[] s = sums.computeIfAbsent(rs.getLong(1), k -> new long[6]);
                    s[2] = rs.getLong(2);
                    s[3] = rs.getLong(3);
                    s[4] = rs.getLong(4);
                    s[5] = rs.getLong(5);
                    return null;
                }).list();
        Map<Long, Work> work = new HashMap<>();
        sums.forEach((id, s) -> work.put(id, new Work(s[0], s[1], s[2], s[3], s[4], s[5])));
        return work;
    }

    private Map<String, Work> codes(String table, Map<Long, Work> byId) {
        Map<String, Work> byCode = new HashMap<>();
        if (byId.isEmpty()) {
            return byCode;
        }
        jdbc.sql("SELECT id, code FROM " + table).query((rs, n) -> {
            Work w = byId.get(rs.getLong(1));
            if (w != null) {
                byCode.put(rs.getString(2), w);
            }
            return null;
        }).list();
        return byCode;
    }
}
