package org.ronghe.emergency;

import java.util.List;
import java.util.Map;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and manage what in an emergency. The committee sees and manages everything; street staff and organ
 * secretaries see an emergency whose zone touches their communities and manage what lies in their scope; a member
 * sees an emergency that called them up and answers for themselves.
 */
@Component
class Places {

    /** A member as an emergency needs them. */
    record Member(long id, String code, String name, long partyOrgId, Long organId, Long communityId) {
    }

    private final JdbcClient jdbc;
    private final DataScopes scopes;

    Places(JdbcClient jdbc, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    DataScope scope(CurrentUser user) {
        return scopes.of(user);
    }

    static void committeeOnly(CurrentUser user, String what) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以" + what);
        }
    }

    /** Those who organise: the committee, street staff and organ secretaries. */
    static void organiser(CurrentUser user, String what) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.STREET_STAFF && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有区直机关工委、街道工作人员和机关党组书记可以" + what);
        }
    }

    /**
     * Those who may read residents' needs of the places they see: the committee, street and community staff, and the
     * district leaders escalations reach. A need's title names a resident and what they need; members and organ
     * secretaries see needs as calls (their own, their organ's, their team's), never a community's list.
     */
    static void needReader(CurrentUser user) {
        if (!NeedQueries.readsNeeds(user.role())) {
            throw new AccessDeniedException("居民需求清单只向社区、街道工作人员、区领导和区直机关工委显示；队伍成员请在「我的应急」查看本队需求");
        }
    }

    /** The SQL predicate of the emergencies a person sees ({@code alias} the emergency table). */
    SqlClause emergencies(CurrentUser user, String alias) {
        DataScope scope = scope(user);
        if (scope.all()) {
            return SqlClause.TRUE;
        }
        StringBuilder sql = new StringBuilder("(1 = 0");
        Map<String, Object> params = new java.util.HashMap<>();
        if (!scope.communities().isEmpty()) {
            sql.append(" OR ").append(alias).append(".id IN (SELECT za.emergency_id FROM emergency_area za WHERE za.community_id IN (:scope_ec))");
            params.put("scope_ec", scope.communities());
        }
        if (scope.self() != null) {
            sql.append(" OR ").append(alias).append(".id IN (SELECT zu.emergency_id FROM call_up zu JOIN call_up_member zm ON zm.call_up_id = zu.id")
                    .append(" WHERE zm.member_id = :scope_es)");
            params.put("scope_es", scope.self());
        }
        return new SqlClause(sql.append(")").toString(), params);
    }

    /** 404 for an emergency that does not exist, 403 for one outside the person's scope. */
    void requireVisible(CurrentUser user, long emergencyId) {
        SqlClause visible = emergencies(user, "e");
        List<Long> found = jdbc.sql("SELECT e.id FROM emergency e WHERE e.id = :id AND " + visible.sql())
                .param("id", emergencyId).params(visible.params()).query(Long.class).list();
        if (found.isEmpty()) {
            if (jdbc.sql("SELECT COUNT(*) FROM emergency WHERE id = :id").param("id", emergencyId).query(Long.class).single() == 0) {
                throw new NotFoundException("应急事件", String.valueOf(emergencyId));
            }
            throw new OutOfScopeException("应急事件", String.valueOf(emergencyId));
        }
    }

    Member member(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请填写党员编号（" + field + "）");
        }
        return jdbc.sql("SELECT id, code, name, party_org_id, organ_id, community_id FROM member WHERE code = :c")
                .param("c", code.trim()).query(Places::member).optional()
                .orElseThrow(() -> new IllegalArgumentException("党员编号不存在（" + field + "）：" + code.trim()));
    }

    /** A member the person may draw on: one they see. */
    Member memberInScope(CurrentUser user, String code, String field) {
        Member m = member(code, field);
        if (!scope(user).seesMember(m.id(), m.partyOrgId(), m.organId(), m.communityId())) {
            throw new OutOfScopeException("党员", m.code());
        }
        return m;
    }

    /** Members by code, looked up in chunks (a roll-call or an import names thousands); unknown codes are absent. */
    Map<String, Member> membersByCode(java.util.Collection<String> codes) {
        Map<String, Member> found = new java.util.HashMap<>();
        List<String> all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(codes));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("SELECT id, code, name, party_org_id, organ_id, community_id FROM member WHERE code IN (:c)")
                    .param("c", all.subList(i, Math.min(all.size(), i + 1000))).query(Places::member).list()
                    .forEach(m -> found.put(m.code(), m));
        }
        return found;
    }

    Member self(CurrentUser user) {
        if (user.role() != Role.MEMBER || user.scopeCode() == null) {
            throw new AccessDeniedException("只有被召集的党员本人可以应答");
        }
        return jdbc.sql("SELECT id, code, name, party_org_id, organ_id, community_id FROM member WHERE code = :c")
                .param("c", user.scopeCode()).query(Places::member).optional()
                .orElseThrow(() -> new AccessDeniedException("账号未关联党员"));
    }

    /** A community by code, which the person must see. @return its id */
    long communityInScope(CurrentUser user, String code, String field) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请填写社区编码（" + field + "）");
        }
        long id = jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", code.trim()).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("社区编码不存在（" + field + "）：" + code.trim()));
        if (!scope(user).seesCommunity(id)) {
            throw new OutOfScopeException("社区", code.trim());
        }
        return id;
    }

    private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class),
                rs.getObject(6, Long.class));
    }
}
