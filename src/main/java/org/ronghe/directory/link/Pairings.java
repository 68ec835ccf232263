package org.ronghe.directory.link;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 结对: which organ is paired with which community. */
@Repository
public class Pairings {

    private static final String FROM = " " + """
             FROM pairing r JOIN organ o ON o.id = r.organ_id
             JOIN community c ON c.id = r.community_id JOIN street s ON s.id = c.street_id""";
    private final JdbcClient jdbc;

    Pairings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<PairingRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(query(where, " ORDER BY o.code, c.code LIMIT :limit OFFSET :offset", page), page, total);
    }

    public List<PairingRow> all(DataScope scope, Filter filter) {
        return query(where(scope, filter), " ORDER BY o.code, c.code", null);
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.pairings("r.organ_id", "r.community_id"))
                .eq("o.code", "organ", f.organ())
                .eq("c.code", "community", f.community())
                .eq("s.code", "street", f.street());
        if (!f.includeEnded()) {
            where.and("r.ended_on IS NULL");
        }
        return where;
    }

    private List<PairingRow> query(SqlWhere where, String tail, PageQuery page) {
        return jdbc.sql("SELECT o.code, o.name, c.code, c.name, s.name, r.since, r.ended_on" + FROM + where.sql() + tail)
                .paramSource(page == null ? where.params() : where.params(page))
                .query((rs, n) -> new PairingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .list();
    }

    public record Filter(String organ, String community, String street, boolean includeEnded) {
    }

    public record PairingRow(String organCode, String organName, String communityCode, String communityName,
                             String streetName, LocalDate since, LocalDate endedOn) {
    }
}
