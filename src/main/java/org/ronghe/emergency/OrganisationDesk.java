package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.TemporaryBranches;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.ronghe.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emergency's temporary organisations: temporary party branches at sites (requested, approved by the level
 * above, founded in the directory), commando and vanguard teams, vanguard posts. Members are drawn from existing
 * members the organiser sees; their own membership is never touched. Every step locks the active emergency and
 * writes its event and audit entry with its rows.
 */
@Service
public class OrganisationDesk {

    static final int MEMBERS_AT_ONCE = 500;

    private final Emergencies emergencies;
    private final Places places;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TemporaryBranches directory;

    OrganisationDesk(Emergencies emergencies, Places places, JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions,
                     TemporaryBranches directory) {
        this.emergencies = emergencies;
        this.places = places;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.directory = directory;
    }

    /**
     * A temporary branch as requested: its name, the site (kind, name, address, community code), the organisation
     * above that approves it (party org code; none: the committee), its secretary and members (member codes).
     */
    public record BranchRequest(String name, String siteKind, String siteName, String siteAddress, String community, String parent,
                                String secretary, List<String> members) {
    }

    /** A team: COMMANDO or VANGUARD, its name, lead member, optional community code and site, its members. */
    public record TeamRequest(String kind, String name, String lead, String community, String site, List<String> members) {
    }

    public record MembersRequest(List<String> members) {
    }

    /** A vanguard post (先锋岗): its name, the member holding it, optionally its community. */
    public record PostRequest(String name, String holder, String community) {
    }

