package org.ronghe.visits.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.ronghe.visits.VisitScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visit campaigns with their organs and events, and the assignments generated for them. */
@Repository
public class Campaigns {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Campaigns(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public long add(VisitCampaign campaign, String actor, String idempotencyKey) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO visit_campaign (name, kind, starts_on, ends_on, target_per_visitor, revisits, state, created_by,
                                                    created_at, idempotency_key)
                        VALUES (:name, :kind, :starts, :ends, :target, :revisits, :state, :by, :at, :key)""")
                .param("name", campaign.name()).param("kind", campaign.kind().name()).param("starts", campaign.startsOn())
                .param("ends", campaign.endsOn()).param("target", campaign.targetPerVisitor()).param("revisits", campaign.revisits())
                .param("state", campaign.state().name()).param("by", actor)
                .param("at", Timestamp.from(campaign.events().get(0).at())).param("key", idempotencyKey)
                .update(key, "id");
        long id = key.getKey().longValue();
        campaign.identify(id);
        for (Long organ : campaign.organs()) {
            jdbc.sql("INSERT INTO campaign_organ (campaign_id, organ_id) VALUES (:c, :o)").param("c", id).param("o", organ).update();
        }
        writeEvents(campaign);
        return id;
    }

    public void save(VisitCampaign campaign) {
        jdbc.sql("UPDATE visit_campaign SET state = :state WHERE id = :id").param("state", campaign.state().name())
                .param("id", campaign.id()).update();
        writeEvents(campaign);
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM visit_campaign WHERE created_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    public Optional<VisitCampaign> find(long id) {
        Set<Long> organs = new HashSet<>(jdbc.sql("SELECT organ_id FROM campaign_organ WHERE campaign_id = :id").param("id", id)
                .query(Long.class).list());
        return jdbc.sql("SELECT * FROM visit_campaign WHERE id = :id").param("id", id).query((rs, n) -> campaign(rs, organs)).optional();
    }

    public List<VisitCampaign> all() {
        Map<Long, Set<Long>> organs = new HashMap<>();
        jdbc.sql("SELECT campaign_id, organ_id FROM campaign_organ").query((rs, n) ->
                organs.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        return jdbc.sql("SELECT * FROM visit_campaign ORDER BY starts_on DESC, id DESC")
                .query((rs, n) -> campaign(rs, organs.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    /** The open campaign a visit on this day counts towards, for a member's organ or for a leader. */
    public Optional<Long> openFor(Long organId, boolean leader, LocalDate day) {
        String who = leader ? "c.kind = 'LIAISON'"
                : "c.kind = 'PAIRING' AND EXISTS (SELECT 1 FROM campaign_organ o WHERE o.campaign_id = c.id AND o.organ_id = :organ)";
        return jdbc.sql("SELECT c.id FROM visit_campaign c WHERE c.state = 'OPEN' AND :day BETWEEN c.starts_on AND c.ends_on AND "
                        + who + " ORDER BY c.starts_on DESC, c.id DESC LIMIT 1")
                .param("day", day).param("organ", organId == null ? -1L : organId).query(Long.class).optional();
    }

    public boolean assigned(long campaignId) {
        return !jdbc.sql("SELECT 1 FROM visit_assignment WHERE campaign_id = :c LIMIT 1").param("c", campaignId).query(Long.class).list().isEmpty();
    }

    public void addAssignments(long campaignId, List<AssignmentPlan.Assignment> plan) {
        for (int i = 0; i < plan.size(); i += 1000) {
            batch.batchUpdate("""
                    INSERT INTO visit_assignment (campaign_id, household_id, community_id, member_id, leader_id, organ_id, party_org_id)
                    VALUES (:campaign, :household, :community, :member, :leader, :organ, :partyOrg)""",
                    plan.subList(i, Math.min(plan.size(), i + 1000)).stream().map(a -> {
                        Map<String, Object> p = new HashMap<>();
                        p.put("campaign", campaignId);
                        p.put("household", a.householdId());
                        p.put("community", a.communityId());
                        p.put("member", a.visitor().memberId());
                        p.put("leader", a.visitor().leaderId());
                        p.put("organ", a.visitor().organId());
                        p.put("partyOrg", a.visitor().partyOrgId());
                        return new MapSqlParameterSource(p);
                    }).toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The teams of a pairing campaign: each participating organ's members and its paired communities. */
    public List<AssignmentPlan.Team> pairingTeams(long campaignId) {
        Map<Long, List<AssignmentPlan.Visitor>> visitors = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT m.id, m.organ_id, m.party_org_id FROM member m JOIN campaign_organ o ON o.organ_id = m.organ_id
                WHERE o.campaign_id = :c ORDER BY m.organ_id, m.id""").param("c", campaignId)
                .query((rs, n) -> visitors.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(new AssignmentPlan.Visitor(rs.getLong(1), null, rs.getLong(2), rs.getLong(3)))).list();
        Map<Long, List<Long>> communities = new HashMap<>();
        jdbc.sql("""
                SELECT p.organ_id, p.community_id FROM pairing p JOIN campaign_organ o ON o.organ_id = p.organ_id
                WHERE o.campaign_id = :c AND p.ended_on IS NULL ORDER BY p.organ_id, p.community_id""").param("c", campaignId)
                .query((rs, n) -> communities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        List<AssignmentPlan.Team> teams = new ArrayList<>();
        visitors.forEach((organ, members) -> teams.add(new AssignmentPlan.Team(members, communities.getOrDefault(organ, List.of()))));
        return teams;
    }

