package org.ronghe.visits.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares the households of a campaign out among its visitors. Each team (an organ's members, or one leader)
 * takes the households of its communities (the organ's paired communities, the leader's streets), in
 * turn, one household per visitor per round: within a team no visitor has more than one household more
 * than another, nobody more than the target, and — unless the campaign allows revisits — no household is
 * given twice in the campaign, even when two organs are paired with the same community.
 */
public final class AssignmentPlan {

    /** Someone who visits: a member (with organ and party organisation) or a leader. */
    public record Visitor(Long memberId, Long leaderId, Long organId, Long partyOrgId) {
    }

    /** The visitors of one team and the communities they serve. */
    public record Team(List<Visitor> visitors, List<Long> communities) {
    }

    public record Assignment(Visitor visitor, long householdId, long communityId) {
    }

    private AssignmentPlan() {
    }

    /**
     * @param households each community's households, in a stable order (the plan is the same every time)
     */
    public static List<Assignment> plan(List<Team> teams, Map<Long, List<Long>> households, int target, boolean revisits) {
        List<Assignment> plan = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (Team team : teams) {
            if (team.visitors().isEmpty()) {
                continue;
            }
            Map<Long, Long> pool = new LinkedHashMap<>();
            for (Long community : team.communities()) {
                for (Long household : households.getOrDefault(community, List.of())) {
                    if (revisits || !taken.contains(household)) {
                        pool.putIfAbsent(household, community);
                    }
                }
            }
            int quota = Math.min(pool.size(), team.visitors().size() * target);
            int i = 0;
            for (Map.Entry<Long, Long> household : pool.entrySet()) {
                if (i == quota) {
                    break;
                }
                plan.add(new Assignment(team.visitors().get(i % team.visitors().size()), household.getKey(), household.getValue()));
                taken.add(household.getKey());
                i++;
            }
        }
        return plan;
    }
}
