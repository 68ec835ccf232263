package org.ronghe.visits.visit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.visits.campaign.AssignmentPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code visit_tally}, one row per campaign, community and visitor, in the transaction of each
 * visit and problem step. Visits add to their row; the problem columns are counted again from the
 * problems of the row, so they equal the records whatever happened to a call in between.
 */
@Component
public class VisitTallies {

    /** Visits outside any campaign are tallied under this campaign id. */
    public static final long NO_CAMPAIGN = 0;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;

    VisitTallies(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The rows of a campaign's assignments, with how many households each visitor was given in each community. */
    public void assigned(long campaignId, List<AssignmentPlan.Assignment> plan) {
        record Key(long community, AssignmentPlan.Visitor visitor) {
        }
        Map<Key, Integer> counts = new HashMap<>();
        plan.forEach(a -> counts.merge(new Key(a.communityId(), a.visitor()), 1, Integer::sum));
        List<org.springframework.jdbc.core.namedparam.MapSqlParameterSource> rows = counts.entrySet().stream().map(e -> {
            AssignmentPlan.Visitor v = e.getKey().visitor();
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("c", campaignId)
                    .addValue("m", e.getKey().community()).addValue("v", v.memberId() != null ? "M" + v.memberId() : "L" + v.leaderId())
                    .addValue("member", v.memberId()).addValue("leader", v.leaderId()).addValue("organ", v.organId())
                    .addValue("partyOrg", v.partyOrgId()).addValue("n", e.getValue());
        }).toList();
        // One batch creates the rows a visit has not created yet, one adds the counts: the plan of a whole district in seconds.
        for (int i = 0; i < rows.size(); i += 1000) {
            var chunk = rows.subList(i, Math.min(rows.size(), i + 1000)).toArray(org.springframework.jdbc.core.namedparam.MapSqlParameterSource[]::new);
            batch.batchUpdate(ENSURE, chunk);
            batch.batchUpdate("UPDATE visit_tally SET assigned = assigned + :n WHERE campaign_id = :c AND community_id = :m AND visitor = :v",
                    chunk);
        }
    }

    void visited(Long campaignId, long communityId, Visit.Visitor visitor, boolean firstInCampaign) {
        long campaign = campaignId == null ? NO_CAMPAIGN : campaignId;
        ensure(campaign, communityId, visitor);
        jdbc.sql("""
                UPDATE visit_tally SET visits = visits + 1, households = households + :first
                WHERE campaign_id = :c AND community_id = :m AND visitor = :v""")
                .param("first", firstInCampaign ? 1 : 0).param("c", campaign).param("m", communityId).param("v", visitor.key()).update();
    }

    /** Counts the problem columns of one row again from its problems. */
    void problemsChanged(Long campaignId, long communityId, Visit.Visitor visitor) {
        String rows = "FROM visit_problem p WHERE " + (campaignId == null ? "p.campaign_id IS NULL" : "p.campaign_id = :c")
                + " AND p.community_id = :m AND " + (visitor.memberId() != null ? "p.member_id = :who" : "p.leader_id = :who");
        jdbc.sql("UPDATE visit_tally SET problems = (SELECT COUNT(*) " + rows + "), resolved = (SELECT COUNT(*) " + rows
                        + " AND p.resolved), followed_up = (SELECT COUNT(DISTINCT p.household_id) " + rows
                        + " AND p.state = 'FOLLOWED_UP') WHERE campaign_id = :tc AND community_id = :m AND visitor = :v")
                .param("c", campaignId == null ? NO_CAMPAIGN : campaignId).param("tc", campaignId == null ? NO_CAMPAIGN : campaignId)
                .param("m", communityId).param("who", visitor.memberId() != null ? visitor.memberId() : visitor.leaderId())
                .param("v", visitor.key()).update();
    }

    /**
     * Counts a campaign's rows again from its visits and problems (after a bulk load, or to repair): every
     * visitor who visited gets a row, and every count equals its records.
     */
    public void recount(long campaignId) {
        jdbc.sql("""
                INSERT INTO visit_tally (campaign_id, community_id, visitor, member_id, leader_id, organ_id, party_org_id)
                SELECT DISTINCT v.campaign_id, v.community_id,
                       CASE WHEN v.member_id IS NOT NULL THEN CONCAT('M', v.member_id) ELSE CONCAT('L', v.leader_id) END,
                       v.member_id, v.leader_id, v.organ_id, v.party_org_id
                FROM visit v WHERE v.campaign_id = :c
                  AND NOT EXISTS (SELECT 1 FROM visit_tally t WHERE t.campaign_id = v.campaign_id AND t.community_id = v.community_id
                                  AND t.visitor = CASE WHEN v.member_id IS NOT NULL THEN CONCAT('M', v.member_id) ELSE CONCAT('L', v.leader_id) END)""")
                .param("c", campaignId).update();
        jdbc.sql("UPDATE visit_tally SET visits = 0, households = 0, problems = 0, resolved = 0, followed_up = 0 WHERE campaign_id = :c")
                .param("c", campaignId).update();
        // One pass over the campaign's visits and one over its problems, grouped by row, then one batch of updates.
        update(campaignId, "visits = :a, households = :b", """
                SELECT v.community_id, CASE WHEN v.member_id IS NOT NULL THEN CONCAT('M', v.member_id) ELSE CONCAT('L', v.leader_id) END,
                       COUNT(*), SUM(CASE WHEN v.first_in_campaign THEN 1 ELSE 0 END), 0
                FROM visit v WHERE v.campaign_id = :c
                GROUP BY v.community_id, CASE WHEN v.member_id IS NOT NULL THEN CONCAT('M', v.member_id) ELSE CONCAT('L', v.leader_id) END""");
        update(campaignId, "problems = :a, resolved = :b, followed_up = :d", """
                SELECT p.community_id, CASE WHEN p.member_id IS NOT NULL THEN CONCAT('M', p.member_id) ELSE CONCAT('L', p.leader_id) END,
                       COUNT(*), SUM(CASE WHEN p.resolved THEN 1 ELSE 0 END),
                       COUNT(DISTINCT CASE WHEN p.state = 'FOLLOWED_UP' THEN p.household_id END)
                FROM visit_problem p WHERE p.campaign_id = :c
                GROUP BY p.community_id, CASE WHEN p.member_id IS NOT NULL THEN CONCAT('M', p.member_id) ELSE CONCAT('L', p.leader_id) END""");
    }

    private void update(long campaignId, String set, String grouped) {
        List<org.springframework.jdbc.core.namedparam.MapSqlParameterSource> rows = jdbc.sql(grouped).param("c", campaignId)
                .query((rs, n) -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("c", campaignId).addValue("m", rs.getLong(1)).addValue("v", rs.getString(2))
                        .addValue("a", rs.getLong(3)).addValue("b", rs.getLong(4)).addValue("d", rs.getLong(5))).list();
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate("UPDATE visit_tally SET " + set + " WHERE campaign_id = :c AND community_id = :m AND visitor = :v",
                    rows.subList(i, Math.min(rows.size(), i + 1000)).toArray(org.springframework.jdbc.core.namedparam.MapSqlParameterSource[]::new));
        }
    }

    private static final String ENSURE = """
            INSERT INTO visit_tally (campaign_id, community_id, visitor, member_id, leader_id, organ_id, party_org_id)
            VALUES (:c, :m, :v, :member, :leader, :organ, :partyOrg) ON CONFLICT DO NOTHING""";

    private void ensure(long campaignId, long communityId, Visit.Visitor visitor) {
        jdbc.sql(ENSURE)
                .param("c", campaignId).param("m", communityId).param("v", visitor.key()).param("member", visitor.memberId())
                .param("leader", visitor.leaderId()).param("organ", visitor.organId()).param("partyOrg", visitor.partyOrgId()).update();
    }
}
