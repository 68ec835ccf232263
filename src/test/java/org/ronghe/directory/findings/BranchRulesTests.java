package org.ronghe.directory.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BranchRulesTests {

    static BranchRules.Branch branch(long members, long full, boolean committee) {
        return new BranchRules.Branch("B1", "第一党支部", "JG001", "区民政局", members, full, committee);
    }

    @Test
    void aBranchNeedsThreeFullMembers() {
        assertThat(BranchRules.check(branch(3, 2, false))).extracting(Finding::rule).containsExactly(FindingRule.BRANCH_TOO_SMALL);
        assertThat(BranchRules.check(branch(3, 3, false))).isEmpty();
    }

    @Test
    void aBranchOfMoreThanFiftyMembersShouldBeSplit() {
        assertThat(BranchRules.check(branch(51, 49, true))).extracting(Finding::rule).containsExactly(FindingRule.BRANCH_TOO_LARGE);
        assertThat(BranchRules.check(branch(50, 49, true))).isEmpty();
    }

    @Test
    void sevenFullMembersNeedABranchCommittee() {
        assertThat(BranchRules.check(branch(8, 7, false))).extracting(Finding::rule).containsExactly(FindingRule.COMMITTEE_MISSING);
        assertThat(BranchRules.check(branch(8, 6, false))).isEmpty();
        assertThat(BranchRules.check(branch(8, 7, true))).isEmpty();
    }

    @Test
    void aTermIsFlaggedNinetyDaysBeforeItEndsAndOverdueAfter() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(BranchRules.check(term(today.plusDays(91)), today)).isEmpty();
        assertThat(BranchRules.check(term(today.plusDays(90)), today)).extracting(Finding::rule).containsExactly(FindingRule.TERM_ENDING);
        assertThat(BranchRules.check(term(today), today)).extracting(Finding::rule).containsExactly(FindingRule.TERM_ENDING);
        assertThat(BranchRules.check(term(today.minusDays(1)), today)).extracting(Finding::rule).containsExactly(FindingRule.TERM_OVERDUE);
    }

    static BranchRules.Term term(LocalDate ends) {
        return new BranchRules.Term("B1", "第一党支部", "JG001", "区民政局", ends);
    }
}
