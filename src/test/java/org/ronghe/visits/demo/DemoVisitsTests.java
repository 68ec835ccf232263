package org.ronghe.visits.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo district's campaign, produced through the aggregates and the call lifecycle: its coverage equals
 * its records, every visited assignment knows when, and every problem stands where its call stands.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=demo_visits", "ronghe.demo.visits=full"})
class DemoVisitsTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;

    @Test
    void theCompletedCampaignsCoverageEqualsItsRecords() {
        long campaign = one("SELECT MIN(id) FROM visit_campaign WHERE state = 'CLOSED'");
        assertThat(one("SELECT COUNT(*) FROM visit WHERE campaign_id = " + campaign)).isPositive();
        assertThat(one("SELECT COALESCE(SUM(visits), 0) FROM visit_tally WHERE campaign_id = " + campaign))
                .isEqualTo(one("SELECT COUNT(*) FROM visit WHERE campaign_id = " + campaign));
        assertThat(one("SELECT COALESCE(SUM(households), 0) FROM visit_tally WHERE campaign_id = " + campaign))
                .isEqualTo(one("SELECT COUNT(DISTINCT household_id) FROM visit WHERE campaign_id = " + campaign));
        assertThat(one("SELECT COALESCE(SUM(problems), 0) FROM visit_tally WHERE campaign_id = " + campaign))
                .isEqualTo(one("SELECT COUNT(*) FROM visit_problem WHERE campaign_id = " + campaign));
        assertThat(one("SELECT COALESCE(SUM(resolved), 0) FROM visit_tally WHERE campaign_id = " + campaign))
                .isEqualTo(one("SELECT COUNT(*) FROM visit_problem WHERE resolved AND campaign_id = " + campaign));
        assertThat(one("SELECT COALESCE(SUM(assigned), 0) FROM visit_tally WHERE campaign_id = " + campaign))
                .isEqualTo(one("SELECT COUNT(*) FROM visit_assignment WHERE campaign_id = " + campaign));
    }

    @Test
    void everyVisitedAssignmentKnowsWhenAndNoOtherDoes() {
        assertThat(one("""
                SELECT COUNT(*) FROM visit_assignment a WHERE a.member_id IS NOT NULL AND (a.visited_at IS NOT NULL) <>
                (EXISTS (SELECT 1 FROM visit v WHERE v.campaign_id = a.campaign_id AND v.household_id = a.household_id
                         AND v.member_id = a.member_id))""")).isZero();
        assertThat(one("SELECT COUNT(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM visit_event e WHERE e.subject = 'VISIT'"
                + " AND e.subject_id = v.id)")).isZero();
    }

    @Test
    void everyProblemStandsWhereItsCallStands() {
        assertThat(one("SELECT COUNT(*) FROM visit_problem p JOIN call c ON c.id = p.call_id WHERE c.origin <> 'VISIT'")).isZero();
        assertThat(one("""
                SELECT COUNT(*) FROM visit_problem p JOIN call c ON c.id = p.call_id
                WHERE (c.state = 'CLOSED') <> (p.state IN ('DUE', 'FOLLOWED_UP'))""")).isZero();
        assertThat(one("SELECT COUNT(*) FROM visit_problem WHERE state = 'FOLLOWED_UP'")).isPositive();
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        for (String key : List.of("campaigns", "visitingOrgs", "visitingMembers", "householdsVisited", "problemsHeard")) {
            assertThat(figures.get(key).asLong()).as(key).isPositive();
        }
        assertThat(figures.get("problemsHeard").asLong()).isEqualTo(one("SELECT COUNT(*) FROM visit_problem"));
    }

    private long one(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
