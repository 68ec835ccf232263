package org.ronghe.directory;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory's figures, each counted with the same scope predicate as the list it links to,
 * so a figure always equals the number of rows behind its link.
 */
@Component
@Order(10)
class DirectoryFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final DataScopes scopes;

    DirectoryFigures(JdbcClient jdbc, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<Figure> figures(CurrentUser user) {
        DataScope scope = scopes.of(user);
        return List.of(
                count("streets", "/territory", "street s", scope.streets("s.id")),
                count("communities", "/communities", "community c", scope.communities("c.id")),
                count("grids", "/grids", "grid g", scope.communities("g.community_id")),
                count("organs", "/organs", "organ o", scope.organs("o.id")),
                count("partyOrgs", "/party-orgs?grassroots=true", "party_org p", scope.partyOrgs("p"),
                        "p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND p.dissolved_on IS NULL"),
                count("members", "/members", "member m", scope.members("m")),
                count("leaders", "/leaders", "leader d", scope.leaders("d.id")),
                count("liaisons", "/liaisons", "liaison l", scope.streets("l.street_id"), "l.ended_on IS NULL"),
                count("pairings", "/pairings", "pairing r", scope.pairings("r.organ_id", "r.community_id"), "r.ended_on IS NULL"),
                count("pairedCommunities", "/communities?paired=true", "community c", scope.communities("c.id"),
                        "EXISTS (SELECT 1 FROM pairing r WHERE r.community_id = c.id AND r.ended_on IS NULL)"));
    }

    private Figure count(String key, String link, String table, SqlClause scope, String... conditions) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(table).append(" WHERE ").append(scope.sql());
        for (String condition : conditions) {
            sql.append(" AND ").append(condition);
        }
        return new Figure(key, jdbc.sql(sql.toString()).params(scope.params()).query(Long.class).single(), link);
    }
}