    public EmergencyDesk.Created requestBranch(CurrentUser user, long emergencyId, BranchRequest r, String idempotencyKey) {
        Places.organiser(user, "申请组建临时党支部");
        places.requireVisible(user, emergencyId);
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = jdbc.sql("SELECT id FROM temporary_branch WHERE requested_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key).query(Long.class).optional();
            if (existing.isPresent()) {
                return new EmergencyDesk.Created(existing.get(), true);
            }
        }
        if (r == null) {
            throw new IllegalArgumentException("请填写临时党支部");
        }
        String name = text("临时党支部名称", "name", r.name(), 150, true);
        SiteKind site = Parse.required(SiteKind.class, "siteKind", "站点类型", r.siteKind());
        String siteName = text("站点名称", "siteName", r.siteName(), 150, true);
        String address = text("站点地址", "siteAddress", r.siteAddress(), 300, false);
        long community = places.communityInScope(user, r.community(), "community");
        Long parent = parent(user, r.parent());
        Places.Member secretary = places.memberInScope(user, r.secretary(), "secretary");
        Set<Long> members = members(user, r.members());
        members.remove(secretary.id());
        Instant now = clock.instant();
        try {
            return new EmergencyDesk.Created(transactions.execute(status -> {
                Emergency emergency = emergencies.lock(emergencyId);
                emergency.record("BRANCH_REQUESTED", name + "（" + site.label() + "：" + siteName + "）", user.username(), now);
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO temporary_branch (emergency_id, name, site_kind, site_name, site_address, community_id,
                                    parent_org_id, secretary_id, state, requested_at, requested_by, idempotency_key)
                                VALUES (:e, :name, :kind, :site, :address, :community, :parent, :secretary, 'REQUESTED', :now, :by, :key)""")
                        .param("e", emergencyId).param("name", name).param("kind", site.name()).param("site", siteName)
                        .param("address", address).param("community", community).param("parent", parent)
                        .param("secretary", secretary.id()).param("now", Emergencies.at(now)).param("by", user.username())
                        .param("key", key).update(keys, "id");
                long id = keys.getKey().longValue();
                jdbc.sql("INSERT INTO temporary_membership (temporary_branch_id, member_id, role, joined_at) VALUES (:b, :m, 'SECRETARY', :now)")
                        .param("b", id).param("m", secretary.id()).param("now", Emergencies.at(now)).update();
                if (!members.isEmpty()) {
                    jdbc.sql("""
                                    INSERT INTO temporary_membership (temporary_branch_id, member_id, role, joined_at)
                                    SELECT :b, m.id, 'MEMBER', :now FROM member m WHERE m.id IN (:ids)""")
                            .param("b", id).param("now", Emergencies.at(now)).param("ids", members).update();
                }
                emergencies.writeEvents(emergency);
                audit.record(Audit.Entry.change("TEMPORARY_BRANCH_REQUESTED", "temporary_branch", String.valueOf(id), null,
                        Map.of("emergency", emergency.code(), "name", name, "siteKind", site.name(), "secretary", secretary.code(),
                                "members", members.size() + 1)));
                return id;
            }), false);
        } catch (DuplicateKeyException raced) {
            return new EmergencyDesk.Created(jdbc.sql("SELECT id FROM temporary_branch WHERE requested_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key == null ? "" : key).query(Long.class).single(), true);
        }
    }

    /**
     * The level above approves: the committee any request, an organ secretary a request under an organisation of
     * their organ. The branch is founded in the directory as a party organisation of kind TEMPORARY_BRANCH.
     */
    public void approveBranch(CurrentUser user, long emergencyId, long branchId) {
        Places.organiser(user, "批准组建临时党支部");
        places.requireVisible(user, emergencyId);
        record Row(String name, String state, Long parent, Long parentOrgan, long community) {
        }
        Row row = jdbc.sql("""
                        SELECT b.name, b.state, b.parent_org_id, p.organ_id, b.community_id FROM temporary_branch b
                        LEFT JOIN party_org p ON p.id = b.parent_org_id WHERE b.id = :b AND b.emergency_id = :e""")
                .param("b", branchId).param("e", emergencyId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                        rs.getLong(5)))
                .optional().orElseThrow(() -> new NotFoundException("临时党支部", String.valueOf(branchId)));
        boolean above = user.role() == Role.COMMITTEE_ADMIN
                || (user.role() == Role.ORGAN_SECRETARY && row.parentOrgan() != null && places.scope(user).organs().contains(row.parentOrgan()));
        if (!above) {
            throw new AccessDeniedException(row.parent() == null ? "直属工委的临时党支部由区直机关工委批准"
                    : "临时党支部由其上级党组织所在单位的党组书记或区直机关工委批准");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            TemporaryBranch branch = new TemporaryBranch(branchId, emergencyId, row.name(), TemporaryBranch.State.valueOf(row.state()),
                    null, null, null);
            emergency.requireActive();
            branch.approve(user.username(), now);
            long org = directory.found(new TemporaryBranches.Founding("TB" + branchId, row.name(), row.parent(), row.community(),
                    LocalDate.ofInstant(now, clock.getZone())));
            int changed = jdbc.sql("""
                            UPDATE temporary_branch SET state = 'APPROVED', approved_at = :now, approved_by = :by, party_org_id = :org,
                                version = version + 1 WHERE id = :b AND state = 'REQUESTED'""")
                    .param("now", Emergencies.at(now)).param("by", user.username()).param("org", org).param("b", branchId).update();
            if (changed == 0) {
                throw new org.ronghe.platform.ConflictException("临时党支部「" + row.name() + "」已被他人同时处理，请刷新",
                        Map.of("branch", branchId));
            }
            emergency.record("BRANCH_APPROVED", row.name() + " 批准组建", user.username(), now);
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("TEMPORARY_BRANCH_APPROVED", "temporary_branch", String.valueOf(branchId),
                    Map.of("state", row.state()), Map.of("state", "APPROVED", "partyOrg", "TB" + branchId)));
        });
    }

    public EmergencyDesk.Created createTeam(CurrentUser user, long emergencyId, TeamRequest r, String idempotencyKey) {
        Places.organiser(user, "组建突击队、先锋队");
        places.requireVisible(user, emergencyId);
        String key = key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = jdbc.sql("SELECT id FROM emergency_team WHERE created_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key).query(Long.class).optional();
            if (existing.isPresent()) {
                return new EmergencyDesk.Created(existing.get(), true);
            }
        }
        if (r == null) {
            throw new IllegalArgumentException("请填写队伍");
        }
        TeamKind kind = Parse.required(TeamKind.class, "kind", "队伍类型", r.kind());
        String name = text("队伍名称", "name", r.name(), 150, true);
        String site = text("驻守地点", "site", r.site(), 150, false);
        Long community = r.community() == null || r.community().isBlank() ? null : places.communityInScope(user, r.community(), "community");
        if (community == null && user.role() != Role.COMMITTEE_ADMIN) {
            throw new IllegalArgumentException("请填写队伍所在社区（community）");
        }
        Places.Member lead = places.memberInScope(user, r.lead(), "lead");
        Set<Long> members = members(user, r.members());
        members.add(lead.id());
        Instant now = clock.instant();
        try {
            return new EmergencyDesk.Created(transactions.execute(status -> {
                Emergency emergency = emergencies.lock(emergencyId);
                emergency.record("TEAM_FORMED", kind.label() + "：" + name, user.username(), now);
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO emergency_team (emergency_id, kind, name, lead_member_id, community_id, site, created_at, created_by,
                                    idempotency_key) VALUES (:e, :kind, :name, :lead, :community, :site, :now, :by, :key)""")
                        .param("e", emergencyId).param("kind", kind.name()).param("name", name).param("lead", lead.id())
                        .param("community", community).param("site", site).param("now", Emergencies.at(now)).param("by", user.username())
                        .param("key", key).update(keys, "id");
                long id = keys.getKey().longValue();
                addMembers(id, members, now);
                emergencies.writeEvents(emergency);
                audit.record(Audit.Entry.change("TEAM_FORMED", "emergency_team", String.valueOf(id), null,
                        Map.of("emergency", emergency.code(), "kind", kind.name(), "name", name, "lead", lead.code(), "members", members.size())));
                return id;
            }), false);
        } catch (DuplicateKeyException raced) {
            return new EmergencyDesk.Created(jdbc.sql("SELECT id FROM emergency_team WHERE created_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key == null ? "" : key).query(Long.class).single(), true);
        }
    }

    /** Adds members to a team (those already in it stay once). @return how many joined */
    public int joinTeam(CurrentUser user, long emergencyId, long teamId, MembersRequest r) {
        Places.organiser(user, "调整队伍成员");
        places.requireVisible(user, emergencyId);
        Long community = jdbc.sql("SELECT community_id FROM emergency_team WHERE id = :t AND emergency_id = :e").param("t", teamId)
                .param("e", emergencyId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class))).optional()
                .orElseThrow(() -> new NotFoundException("队伍", String.valueOf(teamId))).orElse(null);
        DataScope scope = places.scope(user);
        if (!scope.all() && (community == null || !scope.seesCommunity(community))) {
            throw new OutOfScopeException("队伍", String.valueOf(teamId));
        }
        Set<Long> members = members(user, r == null ? null : r.members());
        if (members.isEmpty()) {
            throw new IllegalArgumentException("请列出要加入的党员（members）");
        }
        Instant now = clock.instant();
        return transactions.execute(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            Set<Long> fresh = new LinkedHashSet<>(members);
            fresh.removeAll(jdbc.sql("SELECT member_id FROM emergency_team_member WHERE team_id = :t").param("t", teamId).query(Long.class).list());
            emergency.record("TEAM_JOINED", "队伍 " + teamId + " 新增 " + fresh.size() + " 名队员", user.username(), now);
            addMembers(teamId, fresh, now);
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("TEAM_JOINED", "emergency_team", String.valueOf(teamId), null, Map.of("joined", fresh.size())));
            return fresh.size();
        });
    }

    public long createPost(CurrentUser user, long emergencyId, PostRequest r) {
        Places.organiser(user, "设立党员先锋岗");
        places.requireVisible(user, emergencyId);
        if (r == null) {
            throw new IllegalArgumentException("请填写先锋岗");
        }
        String name = text("先锋岗名称", "name", r.name(), 150, true);
        Long community = r.community() == null || r.community().isBlank() ? null : places.communityInScope(user, r.community(), "community");
        if (community == null && user.role() != Role.COMMITTEE_ADMIN) {
            throw new IllegalArgumentException("请填写先锋岗所在社区（community）");
        }
        Places.Member holder = places.memberInScope(user, r.holder(), "holder");
        Instant now = clock.instant();
        return transactions.execute(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            emergency.record("POST_SET_UP", name + "：" + holder.name(), user.username(), now);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO vanguard_post (emergency_id, name, holder_id, community_id, created_at, created_by)
                            VALUES (:e, :name, :holder, :community, :now, :by)""")
                    .param("e", emergencyId).param("name", name).param("holder", holder.id()).param("community", community)
                    .param("now", Emergencies.at(now)).param("by", user.username()).update(keys, "id");
            long id = keys.getKey().longValue();
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("POST_SET_UP", "vanguard_post", String.valueOf(id), null,
                    Map.of("emergency", emergency.code(), "name", name, "holder", holder.code())));
            return id;
        });
    }

    private void addMembers(long teamId, Set<Long> members, Instant now) {
        if (!members.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO emergency_team_member (team_id, member_id, joined_at)
                            SELECT :t, m.id, :now FROM member m WHERE m.id IN (:ids)""")
                    .param("t", teamId).param("now", Emergencies.at(now)).param("ids", members).update();
        }
    }

    private Long parent(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            if (user.role() == Role.ORGAN_SECRETARY) {
                throw new IllegalArgumentException("请填写批准组建的上级党组织（parent），须为本单位的党组织");
            }
            return null;
        }
        TemporaryBranches.PartyOrgRef parent = directory.partyOrg(code.trim())
                .orElseThrow(() -> new IllegalArgumentException("上级党组织编码不存在（parent）：" + code.trim()));
        if (parent.kind() == PartyOrgKind.TEMPORARY_BRANCH || parent.kind() == PartyOrgKind.GROUP) {
            throw new IllegalArgumentException("上级党组织（parent）应为党委、党总支或党支部");
        }
        if (!places.scope(user).seesPartyOrg(parent.id(), parent.organId(), parent.communityId())) {
            throw new OutOfScopeException("党组织", parent.code());
        }
        return parent.id();
    }

    private Set<Long> members(CurrentUser user, List<String> codes) {
        Set<Long> ids = new LinkedHashSet<>();
        if (codes == null) {
            return ids;
        }
        if (codes.size() > MEMBERS_AT_ONCE) {
            throw new IllegalArgumentException("一次最多列出 " + MEMBERS_AT_ONCE + " 名党员");
        }
        for (String code : new ArrayList<>(codes)) {
            ids.add(places.memberInScope(user, code, "members").id());
        }
        return ids;
    }

    static String key(String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        return Texts.check("Idempotency-Key", key, 100);
    }

    static String text(String label, String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("请填写" + label + "（" + field + "）");
            }
            return null;
        }
        return Texts.check(label, text.trim(), max);
    }
}
