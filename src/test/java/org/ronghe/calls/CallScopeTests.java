package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Who sees which call, in lists and in the call page: an organ the calls it leads, co-handles or was
 * summoned to; a community its own; a street and its liaising leaders the calls in the street; the
 * committee all of them. Three calls in three streets:
 * <ul>
 * <li>elderly: raised by community 440103001001 (street 440103001), lead JG001;</li>
 * <li>noise: in community 440103002001 (street 440103002), queued, then lead JG002 with co-handler JG003;</li>
 * <li>market: in community 440103003001 (street 440103003), lead JG003.</li>
 * </ul>
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_scope")
class CallScopeTests {

    static long elderly;
    static long noise;
    static long market;

    @Autowired
    ApplicationContext context;

    CallsClient calls;

    @BeforeEach
    void threeCallsInThreeStreets() {
        calls = new CallsClient(context);
        if (elderly != 0 && calls.listed("committee").contains(elderly)) {
            return;
        }
        calls.alsoAnswers("JG005", "NOISE");
        elderly = calls.raiseId("community", "ELDERLY", "仁坊社区养老诉求");
        noise = calls.raiseId("committee", "NOISE", "光泰社区噪音诉求", "community", "440103002001");
        calls.ok("committee", noise, "dispatch", Map.of("lead", "JG002", "coHandlers", List.of("JG003")));
        market = calls.raiseId("committee", "MARKET", "彩岗社区市场诉求", "community", "440103003001");
    }

    void sees(String user, List<Long> visible, List<Long> hidden) {
        List<Long> listed = calls.listed(user);
        assertThat(listed).as("list of " + user).containsAll(visible);
        if (!hidden.isEmpty()) {
            assertThat(listed).as("list of " + user).doesNotContainAnyElementsOf(hidden);
        }
        for (long id : visible) {
            assertThat(calls.get(user, "/api/v1/calls/" + id).status()).as(user + " opens " + id).isEqualTo(200);
        }
        for (long id : hidden) {
            assertThat(calls.get(user, "/api/v1/calls/" + id).status()).as(user + " opens " + id).isEqualTo(403);
        }
    }

    @Test
    void anOrganSeesOnlyTheCallsItLeadsOrCoHandles() {
        sees("secretary", List.of(elderly), List.of(noise, market));
        sees(calls.secretaryOf("JG002"), List.of(noise), List.of(elderly, market));
        sees(calls.secretaryOf("JG003"), List.of(noise, market), List.of(elderly));
        sees(calls.secretaryOf("JG004"), List.of(), List.of(elderly, noise, market));
    }

    @Test
    void anOrganAnsweringForTheCategoryDoesNotSeeAQueuedCallBeforeItIsDispatched() {
        long queued = calls.raiseId("committee", "NOISE", "排队中的噪音诉求", "community", "440103002002");
        sees(calls.secretaryOf("JG002"), List.of(), List.of(queued));
        sees(calls.secretaryOf("JG005"), List.of(), List.of(queued));
        sees("committee", List.of(queued), List.of());
    }

    @Test
    void aSummonedOrganSeesTheCallItWasWhistledTo() {
        long whistled = calls.raiseId("community", "ELDERLY", "吹哨召集后可见");
        String peoplesPoliticalConsultative = calls.secretaryOf("JG005");
        sees(peoplesPoliticalConsultative, List.of(), List.of(whistled));
        calls.ok("street", whistled, "whistle", Map.of("organs", List.of("JG005")));
        sees(peoplesPoliticalConsultative, List.of(whistled), List.of(elderly, noise, market));
    }

    @Test
    void aCommunitySeesOnlyItsOwnCalls() {
        sees("community", List.of(elderly), List.of(noise, market));
        String neighbour = calls.account("community-tailsheng", "COMMUNITY_STAFF", "440103001003");
        sees(neighbour, List.of(), List.of(elderly, noise, market));
        String guangtai = calls.account("community-guangtai", "COMMUNITY_STAFF", "440103002001");
        sees(guangtai, List.of(noise), List.of(elderly, market));
    }

    @Test
    void aStreetAndTheLeadersLiaisingWithItSeeTheCallsOfTheStreet() {
        sees("street", List.of(elderly), List.of(noise, market));
        sees("leader", List.of(elderly), List.of(noise, market));
        String lingnan = calls.account("street-lingnan-scope", "STREET_STAFF", "440103002");
        sees(lingnan, List.of(noise), List.of(elderly, market));
    }

    @Test
    void theCommitteeSeesEveryCallAndAMemberOnlyThoseTheyRaised() {
        sees("committee", List.of(elderly, noise, market), List.of());
        sees("member", List.of(), List.of(elderly, noise, market));
    }

    @Test
    void aListFilterNeverWidensTheScope() {
        assertThat(calls.listed("secretary", CallsClient.byOrgan("JG003"))).isEmpty();
        assertThat(calls.listed("committee", CallsClient.byOrgan("JG003"))).containsExactlyInAnyOrder(noise, market);
        assertThat(calls.listed("community", CallQueries.Filter.none().withLead("JG002"))).isEmpty();
    }

    @Test
    void aFormerLeadKeepsSeeingTheCallItHandledButMayNoLongerActOnIt() {
        long rerouted = calls.raiseId("committee", "NOISE", "改派后的噪音诉求", "community", "440103002001");
        calls.ok("committee", rerouted, "dispatch", Map.of("lead", "JG002"));
        calls.ok("committee", rerouted, "dispatch", Map.of("lead", "JG004"));
        String generalOffice = calls.secretaryOf("JG002");
        sees(generalOffice, List.of(rerouted), List.of());
        assertThat(calls.call(generalOffice, rerouted).get("actions")).isEmpty();
        assertThat(calls.act(generalOffice, rerouted, "accept", null).status()).isEqualTo(403);
    }

    @Test
    void theCallListAnswersWithTheCallsInScope() {
        assertThat(calls.visible("community", "")).contains(elderly).doesNotContain(noise, market);
        assertThat(calls.visible("committee", "queue=false")).contains(elderly, noise, market);
        assertThat(calls.visible(calls.secretaryOf("JG003"), "")).contains(noise, market).doesNotContain(elderly);
    }
}
