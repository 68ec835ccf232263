package org.ronghe.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ronghe.visits.campaign.AssignmentPlan;
import org.ronghe.visits.campaign.AssignmentPlan.Assignment;
import org.ronghe.visits.campaign.AssignmentPlan.Team;
import org.ronghe.visits.campaign.AssignmentPlan.Visitor;

/** Sharing a campaign's households out among the visitors of the organs paired with their communities. */
class AssignmentPlanTests {

    private static List<Visitor> members(long organ, int count, long firstId) {
        List<Visitor> visitors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            visitors.add(new Visitor(firstId + i, null, organ, organ * 10));
        }
        return visitors;
    }

    private static Map<Long, List<Long>> households(long community, int count, Map<Long, List<Long>> into) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(community * 1000 + i);
        }
        into.put(community, ids);
        return into;
    }

    @Test
    void eachMemberOfAnOrganGetsAsManyHouseholdsOfItsPairedCommunitiesAsAnotherGiveOrTakeOne() {
        Map<Long, List<Long>> households = households(1, 50, households(2, 23, new HashMap<>()));
        List<Assignment> plan = AssignmentPlan.plan(List.of(new Team(members(7, 9, 100), List.of(1L, 2L))), households, 25, false);

        Map<Long, Long> perMember = plan.stream().collect(Collectors.groupingBy(a -> a.visitor().memberId(), Collectors.counting()));
        assertThat(plan).hasSize(73);
        assertThat(perMember).hasSize(9);
        assertThat(perMember.values().stream().mapToLong(Long::longValue).max().getAsLong()
                - perMember.values().stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
        assertThat(plan).allMatch(a -> a.householdId() / 1000 == a.communityId());
    }

    @Test
    void nobodyGetsMoreThanTheTargetAndTheRestOfTheHouseholdsWait() {
        Map<Long, List<Long>> households = households(1, 500, new HashMap<>());
        List<Assignment> plan = AssignmentPlan.plan(List.of(new Team(members(7, 4, 100), List.of(1L))), households, 25, false);

        assertThat(plan).hasSize(100);
        assertThat(plan.stream().collect(Collectors.groupingBy(a -> a.visitor().memberId(), Collectors.counting())).values())
                .containsOnly(25L);
    }

    @Test
    void twoOrgansPairedWithTheSameCommunityNeverGetTheSameHouseholdUnlessRevisitsAreAsked() {
        Map<Long, List<Long>> households = households(1, 30, new HashMap<>());
        List<Team> teams = List.of(new Team(members(7, 5, 100), List.of(1L)), new Team(members(8, 5, 200), List.of(1L)));

        List<Assignment> once = AssignmentPlan.plan(teams, households, 4, false);
        assertThat(once).hasSize(30);
        assertThat(new HashSet<>(once.stream().map(Assignment::householdId).toList())).hasSize(30);

        List<Assignment> twice = AssignmentPlan.plan(teams, households, 4, true);
        assertThat(twice).hasSize(40);
        assertThat(twice.stream().filter(a -> a.visitor().organId() == 8).map(Assignment::householdId).distinct().count()).isEqualTo(20);
    }

    @Test
    void anOrganWithoutPairedCommunitiesOrMembersGetsNothing() {
        Map<Long, List<Long>> households = households(1, 30, new HashMap<>());
        assertThat(AssignmentPlan.plan(List.of(new Team(members(7, 5, 100), List.of()), new Team(List.of(), List.of(1L))),
                households, 4, false)).isEmpty();
    }
}
