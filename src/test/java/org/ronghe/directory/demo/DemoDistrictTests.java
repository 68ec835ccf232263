package org.ronghe.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.member.IdNumbers;

/** The demo district has the shape of the district in the research report, and is the same every time. */
class DemoDistrictTests {

    final LocalDate today = LocalDate.of(2026, 11, 26);
    final DemoDistrict full = DemoDistrict.generate(DemoSize.FULL, DemoDistrict.SEED, today);

    @Test
    void theFullDistrictHasTheReportsShape() {
        assertThat(full.streets()).hasSize(22);
        assertThat(full.communities()).hasSize(212);
        assertThat(full.organs()).hasSize(55);
        assertThat(full.grassrootsCount()).isEqualTo(569);
        assertThat(full.members().size()).isGreaterThanOrEqualTo(10_000);
        assertThat(full.leaders()).hasSize(30);
        assertThat(full.liaisons()).hasSize(30);
        assertThat(full.liaisons().stream().map(DemoDistrict.LiaisonSeed::street).distinct()).hasSize(22);
        assertThat(full.pairings().stream().map(DemoDistrict.PairingSeed::organ).distinct()).hasSize(55);
        assertThat(full.pairings().stream().map(DemoDistrict.PairingSeed::community).distinct()).hasSize(212);
        assertThat(full.grids()).allMatch(g -> g.community() >= 0 && g.community() < 212);
    }

    @Test
    void theSameSeedAndDayGiveTheSameDistrict() {
        assertThat(DemoDistrict.generate(DemoSize.FULL, DemoDistrict.SEED, today)).isEqualTo(full);
    }

    @Test
    void everyMemberHasAValidIdNumberMatchingBirthDateAndGender() {
        Set<String> ids = new HashSet<>();
        for (var m : full.members()) {
            assertThat(IdNumbers.problem(m.idNumber())).as(m.code()).isEmpty();
            assertThat(IdNumbers.birthDate(m.idNumber())).contains(m.birthDate());
            assertThat(IdNumbers.male(m.idNumber())).isEqualTo(m.gender() == org.ronghe.directory.Gender.M);
            assertThat(m.joinedOn()).isAfterOrEqualTo(m.birthDate().plusYears(18));
            assertThat(ids.add(m.idNumber())).isTrue();
        }
    }

    @Test
    void codesAreUniqueAndMembersBelongToBranches() {
        assertThat(full.partyOrgs().stream().map(DemoDistrict.PartyOrgSeed::code).distinct()).hasSize(full.partyOrgs().size());
        assertThat(full.members().stream().map(DemoDistrict.MemberSeed::code).distinct()).hasSize(full.members().size());
        assertThat(full.members()).allMatch(m -> full.partyOrgs().get(m.partyOrg()).kind() == PartyOrgKind.BRANCH);
        assertThat(full.partyOrgs()).filteredOn(p -> p.parent() >= 0)
                .allMatch(p -> full.partyOrgs().get(p.parent()).kind() != PartyOrgKind.GROUP);
    }

    @Test
    void theSmallDistrictKeepsEveryKindOfRecord() {
        DemoDistrict small = DemoDistrict.generate(DemoSize.SMALL, DemoDistrict.SEED, today);
        assertThat(small.streets()).hasSize(3);
        assertThat(small.communities()).hasSize(8);
        assertThat(small.organs()).hasSize(5);
        assertThat(small.grassrootsCount()).isEqualTo(24);
        assertThat(small.leaders()).hasSize(4);
        List<PartyOrgKind> kinds = small.partyOrgs().stream().map(DemoDistrict.PartyOrgSeed::kind).distinct().toList();
        assertThat(kinds).contains(PartyOrgKind.GENERAL_BRANCH, PartyOrgKind.BRANCH, PartyOrgKind.GROUP, PartyOrgKind.TEMPORARY_BRANCH);
        assertThat(small.organs()).allMatch(o -> o.staff() >= small.members().stream().filter(m -> small.organs().indexOf(o) == m.organ()).count());
    }
}
