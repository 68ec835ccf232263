package org.ronghe.directory.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.Gender;
import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.PartyAffairsRole;
import org.ronghe.directory.Position;
import org.ronghe.platform.Masking;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.SqlWhere;
import org.ronghe.platform.TextSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Party members. Phone and ID number leave this repository masked unless the viewer's scope
 * grants personal data for that member, so no page, API or export can show them by mistake.
 */
@Repository
public class Members {

    private static final String FROM = " " + """
             FROM member m
             JOIN party_org p ON p.id = m.party_org_id
             LEFT JOIN organ o ON o.id = m.organ_id
             LEFT JOIN community c ON c.id = m.community_id
             LEFT JOIN street s ON s.id = c.street_id""";
    private static final String SELECT = """
            SELECT m.id, m.code, m.name, m.gender, m.birth_date, m.id_number, m.phone, m.status, m.joined_on,
                   m.party_org_id, p.code AS party_org_code, p.name AS party_org_name,
                   m.organ_id, o.code AS organ_code, o.name AS organ_name,
                   m.community_id, c.code AS community_code, c.name AS community_name, s.name AS street_name,
                   m.position, m.party_affairs_role""" + FROM;

    private final JdbcClient jdbc;
    private final PersonalData personal;
    private final TextSearch search;

    Members(JdbcClient jdbc, PersonalData personal, TextSearch search) {
        this.jdbc = jdbc;
        this.personal = personal;
        this.search = search;
    }

    public PageResult<MemberRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<MemberRow> rows = jdbc.sql(SELECT + where.sql() + " ORDER BY m.code LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page))
                .query(this::row).list().stream().map(m -> m.maskedFor(scope)).toList();
        return PageResult.of(rows, page, total);
    }

    /** Streams every matching member (masked for the scope) in code order, for exports. */
    public void forEach(DataScope scope, Filter filter, Consumer<MemberRow> sink) {
        SqlWhere where = where(scope, filter);
        try (var rows = jdbc.sql(SELECT + where.sql() + " ORDER BY m.code").paramSource(where.params())
                .query(this::row).stream()) {
            rows.map(m -> m.maskedFor(scope)).forEach(sink);
        }
    }

    /** One member, unmasked: the caller checks {@link MemberRow#visibleIn} and applies {@link MemberRow#maskedFor}. */
    public Optional<MemberRow> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE m.code = :code").param("code", code).query(this::row).optional();
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.members("m"))
                .eq("o.code", "organ", f.organ())
                .eq("p.code", "partyOrg", f.partyOrg())
                .eq("c.code", "community", f.community())
                .eq("s.code", "street", f.street())
                .eq("m.status", "status", f.status() == null ? null : f.status().name())
                .eq("m.position", "position", f.position() == null ? null : f.position().name())
                .eq("m.party_affairs_role", "cadre", f.partyAffairsRole() == null ? null : f.partyAffairsRole().name())
                .contains("q", f.q(), "m.name", "m.code")
                .and(search.candidates("m.name || ' ' || m.code", "q_pieces", f.q()));
        if (Boolean.TRUE.equals(f.cadre())) {
            where.and("m.party_affairs_role IS NOT NULL");
        }
        return where;
    }

    /** Opens the sealed phone and ID number of the rows read only, so a page opens no more than it shows. */
    private MemberRow row(ResultSet rs, int n) throws SQLException {
        String position = rs.getString("position");
        String cadre = rs.getString("party_affairs_role");
        return new MemberRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
                personal.open(PersonalData.MEMBER_ID_NUMBER, rs.getString("id_number")),
                personal.open(PersonalData.MEMBER_PHONE, rs.getString("phone")), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("joined_on", LocalDate.class),
                rs.getLong("party_org_id"), rs.getString("party_org_code"), rs.getString("party_org_name"),
                (Long) rs.getObject("organ_id", Long.class), rs.getString("organ_code"), rs.getString("organ_name"),
                (Long) rs.getObject("community_id", Long.class), rs.getString("community_code"),
                rs.getString("community_name"), rs.getString("street_name"),
                position == null ? null : Position.valueOf(position),
                cadre == null ? null : PartyAffairsRole.valueOf(cadre), false);
    }

    /** @param cadre only party-affairs cadres, full- or part-time */
    public record Filter(String q, String organ, String partyOrg, String community, String street, MemberStatus status,
                         Position position, PartyAffairsRole partyAffairsRole, Boolean cadre) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }

        public static Filter ofPartyOrg(String code) {
            return new Filter(null, null, code, null, null, null, null, null, null);
        }

        public static Filter byText(String q) {
            return new Filter(q, null, null, null, null, null, null, null, null);
        }
    }

    public record MemberRow(long id, String code, String name, Gender gender, LocalDate birthDate, String idNumber,
                            String phone, MemberStatus status, LocalDate joinedOn, long partyOrgId, String partyOrgCode,
                            String partyOrgName, Long organId, String organCode, String organName, Long communityId,
                            String communityCode, String communityName, String streetName, Position position,
                            PartyAffairsRole partyAffairsRole, boolean masked) {

        public boolean visibleIn(DataScope scope) {
            return scope.seesMember(id, partyOrgId, organId, communityId);
        }

        public MemberRow maskedFor(DataScope scope) {
            if (masked || scope.seesPersonalData(id, organId)) {
                return this;
            }
            return new MemberRow(id, code, name, gender, birthDate, Masking.idNumber(idNumber), Masking.phone(phone),
                    status, joinedOn, partyOrgId, partyOrgCode, partyOrgName, organId, organCode, organName, communityId,
                    communityCode, communityName, streetName, position, partyAffairsRole, true);
        }
    }
}
