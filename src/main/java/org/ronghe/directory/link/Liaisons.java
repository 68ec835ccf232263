package org.ronghe.directory.link;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 挂点: which leader liaises with which street, since when and, once over, until when. */
@Repository
public class Liaisons {

    private static final String FROM = " FROM liaison l JOIN leader d ON d.id = l.leader_id JOIN street s ON s.id = l.street_id";
    private final JdbcClient jdbc;

    Liaisons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<LiaisonRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(query(where, " ORDER BY s.code, d.code LIMIT :limit OFFSET :offset", page), page, total);
    }

    public List<LiaisonRow> all(DataScope scope, Filter filter) {
        return query(where(scope, filter), " ORDER BY s.code, d.code", null);
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.streets("s.id"))
                .eq("s.code", "street", f.street())
                .eq("d.code", "leader", f.leader());
        if (!f.includeEnded()) {
            where.and("l.ended_on IS NULL");
        }
        return where;
    }

    private List<LiaisonRow> query(SqlWhere where, String tail, PageQuery page) {
        return jdbc.sql("SELECT d.code, d.name, d.title, s.code, s.name, l.since, l.ended_on" + FROM + where.sql() + tail)
                .paramSource(page == null ? where.params() : where.params(page))
                .query((rs, n) -> new LiaisonRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .list();
    }

    public record Filter(String street, String leader, boolean includeEnded) {
    }

    public record LiaisonRow(String leaderCode, String leaderName, String leaderTitle, String streetCode, String streetName,
                             LocalDate since, LocalDate endedOn) {
    }
}
