package org.ronghe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.directory.DataScopeTests.Kind.COMMUNITY;
import static org.ronghe.directory.DataScopeTests.Kind.GRID;
import static org.ronghe.directory.DataScopeTests.Kind.LEADER;
import static org.ronghe.directory.DataScopeTests.Kind.MEMBER;
import static org.ronghe.directory.DataScopeTests.Kind.ORGAN;
import static org.ronghe.directory.DataScopeTests.Kind.PARTY_ORG;
import static org.ronghe.directory.DataScopeTests.Kind.STREET;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Every data-scope rule, proved through the JSON API on the small demo district: for each role a
 * record outside its scope answers 403 (problem+json, without its name) on its detail endpoint and
 * is absent from the list, from the list filtered by it, from the export, from the search and from
 * the findings; and what lies inside the scope is there, so a scope that hid everything would fail.
 * <p>
 * The expectations are derived from what the work committee (who sees everything) is answered,
 * read through the rules in words, never from {@link DataScope} itself.
 */
@RongheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTests {

    private static final String DIRECTORY = "/api/v1/directory/";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> ROLES = List.of("secretary", "street", "community", "leader", "member");
    private static final List<String> EXPORTS = List.of("streets", "communities", "grids", "organs", "party-orgs",
            "members", "leaders", "liaisons", "pairings");
    private static final Set<String> GRASSROOTS = Set.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH");

    @Autowired
    Api api;

    /** Every answer by user and path: the tests only read, so one answer per question is enough. */
    private final Map<String, Api.Response> answers = new HashMap<>();

    /** The whole demo district as the work committee is answered it. */
    private District district;
    /** The places the demo accounts are anchored to (DemoAccounts: the first of each kind). */
    private String secretaryOrgan;
    private String staffStreet;
    private String staffCommunity;
    private String leader;
    private String member;

    @BeforeAll
    void readTheWholeDistrictAsTheWorkCommittee() {
        district = new District();
        secretaryOrgan = district.organs.firstKey();
        staffStreet = district.streets.firstKey();
        staffCommunity = district.communities.firstKey();
        leader = district.leaders.firstKey();
        member = district.members.values().stream().filter(m -> secretaryOrgan.equals(text(m, "organCode")))
                .map(m -> text(m, "code")).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- whole tree

    @Test
    void theWorkCommitteeAndTheSystemAdministratorSeeTheWholeDistrict() {
        assertThat(district.streets).hasSize(3);
        assertThat(district.communities).hasSize(8);
        assertThat(district.organs).hasSize(5);
        assertThat(district.leaders).hasSize(4);
        assertThat(district.members).hasSizeGreaterThan(200);
        for (Kind kind : Kind.values()) {
            assertThat(listed("admin", kind.path)).as("admin %s", kind.path).isEqualTo(district.of(kind).keySet());
        }
        assertThat(links("admin", "liaisons")).isEqualTo(links("committee", "liaisons"));
        assertThat(links("admin", "pairings")).isEqualTo(links("committee", "pairings"));
        assertThat(findingKeys("admin")).isNotEmpty().isEqualTo(findingKeys("committee"));
        assertThat(exported("admin", "members")).isEqualTo(district.members.keySet());
    }

    // ---------------------------------------------------------------- organ secretary

    @Test
    void anOrganSecretarySeesTheirOrganItsWholePartyTreeAndAllItsMembers() {
        String organ = secretaryOrgan;
        assertSeesExactly("secretary", sightOf("secretary"));
        assertShown("secretary", ORGAN, organ);

        JsonNode detail = get("secretary", DIRECTORY + "organs/" + organ).json();
        assertThat(treeCodes(detail.get("partyOrgs"))).isEqualTo(district.partyOrgsOf(organ));
        assertThat(pairingKeys(detail.get("pairings")))
                .isEqualTo(district.pairingsWhere(p -> organ.equals(text(p, "organCode"))));

        String branch = district.branchesOf(organ).get(0);
        assertShown("secretary", PARTY_ORG, branch);
        // A member of the organ is visible wherever they live, even in a community not paired with it.
        Set<String> paired = district.pairedWith(organ);
        String livesElsewhere = district.first(district.members, m -> organ.equals(text(m, "organCode"))
                && !paired.contains(text(m, "communityCode")));
        assertShown("secretary", MEMBER, livesElsewhere);

        assertThat(findingKeys("secretary")).isNotEmpty()
                .isEqualTo(findingKeys("committee", f -> organ.equals(text(f, "organCode"))));
    }

    @Test
    void anOrganSecretarySeesNothingOfAnotherOrgan() {
        // The other organ is one the work committee has findings about, so the findings check can fail.
        String other = district.organs.keySet().stream().filter(o -> !o.equals(secretaryOrgan))
                .filter(o -> !findingKeys("committee", f -> o.equals(text(f, "organCode"))).isEmpty())
                .findFirst().orElseThrow();
        assertHidden("secretary", ORGAN, other);

        String branch = district.branchesOf(other).get(0);
        assertHidden("secretary", PARTY_ORG, branch);
        assertThat(listed("secretary", "party-orgs")).doesNotContainAnyElementsOf(district.partyOrgsOf(other));

        Set<String> itsMembers = district.membersWhere(m -> other.equals(text(m, "organCode")));
        assertHidden("secretary", MEMBER, itsMembers.iterator().next());
        assertThat(listed("secretary", "members")).doesNotContainAnyElementsOf(itsMembers);
        assertThat(exported("secretary", "members")).doesNotContainAnyElementsOf(itsMembers);

        assertFilteredOut("secretary", "party-orgs?organ=" + other);
        assertFilteredOut("secretary", "members?organ=" + other);
        assertFilteredOut("secretary", "members?partyOrg=" + branch);
        // Every demo community is paired with exactly one organ, so none of the other organ's pairings is the secretary's.
        assertFilteredOut("secretary", "pairings?organ=" + other);
        assertLinkHidden("secretary", "pairings",
                district.first(district.pairings, p -> other.equals(text(p, "organCode"))));

        assertThat(findings("secretary")).noneMatch(f -> other.equals(text(f, "organCode"))
                || other.equals(text(f, "subjectCode")) || district.partyOrgsOf(other).contains(text(f, "subjectCode")));
    }

    @Test
    void anOrganSecretarySeesOnlyTheCommunitiesPairedWithTheirOrganAndTheirStreetsGridsAndLeaders() {
        String organ = secretaryOrgan;
        Set<String> paired = district.pairedWith(organ);
        Set<String> streets = district.streetsOf(paired);
        assertThat(paired).isNotEmpty();
        assertThat(links("secretary", "liaisons")).isEqualTo(district.liaisonsOf(streets));
        assertThat(listed("secretary", "leaders")).isEqualTo(district.leadersLiaisingWith(streets));
        assertThat(links("secretary", "pairings")).isEqualTo(district.pairingsWhere(
                p -> organ.equals(text(p, "organCode")) || paired.contains(text(p, "communityCode"))));
        assertShown("secretary", COMMUNITY, paired.iterator().next());
        assertShown("secretary", STREET, streets.iterator().next());
        assertShown("secretary", LEADER, district.leadersLiaisingWith(streets).iterator().next());
        assertShown("secretary", GRID, district.gridsIn(paired).iterator().next());

        String unpaired = district.first(district.communities, c -> !paired.contains(text(c, "code")));
        assertHidden("secretary", COMMUNITY, unpaired);
        assertHidden("secretary", GRID, district.gridsIn(Set.of(unpaired)).iterator().next());
        assertFilteredOut("secretary", "grids?community=" + unpaired);
        assertFilteredOut("secretary", "pairings?community=" + unpaired);
        assertLinkHidden("secretary", "pairings",
                district.first(district.pairings, p -> unpaired.equals(text(p, "communityCode"))));

        // In the small demo the organ's two paired communities lie in two of the three streets, so one street
        // holds no community paired with it (the generator's layout does not depend on the day).
        String streetWithoutPairing = district.first(district.streets, s -> !streets.contains(text(s, "code")));
        assertHidden("secretary", STREET, streetWithoutPairing);
        assertFilteredOut("secretary", "communities?street=" + streetWithoutPairing);
        assertFilteredOut("secretary", "grids?street=" + streetWithoutPairing);
        assertFilteredOut("secretary", "liaisons?street=" + streetWithoutPairing);
        assertFilteredOut("secretary", "pairings?street=" + streetWithoutPairing);

        String farLeader = district.leadersLiaisingWith(Set.of(streetWithoutPairing)).stream()
                .filter(l -> !district.leadersLiaisingWith(streets).contains(l)).findFirst().orElseThrow();
        assertHidden("secretary", LEADER, farLeader);
        assertFilteredOut("secretary", "liaisons?leader=" + farLeader);
        assertLinkHidden("secretary", "liaisons", farLeader + "|" + streetWithoutPairing);
    }

    @Test
    void anOrganSecretarySeesNoResidentOfAPairedCommunityWhoWorksForAnotherOrgan() {
        String organ = secretaryOrgan;
        String community = district.pairedWith(organ).iterator().next();
        String resident = district.first(district.members, m -> community.equals(text(m, "communityCode"))
                && !organ.equals(text(m, "organCode")));
        // Not reachable at all, so the question of masking their phone does not arise for the secretary.
        assertHidden("secretary", MEMBER, resident);
        assertThat(listed("committee", "members?community=" + community)).contains(resident);
        assertThat(listed("secretary", "members?community=" + community)).isEqualTo(district.membersWhere(
                m -> community.equals(text(m, "communityCode")) && organ.equals(text(m, "organCode"))));
    }

    // ---------------------------------------------------------------- street staff

    @Test
    void aStreetWorkerSeesTheirStreetItsCommunitiesGridsAndResidentMembers() {
        String street = staffStreet;
        Set<String> communities = district.communitiesIn(Set.of(street));
        assertSeesExactly("street", sightOf("street"));
        assertShown("street", STREET, street);
        assertShown("street", COMMUNITY, communities.iterator().next());
        assertShown("street", GRID, district.gridsIn(communities).iterator().next());
        assertShown("street", MEMBER, district.residentsOf(communities).iterator().next());
        // Leaders, liaisons and pairings: at most those touching the street.
        assertThat(listed("street", "leaders")).isSubsetOf(district.leadersLiaisingWith(Set.of(street)));
        assertThat(links("street", "liaisons")).isSubsetOf(district.liaisonsOf(Set.of(street)));
        assertThat(links("street", "pairings"))
                .isSubsetOf(district.pairingsWhere(p -> communities.contains(text(p, "communityCode"))));
    }

    @Test
    void aStreetWorkerSeesNothingOfAnotherStreet() {
        assertSeesNothingOfAnotherStreet("street", Set.of(staffStreet));
    }

    @Test
    void aStreetWorkerSeesNoOrganAndNoPartyOrganisation() {
        assertSeesNoOrganAndNoPartyOrganisation("street");
    }

    // ---------------------------------------------------------------- community staff

    @Test
    void aCommunityWorkerSeesTheirCommunityItsGridsResidentsAndPairingsAndTheirStreetWithItsLeaders() {
        String community = staffCommunity;
        String street = district.streetOf(community);
        assertSeesExactly("community", sightOf("community"));
        assertThat(listed("community", "leaders")).isEqualTo(district.leadersLiaisingWith(Set.of(street)));
        assertThat(links("community", "liaisons")).isEqualTo(district.liaisonsOf(Set.of(street)));
        assertThat(links("community", "pairings"))
                .isEqualTo(district.pairingsWhere(p -> community.equals(text(p, "communityCode"))));
        assertShown("community", COMMUNITY, community);
        assertShown("community", STREET, street);
        assertShown("community", GRID, district.gridsIn(Set.of(community)).iterator().next());
        assertShown("community", MEMBER, district.residentsOf(Set.of(community)).iterator().next());
        assertShown("community", LEADER, district.leadersLiaisingWith(Set.of(street)).iterator().next());
    }

    @Test
    void aCommunityWorkerSeesNothingOfANeighbouringCommunityInTheSameStreet() {
        String community = staffCommunity;
        String street = district.streetOf(community);
        String neighbour = district.first(district.communities,
                c -> street.equals(text(c, "streetCode")) && !community.equals(text(c, "code")));
        assertHidden("community", COMMUNITY, neighbour);
        assertHidden("community", GRID, district.gridsIn(Set.of(neighbour)).iterator().next());
        Set<String> itsResidents = district.residentsOf(Set.of(neighbour));
        assertHidden("community", MEMBER, itsResidents.iterator().next());
        assertThat(exported("community", "members")).doesNotContainAnyElementsOf(itsResidents);
        assertFilteredOut("community", "grids?community=" + neighbour);
        assertFilteredOut("community", "members?community=" + neighbour);
        assertFilteredOut("community", "pairings?community=" + neighbour);
        assertLinkHidden("community", "pairings",
                district.first(district.pairings, p -> neighbour.equals(text(p, "communityCode"))));
        // The street is shown as context only: its totals count the worker's own community, not the neighbour's.
        JsonNode shown = get("community", DIRECTORY + "streets/" + street).json();
        assertThat(shown.get("communities").asLong()).isEqualTo(1);
        assertThat(shown.get("grids").asLong()).isEqualTo(district.gridsIn(Set.of(community)).size());
        assertThat(shown.get("households").asLong())
                .isEqualTo(district.communities.get(community).get("households").asLong());
    }

    @Test
    void aCommunityWorkerSeesNothingOfAnotherStreetNorOfItsLeaders() {
        assertSeesNothingOfAnotherStreet("community", Set.of(district.streetOf(staffCommunity)));
    }

    @Test
    void aCommunityWorkerSeesNoOrganNotEvenTheOnePairedWithTheirCommunity() {
        String community = staffCommunity;
        JsonNode pairing = district.pairings.values().stream()
                .filter(p -> community.equals(text(p, "communityCode"))).findFirst().orElseThrow();
        String pairedOrgan = text(pairing, "organCode");
        assertSeesNoOrganAndNoPartyOrganisation("community");
        assertFilteredOut("community", "party-orgs?organ=" + pairedOrgan);
        // The pairing itself is the community's own record, so it stays visible.
        assertThat(links("community", "pairings")).contains(pairedOrgan + "|" + community);
    }

    // ---------------------------------------------------------------- district leader

    @Test
    void aLeaderSeesTheStreetsTheyLiaiseWithTheirCommunitiesGridsAndResidents() {
        Set<String> streets = district.streetsLiaisedBy(leader);
        Set<String> communities = district.communitiesIn(streets);
        assertThat(streets).isNotEmpty();
        assertSeesExactly("leader", sightOf("leader"));
        assertShown("leader", STREET, streets.iterator().next());
        assertShown("leader", COMMUNITY, communities.iterator().next());
        assertShown("leader", GRID, district.gridsIn(communities).iterator().next());
        assertShown("leader", MEMBER, district.residentsOf(communities).iterator().next());
        assertShown("leader", LEADER, leader);
        assertThat(listed("leader", "leaders")).isSubsetOf(district.leadersLiaisingWith(streets));
        assertThat(links("leader", "liaisons")).isSubsetOf(district.liaisonsOf(streets));
        assertThat(links("leader", "pairings"))
                .isSubsetOf(district.pairingsWhere(p -> communities.contains(text(p, "communityCode"))));
    }

    @Test
    void aLeaderSeesNothingOfAStreetTheyDoNotLiaiseWith() {
        assertSeesNothingOfAnotherStreet("leader", district.streetsLiaisedBy(leader));
    }

    @Test
    void aLeaderSeesNoOrganAndNoPartyOrganisation() {
        assertSeesNoOrganAndNoPartyOrganisation("leader");
    }

    // ---------------------------------------------------------------- party member

    @Test
    void aMemberSeesThemselvesTheirBranchTheirOrganWithItsPartyOrganisationsAndWhereTheyLive() {
        JsonNode self = district.members.get(member);
        String branch = text(self, "partyOrgCode");
        String organ = text(self, "organCode");
        assertSeesExactly("member", sightOf("member"));
        assertShown("member", MEMBER, member);
        assertShown("member", MEMBER, district.first(district.members,
                m -> branch.equals(text(m, "partyOrgCode")) && !member.equals(text(m, "code"))));
        assertShown("member", ORGAN, organ);
        assertShown("member", PARTY_ORG, branch);
        assertShown("member", PARTY_ORG, district.first(district.partyOrgs,
                p -> organ.equals(text(p, "organCode")) && !branch.equals(text(p, "code"))));
        assertShown("member", COMMUNITY, text(self, "communityCode"));
        assertShown("member", STREET, district.streetOf(text(self, "communityCode")));
        assertThat(findingKeys("member")).isEqualTo(findingKeys("committee", f -> organ.equals(text(f, "organCode"))));
    }

    @Test
    void aMemberSeesNothingOfAColleagueInAnotherBranchOfTheirOrgan() {
        JsonNode self = district.members.get(member);
        String organ = text(self, "organCode");
        String otherBranch = district.branchesOf(organ).stream()
                .filter(b -> !b.equals(text(self, "partyOrgCode"))).findFirst().orElseThrow();
        Set<String> colleagues = district.membersWhere(m -> otherBranch.equals(text(m, "partyOrgCode")));
        assertHidden("member", MEMBER, colleagues.iterator().next());
        assertThat(listed("member", "members")).doesNotContainAnyElementsOf(colleagues);
        assertThat(exported("member", "members")).doesNotContainAnyElementsOf(colleagues);
        assertThat(found("member", text(district.members.get(colleagues.iterator().next()), "name"), MEMBER))
                .doesNotContainAnyElementsOf(colleagues);
        assertFilteredOut("member", "members?partyOrg=" + otherBranch);
        // The branch itself is one of the organ's party organisations, whose names a member may see.
        assertShown("member", PARTY_ORG, otherBranch);
    }

    @Test
    void aMemberSeesNothingOfAnotherOrgan() {
        String organ = text(district.members.get(member), "organCode");
        String other = district.organs.keySet().stream().filter(o -> !o.equals(organ))
                .filter(o -> !findingKeys("committee", f -> o.equals(text(f, "organCode"))).isEmpty())
                .findFirst().orElseThrow();
        assertHidden("member", ORGAN, other);
        assertHidden("member", PARTY_ORG, district.branchesOf(other).get(0));
        assertThat(listed("member", "party-orgs")).doesNotContainAnyElementsOf(district.partyOrgsOf(other));
        assertHidden("member", MEMBER, district.first(district.members, m -> other.equals(text(m, "organCode"))));
        assertFilteredOut("member", "party-orgs?organ=" + other);
        assertFilteredOut("member", "members?organ=" + other);
        assertThat(findings("member")).isNotEmpty().allMatch(f -> organ.equals(text(f, "organCode")));
    }

    @Test
    void aMemberSeesNothingOfACommunityOrStreetTheyDoNotLiveIn() {
        String home = text(district.members.get(member), "communityCode");
        String homeStreet = district.streetOf(home);
        // Preferably a community of their own street, the closest one they still may not see.
        String elsewhere = district.communities.values().stream()
                .filter(c -> !home.equals(text(c, "code")))
                .sorted((a, b) -> Boolean.compare(!homeStreet.equals(text(a, "streetCode")),
                        !homeStreet.equals(text(b, "streetCode"))))
                .map(c -> text(c, "code")).findFirst().orElseThrow();
        assertHidden("member", COMMUNITY, elsewhere);
        assertHidden("member", GRID, district.gridsIn(Set.of(elsewhere)).iterator().next());
        assertFilteredOut("member", "grids?community=" + elsewhere);
        // (members?community= is not empty by rule: colleagues of the member's branch may live there.)

        String otherStreet = district.first(district.streets, s -> !homeStreet.equals(text(s, "code")));
        assertHidden("member", STREET, otherStreet);
        assertFilteredOut("member", "communities?street=" + otherStreet);
        assertFilteredOut("member", "grids?street=" + otherStreet);
        assertFilteredOut("member", "liaisons?street=" + otherStreet);
        String farLeader = district.leadersLiaisingWith(Set.of(otherStreet)).stream()
                .filter(l -> !district.leadersLiaisingWith(Set.of(homeStreet)).contains(l)).findFirst().orElseThrow();
        assertHidden("member", LEADER, farLeader);
        assertFilteredOut("member", "liaisons?leader=" + farLeader);
    }

    // ---------------------------------------------------------------- personal data

    @Test
    void aResidentsPhoneAndIdNumberAreMaskedForStreetCommunityAndLeaderButShownInFullToTheWorkCommittee() {
        String resident = district.first(district.members, m -> staffCommunity.equals(text(m, "communityCode"))
                && !secretaryOrgan.equals(text(m, "organCode")));
        JsonNode full = get("committee", DIRECTORY + "members/" + resident).json();
        String phone = text(full, "phone");
        String idNumber = text(full, "idNumber");
        assertThat(phone).matches("1\\d{10}");
        assertThat(idNumber).matches("\\d{17}[\\dX]");
        assertThat(full.get("masked").asBoolean()).isFalse();
        assertThat(exportedRow("committee", "members", resident)).contains(phone, idNumber);

        for (String user : List.of("street", "community", "leader")) {
            JsonNode seen = get(user, DIRECTORY + "members/" + resident).json();
            assertThat(text(seen, "phone")).as(user).isEqualTo(maskedPhone(phone));
            assertThat(text(seen, "idNumber")).as(user).isEqualTo(maskedId(idNumber));
            assertThat(seen.get("masked").asBoolean()).as(user).isTrue();
            JsonNode row = items(user, "members?community=" + staffCommunity).stream()
                    .filter(m -> resident.equals(text(m, "code"))).findFirst().orElseThrow();
            assertThat(text(row, "phone")).as(user).isEqualTo(maskedPhone(phone));
            assertThat(exportedRow(user, "members", resident)).as(user)
                    .contains(maskedPhone(phone), maskedId(idNumber)).doesNotContain(phone, idNumber);
            assertThat(get(user, DIRECTORY + "search?q=" + resident).text()).as(user).doesNotContain(phone, idNumber);
        }
        // Leaders' phone numbers, too, are the work committee's alone.
        JsonNode leaderRow = district.leaders.get(leader);
        assertThat(text(leaderRow, "phone")).matches("1\\d{10}");
        assertThat(text(get("street", DIRECTORY + "leaders/" + leader).json(), "phone"))
                .isEqualTo(maskedPhone(text(leaderRow, "phone")));
    }

    @Test
    void anOrganSecretarySeesTheirOwnMembersPersonalDataInFull() {
        String colleague = district.first(district.members, m -> secretaryOrgan.equals(text(m, "organCode"))
                && !member.equals(text(m, "code")));
        JsonNode full = district.members.get(colleague);
        JsonNode seen = get("secretary", DIRECTORY + "members/" + colleague).json();
        assertThat(text(seen, "phone")).isEqualTo(text(full, "phone")).doesNotContain("*");
        assertThat(text(seen, "idNumber")).isEqualTo(text(full, "idNumber")).doesNotContain("*");
        assertThat(seen.get("masked").asBoolean()).isFalse();
        assertThat(exportedRow("secretary", "members", colleague)).contains(text(full, "phone"), text(full, "idNumber"));
        // A district leader's phone is not the organ's personal data.
        assertThat(items("secretary", "leaders")).isNotEmpty().allMatch(l -> text(l, "phone").contains("****"));
    }

    @Test
    void theSystemAdministratorSeesEveryMemberButNoPersonalData() {
        String someone = district.members.firstKey();
        JsonNode full = district.members.get(someone);
        JsonNode seen = get("admin", DIRECTORY + "members/" + someone).json();
        assertThat(text(seen, "phone")).isEqualTo(maskedPhone(text(full, "phone")));
        assertThat(text(seen, "idNumber")).isEqualTo(maskedId(text(full, "idNumber")));
        List<JsonNode> rows = items("admin", "members");
        assertThat(rows).hasSize(district.members.size())
                .allMatch(m -> m.get("masked").asBoolean() && text(m, "phone").contains("****"));
        List<List<String>> sheet = sheet("admin", "members");
        assertThat(sheet).hasSize(district.members.size()).allMatch(r -> r.get(5).contains("****"));
        assertThat(items("admin", "leaders")).allMatch(l -> text(l, "phone").contains("****"));
    }

    @Test
    void aMemberSeesTheirOwnPersonalDataButTheirBranchColleaguesMasked() {
        JsonNode self = district.members.get(member);
        JsonNode own = get("member", DIRECTORY + "members/" + member).json();
        assertThat(text(own, "phone")).isEqualTo(text(self, "phone")).doesNotContain("*");
        assertThat(text(own, "idNumber")).isEqualTo(text(self, "idNumber"));
        String colleague = district.first(district.members,
                m -> text(self, "partyOrgCode").equals(text(m, "partyOrgCode")) && !member.equals(text(m, "code")));
        JsonNode theirs = get("member", DIRECTORY + "members/" + colleague).json();
        assertThat(text(theirs, "phone")).isEqualTo(maskedPhone(text(district.members.get(colleague), "phone")));
        assertThat(text(theirs, "idNumber")).isEqualTo(maskedId(text(district.members.get(colleague), "idNumber")));
        assertThat(exportedRow("member", "members", colleague)).doesNotContain(text(district.members.get(colleague), "phone"));
    }

    // ---------------------------------------------------------------- across roles

    @Test
    void everyExportHoldsExactlyWhatTheListShowsForEveryRole() {
        for (String user : ROLES) {
            for (String entity : EXPORTS) {
                Set<String> listed = entity.equals("liaisons") || entity.equals("pairings")
                        ? links(user, entity) : listed(user, entity);
                assertThat(exported(user, entity)).as("%s export of %s", user, entity).isEqualTo(listed);
            }
        }
    }

    @Test
    void theFiguresOfEveryRoleCountOnlyWhatItMaySee() {
        for (String user : ROLES) {
            Sight sight = sightOf(user);
            JsonNode figures = get(user, "/api/v1/figures").json();
            assertThat(figures.get("streets").asLong()).as(user + " streets").isEqualTo(sight.streets().size());
            assertThat(figures.get("communities").asLong()).as(user + " communities").isEqualTo(sight.communities().size());
            if (sight.grids() != null) {
                assertThat(figures.get("grids").asLong()).as(user + " grids").isEqualTo(sight.grids().size());
            }
            assertThat(figures.get("organs").asLong()).as(user + " organs").isEqualTo(sight.organs().size());
            assertThat(figures.get("partyOrgs").asLong()).as(user + " party orgs").isEqualTo(sight.partyOrgs().stream()
                    .filter(p -> GRASSROOTS.contains(text(district.partyOrgs.get(p), "kind"))
                            && text(district.partyOrgs.get(p), "dissolvedOn") == null).count());
            assertThat(figures.get("members").asLong()).as(user + " members").isEqualTo(sight.members().size());
        }
    }

    @Test
    void theCallCategoriesAreOneReferenceListTheSameForEveryone() {
        String categories = get("committee", DIRECTORY + "categories").text();
        assertThat(get("committee", DIRECTORY + "categories").json().size()).isPositive();
        Set<String> exported = exported("committee", "categories");
        assertThat(exported).isNotEmpty();
        for (String user : ROLES) {
            assertThat(get(user, DIRECTORY + "categories").text()).as(user).isEqualTo(categories);
            assertThat(exported(user, "categories")).as(user).isEqualTo(exported);
        }
    }

    @Test
    void aRecordOutsideTheScopeIsForbiddenWhileOneThatDoesNotExistIsNotFound() {
        for (Kind kind : List.of(STREET, COMMUNITY, ORGAN, PARTY_ORG, MEMBER, LEADER)) {
            var missing = get("street", DIRECTORY + kind.path + "/NO-SUCH-CODE");
            assertThat(missing.status()).as(kind.path).isEqualTo(404);
            assertThat(isProblem(missing.contentType())).isTrue();
        }
        assertThat(get("street", DIRECTORY + "organs/" + secretaryOrgan).status()).isEqualTo(403);
        assertThat(get("secretary", DIRECTORY + "organs/" + secretaryOrgan).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- shared scenarios

    /** Someone anchored to these streets sees nothing of a street outside them, nor of what lies in it. */
    private void assertSeesNothingOfAnotherStreet(String user, Set<String> own) {
        String other = district.first(district.streets, s -> !own.contains(text(s, "code")));
        assertHidden(user, STREET, other);
        Set<String> communities = district.communitiesIn(Set.of(other));
        String community = communities.iterator().next();
        assertHidden(user, COMMUNITY, community);
        assertHidden(user, GRID, district.gridsIn(communities).iterator().next());
        Set<String> residents = district.residentsOf(communities);
        assertHidden(user, MEMBER, residents.iterator().next());
        assertThat(listed(user, "members")).doesNotContainAnyElementsOf(residents);
        assertThat(exported(user, "members")).doesNotContainAnyElementsOf(residents);

        String farLeader = district.leadersLiaisingWith(Set.of(other)).stream()
                .filter(l -> !district.leadersLiaisingWith(own).contains(l)).findFirst().orElseThrow();
        assertHidden(user, LEADER, farLeader);
        assertLinkHidden(user, "liaisons", farLeader + "|" + other);
        assertLinkHidden(user, "pairings",
                district.first(district.pairings, p -> community.equals(text(p, "communityCode"))));

        assertFilteredOut(user, "communities?street=" + other);
        assertFilteredOut(user, "grids?street=" + other);
        assertFilteredOut(user, "grids?community=" + community);
        assertFilteredOut(user, "members?street=" + other);
        assertFilteredOut(user, "members?community=" + community);
        assertFilteredOut(user, "liaisons?street=" + other);
        assertFilteredOut(user, "liaisons?leader=" + farLeader);
        assertFilteredOut(user, "pairings?street=" + other);
        assertFilteredOut(user, "pairings?community=" + community);
    }

    /** Territorial staff and leaders see no organ, no party organisation and so no finding about them. */
    private void assertSeesNoOrganAndNoPartyOrganisation(String user) {
        assertThat(listed(user, "organs")).isEmpty();
        assertThat(listed(user, "party-orgs")).isEmpty();
        assertThat(exported(user, "organs")).isEmpty();
        assertThat(exported(user, "party-orgs")).isEmpty();
        for (String organ : district.organs.keySet()) {
            assertHidden(user, ORGAN, organ);
            assertHidden(user, PARTY_ORG, district.branchesOf(organ).get(0));
        }
        assertFilteredOut(user, "party-orgs?organ=" + secretaryOrgan);
        assertThat(findings("committee")).isNotEmpty();
        assertThat(findings(user)).isEmpty();
    }

    // ---------------------------------------------------------------- what each role may see, by the rules

    /** The records a role sees, exactly, by the rules in words (only the kinds the rules speak of). */
    private record Sight(Set<String> streets, Set<String> communities, Set<String> grids, Set<String> organs,
                         Set<String> partyOrgs, Set<String> members) {
    }

    private Sight sightOf(String user) {
        return switch (user) {
            case "secretary" -> {
                Set<String> communities = district.pairedWith(secretaryOrgan);
                yield new Sight(district.streetsOf(communities), communities, district.gridsIn(communities),
                        Set.of(secretaryOrgan), district.partyOrgsOf(secretaryOrgan),
                        district.membersWhere(m -> secretaryOrgan.equals(text(m, "organCode"))));
            }
            case "street" -> territory(Set.of(staffStreet), district.communitiesIn(Set.of(staffStreet)));
            case "community" -> territory(Set.of(district.streetOf(staffCommunity)), Set.of(staffCommunity));
            case "leader" -> {
                Set<String> streets = district.streetsLiaisedBy(leader);
                yield territory(streets, district.communitiesIn(streets));
            }
            case "member" -> {
                JsonNode self = district.members.get(member);
                String home = text(self, "communityCode");
                yield new Sight(Set.of(district.streetOf(home)), Set.of(home), null, Set.of(text(self, "organCode")),
                        district.partyOrgsOf(text(self, "organCode")),
                        district.membersWhere(m -> member.equals(text(m, "code"))
                                || text(self, "partyOrgCode").equals(text(m, "partyOrgCode"))));
            }
            default -> throw new IllegalArgumentException(user);
        };
    }

    private Sight territory(Set<String> streets, Set<String> communities) {
        return new Sight(streets, communities, district.gridsIn(communities), Set.of(), Set.of(),
                district.residentsOf(communities));
    }

    private void assertSeesExactly(String user, Sight sight) {
        assertThat(listed(user, "streets")).as(user + " streets").isEqualTo(sight.streets());
        assertThat(listed(user, "communities")).as(user + " communities").isEqualTo(sight.communities());
        if (sight.grids() != null) {
            assertThat(listed(user, "grids")).as(user + " grids").isEqualTo(sight.grids());
        } else {
            // The member's rule names their community; its grids are at most what they may see.
            assertThat(listed(user, "grids")).as(user + " grids").isSubsetOf(district.gridsIn(sight.communities()));
        }
        assertThat(listed(user, "organs")).as(user + " organs").isEqualTo(sight.organs());
        assertThat(listed(user, "party-orgs")).as(user + " party orgs").isEqualTo(sight.partyOrgs());
        assertThat(listed(user, "members")).as(user + " members").isEqualTo(sight.members());
        assertThat(sight.streets()).as(user + " sees something").isNotEmpty();
        assertThat(sight.members()).as(user + " sees members").isNotEmpty();
    }

    // ---------------------------------------------------------------- probes

    enum Kind {
        STREET("streets", "streets", true),
        COMMUNITY("communities", "communities", true),
        GRID("grids", null, false),
        ORGAN("organs", "organs", true),
        PARTY_ORG("party-orgs", "partyOrgs", true),
        MEMBER("members", "members", true),
        LEADER("leaders", "leaders", true);

        final String path;
        final String searchKey;
        final boolean detail;

        Kind(String path, String searchKey, boolean detail) {
            this.path = path;
            this.searchKey = searchKey;
            this.detail = detail;
        }
    }

    /** The record is outside the user's scope: 403 on its page, absent from list, export and search. */
    private void assertHidden(String user, Kind kind, String code) {
        JsonNode record = district.of(kind).get(code);
        assertThat(record).as("the work committee sees %s %s", kind, code).isNotNull();
        String name = text(record, "name");
        if (kind.detail) {
            var answer = get(user, DIRECTORY + kind.path + "/" + code);
            assertThat(answer.status()).as("%s GET %s/%s", user, kind.path, code).isEqualTo(403);
            assertThat(isProblem(answer.contentType())).as("problem+json, not " + answer.contentType()).isTrue();
            assertThat(answer.text()).as("the 403 answer names nothing of it").doesNotContain(name);
        }
        assertThat(listed(user, kind.path)).as("%s list of %s", user, kind.path).doesNotContain(code);
        assertThat(exported(user, kind.path)).as("%s export of %s", user, kind.path).doesNotContain(code);
        if (kind.searchKey != null) {
            assertThat(found(user, name, kind)).as("%s searching %s", user, name).doesNotContain(code);
            assertThat(found(user, code, kind)).as("%s searching %s", user, code).doesNotContain(code);
        }
    }

    /** The record is inside the user's scope: its page, the list, the export and the search show it. */
    private void assertShown(String user, Kind kind, String code) {
        String name = text(district.of(kind).get(code), "name");
        if (kind.detail) {
            var answer = get(user, DIRECTORY + kind.path + "/" + code);
            assertThat(answer.status()).as("%s GET %s/%s", user, kind.path, code).isEqualTo(200);
            JsonNode body = kind == ORGAN ? answer.json().get("organ") : answer.json();
            assertThat(text(body, "code")).isEqualTo(code);
        }
        assertThat(listed(user, kind.path)).as("%s list of %s", user, kind.path).contains(code);
        assertThat(exported(user, kind.path)).as("%s export of %s", user, kind.path).contains(code);
        if (kind.searchKey != null) {
            assertThat(found(user, code, kind)).as("%s searching %s", user, code).contains(code);
            assertThat(found(user, name, kind)).as("%s searching %s", user, name).contains(code);
        }
    }

    /** The filter names something outside the user's scope: the work committee gets rows, the user none. */
    private void assertFilteredOut(String user, String path) {
        assertThat(items("committee", path)).as("committee %s", path).isNotEmpty();
        assertThat(items(user, path)).as("%s %s", user, path).isEmpty();
    }

    /** A liaison or pairing ("a|b") outside the scope is in neither the list nor the export. */
    private void assertLinkHidden(String user, String entity, String key) {
        assertThat(links("committee", entity)).contains(key);
        assertThat(links(user, entity)).as("%s %s", user, entity).doesNotContain(key);
        assertThat(exported(user, entity)).as("%s export of %s", user, entity).doesNotContain(key);
    }

    // ---------------------------------------------------------------- reading the API

    private Api.Response get(String user, String path) {
        return answers.computeIfAbsent(user + " " + path, k -> api.get(user, path));
    }

    private List<JsonNode> items(String user, String path) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            var answer = get(user, DIRECTORY + path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page);
            assertThat(answer.status()).as("%s GET %s", user, path).isEqualTo(200);
            JsonNode json = answer.json();
            json.get("items").forEach(all::add);
            if (json.get("items").size() == 0 || all.size() >= json.get("total").asLong()) {
                return all;
            }
        }
    }

    private Set<String> listed(String user, String path) {
        return items(user, path).stream().map(i -> text(i, "code")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Liaisons as "leader|street", pairings as "organ|community", ended ones included (as in the export). */
    private Set<String> links(String user, String entity) {
        return entity.equals("liaisons")
                ? items(user, "liaisons?includeEnded=true").stream()
                .map(l -> text(l, "leaderCode") + "|" + text(l, "streetCode")).collect(Collectors.toCollection(TreeSet::new))
                : pairingKeys(items(user, "pairings?includeEnded=true"));
    }

    private static Set<String> pairingKeys(Iterable<JsonNode> pairings) {
        Set<String> keys = new TreeSet<>();
        pairings.forEach(p -> keys.add(text(p, "organCode") + "|" + text(p, "communityCode")));
        return keys;
    }

    private static Set<String> treeCodes(JsonNode nodes) {
        Set<String> codes = new TreeSet<>();
        nodes.forEach(n -> {
            codes.add(text(n.get("org"), "code"));
            codes.addAll(treeCodes(n.get("children")));
        });
        return codes;
    }

    private Set<String> found(String user, String q, Kind kind) {
        var answer = get(user, DIRECTORY + "search?q=" + q);
        assertThat(answer.status()).isEqualTo(200);
        Set<String> codes = new TreeSet<>();
        answer.json().get(kind.searchKey).get("items").forEach(i -> codes.add(text(i, "code")));
        return codes;
    }

    private List<JsonNode> findings(String user) {
        var answer = get(user, DIRECTORY + "findings");
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> findings = new ArrayList<>();
        answer.json().forEach(findings::add);
        return findings;
    }

    private Set<String> findingKeys(String user) {
        return findingKeys(user, f -> true);
    }

    private Set<String> findingKeys(String user, Predicate<JsonNode> which) {
        return findings(user).stream().filter(which).map(f -> text(f, "rule") + " " + text(f, "subjectCode"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The data rows of an export (the header row checked and left out), each cell as text. */
    private List<List<String>> sheet(String user, String entity) {
        var answer = get(user, DIRECTORY + "exports/" + entity + ".xlsx");
        assertThat(answer.status()).as("%s export of %s", user, entity).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(0))).as("header row").isNotBlank();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of an export: the code column, or "a|b" for liaisons and pairings. */
    private Set<String> exported(String user, String entity) {
        boolean link = entity.equals("liaisons") || entity.equals("pairings");
        return sheet(user, entity).stream().map(r -> link ? r.get(0) + "|" + r.get(1) : r.get(0))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private List<String> exportedRow(String user, String entity, String code) {
        return sheet(user, entity).stream().filter(r -> r.get(0).equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " export of " + entity + " lacks " + code));
    }

    private static boolean isProblem(String contentType) {
        return contentType != null
                && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String maskedPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private static String maskedId(String idNumber) {
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    // ---------------------------------------------------------------- the district as the committee sees it

    private final class District {

        final TreeMap<String, JsonNode> streets = read("streets");
        final TreeMap<String, JsonNode> communities = read("communities");
        final TreeMap<String, JsonNode> grids = read("grids");
        final TreeMap<String, JsonNode> organs = read("organs");
        final TreeMap<String, JsonNode> partyOrgs = read("party-orgs");
        final TreeMap<String, JsonNode> members = read("members");
        final TreeMap<String, JsonNode> leaders = read("leaders");
        final TreeMap<String, JsonNode> liaisons = keyed(items("committee", "liaisons"), "leaderCode", "streetCode");
        final TreeMap<String, JsonNode> pairings = keyed(items("committee", "pairings"), "organCode", "communityCode");

        private TreeMap<String, JsonNode> read(String path) {
            TreeMap<String, JsonNode> map = new TreeMap<>();
            items("committee", path).forEach(i -> map.put(text(i, "code"), i));
            return map;
        }

        private static TreeMap<String, JsonNode> keyed(List<JsonNode> rows, String a, String b) {
            TreeMap<String, JsonNode> map = new TreeMap<>();
            rows.forEach(r -> map.put(text(r, a) + "|" + text(r, b), r));
            return map;
        }

        Map<String, JsonNode> of(Kind kind) {
            return switch (kind) {
                case STREET -> streets;
                case COMMUNITY -> communities;
                case GRID -> grids;
                case ORGAN -> organs;
                case PARTY_ORG -> partyOrgs;
                case MEMBER -> members;
                case LEADER -> leaders;
            };
        }

        /** The first key (in code order) of a record matching the condition. */
        String first(TreeMap<String, JsonNode> records, Predicate<JsonNode> condition) {
            return records.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new AssertionError("the small demo district has no such record"));
        }

        private static Set<String> keys(Map<String, JsonNode> records, Predicate<JsonNode> condition) {
            return records.entrySet().stream().filter(e -> condition.test(e.getValue())).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        String streetOf(String community) {
            return text(communities.get(community), "streetCode");
        }

        Set<String> streetsOf(Collection<String> communityCodes) {
            return communityCodes.stream().map(this::streetOf).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> communitiesIn(Collection<String> streetCodes) {
            return keys(communities, c -> streetCodes.contains(text(c, "streetCode")));
        }

        Set<String> gridsIn(Collection<String> communityCodes) {
            return keys(grids, g -> communityCodes.contains(text(g, "communityCode")));
        }

        Set<String> membersWhere(Predicate<JsonNode> condition) {
            return keys(members, condition);
        }

        Set<String> residentsOf(Collection<String> communityCodes) {
            return membersWhere(m -> communityCodes.contains(text(m, "communityCode")));
        }

        Set<String> partyOrgsOf(String organ) {
            return keys(partyOrgs, p -> organ.equals(text(p, "organCode")));
        }

        /** The organ's branches that have members, in code order. */
        List<String> branchesOf(String organ) {
            return List.copyOf(keys(partyOrgs, p -> organ.equals(text(p, "organCode")) && "BRANCH".equals(text(p, "kind"))
                    && p.get("members").asLong() > 0));
        }

        Set<String> pairedWith(String organ) {
            return pairings.values().stream().filter(p -> organ.equals(text(p, "organCode")))
                    .map(p -> text(p, "communityCode")).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> pairingsWhere(Predicate<JsonNode> condition) {
            return keys(pairings, condition);
        }

        Set<String> streetsLiaisedBy(String leaderCode) {
            return liaisons.values().stream().filter(l -> leaderCode.equals(text(l, "leaderCode")))
                    .map(l -> text(l, "streetCode")).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> leadersLiaisingWith(Collection<String> streetCodes) {
            return liaisons.values().stream().filter(l -> streetCodes.contains(text(l, "streetCode")))
                    .map(l -> text(l, "leaderCode")).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> liaisonsOf(Collection<String> streetCodes) {
            return keys(liaisons, l -> streetCodes.contains(text(l, "streetCode")));
        }
    }
}