    /** The teams of a liaison campaign: each leader alone, with the communities of the streets they liaise with. */
    public List<AssignmentPlan.Team> liaisonTeams() {
        Map<Long, List<Long>> communities = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT l.leader_id, c.id FROM liaison l JOIN community c ON c.street_id = l.street_id
                WHERE l.ended_on IS NULL ORDER BY l.leader_id, c.id""")
                .query((rs, n) -> communities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        List<AssignmentPlan.Team> teams = new ArrayList<>();
        communities.forEach((leader, served) -> teams.add(new AssignmentPlan.Team(
                List.of(new AssignmentPlan.Visitor(null, leader, null, null)), served)));
        return teams;
    }

    /** The households of the communities, each community's in id order. */
    public Map<Long, List<Long>> households(Set<Long> communities) {
        Map<Long, List<Long>> households = new HashMap<>();
        if (!communities.isEmpty()) {
            jdbc.sql("SELECT community_id, id FROM household WHERE community_id IN (:c) ORDER BY community_id, id").param("c", communities)
                    .query((rs, n) -> households.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        }
        return households;
    }

    /** An assignment as a visitor's list shows it. */
    public record AssignmentRow(long id, long campaignId, String campaignName, long householdId, String address, String headName,
                                String communityName, String visitor, java.time.Instant visitedAt) {
    }

    /**
     * A person's assignments: a member's or leader's own; for others those within their scope, optionally one member's.
     *
     * @param pending only the households not yet visited
     */
    public PageResult<AssignmentRow> assignments(VisitScope scope, Long campaignId, String member,
                                                                    Boolean pending, PageQuery page) {
        SqlWhere where = new SqlWhere().and(scope.visits("a"));
        if (scope.leader() != null && scope.member() == null) {
            where.and("a.leader_id = :me_l", Map.of("me_l", scope.leader()));
        }
        where.eq("a.campaign_id", "campaign", campaignId);
        if (member != null && !member.isBlank()) {
            where.and("a.member_id = (SELECT id FROM member WHERE code = :member)", Map.of("member", member.trim()));
        }
        if (Boolean.TRUE.equals(pending)) {
            where.and("a.visited_at IS NULL");
        }
        if (campaignId == null) {
            where.and("a.campaign_id IN (SELECT id FROM visit_campaign WHERE state = 'OPEN')");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM visit_assignment a" + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<AssignmentRow> rows = jdbc.sql("""
                        SELECT a.id, a.campaign_id, vc.name AS campaign_name, a.household_id, h.address, h.head_name, c.name AS community_name,
                               COALESCE(m.name, d.name) AS visitor, a.visited_at
                        FROM visit_assignment a JOIN visit_campaign vc ON vc.id = a.campaign_id JOIN household h ON h.id = a.household_id
                        JOIN community c ON c.id = a.community_id LEFT JOIN member m ON m.id = a.member_id
                        LEFT JOIN leader d ON d.id = a.leader_id""" + where.sql()
                        + " ORDER BY CASE WHEN a.visited_at IS NULL THEN 0 ELSE 1 END, a.id LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page))
                .query((rs, n) -> new AssignmentRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
                        rs.getLong("household_id"), rs.getString("address"), rs.getString("head_name"), rs.getString("community_name"),
                        rs.getString("visitor"), rs.getTimestamp("visited_at") == null ? null : rs.getTimestamp("visited_at").toInstant()))
                .list();
        return PageResult.of(rows, page, total);
    }

    private void writeEvents(VisitCampaign campaign) {
        for (VisitCampaign.Event event : campaign.events()) {
            jdbc.sql("INSERT INTO visit_event (subject, subject_id, type, at, actor) VALUES ('CAMPAIGN', :id, :type, :at, :actor)")
                    .param("id", campaign.id()).param("type", event.type()).param("at", Timestamp.from(event.at()))
                    .param("actor", event.actor()).update();
        }
        campaign.events().clear();
    }

    private static VisitCampaign campaign(ResultSet rs, Set<Long> organs) throws SQLException {
        return VisitCampaign.restore(rs.getLong("id"), rs.getString("name"), VisitCampaign.Kind.valueOf(rs.getString("kind")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getInt("target_per_visitor"),
                rs.getBoolean("revisits"), organs, VisitCampaign.State.valueOf(rs.getString("state")));
    }
}
