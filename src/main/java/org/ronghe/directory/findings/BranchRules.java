package org.ronghe.directory.findings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The size and term rules for party organisations, as plain logic over measured values. */
final class BranchRules {

    static final int MIN_FULL_MEMBERS = 3;
    static final int MAX_MEMBERS = 50;
    static final int COMMITTEE_FROM = 7;
    static final int TERM_WARNING_DAYS = 90;

    private BranchRules() {
    }

    static List<Finding> check(Branch b) {
        List<Finding> found = new ArrayList<>();
        if (b.fullMembers() < MIN_FULL_MEMBERS) {
            found.add(b.finding(FindingRule.BRANCH_TOO_SMALL, "正式党员 " + b.fullMembers() + " 人", "≥ " + MIN_FULL_MEMBERS));
        }
        if (b.members() > MAX_MEMBERS) {
            found.add(b.finding(FindingRule.BRANCH_TOO_LARGE, "党员 " + b.members() + " 人", "≤ " + MAX_MEMBERS));
        }
        if (b.fullMembers() >= COMMITTEE_FROM && !b.hasCommittee()) {
            found.add(b.finding(FindingRule.COMMITTEE_MISSING, "正式党员 " + b.fullMembers() + " 人，未设支委会",
                    "≥ " + COMMITTEE_FROM + " 人须设支委会"));
        }
        return found;
    }

    static List<Finding> check(Term t, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, t.endsOn());
        if (days < 0) {
            return List.of(t.finding(FindingRule.TERM_OVERDUE, t.endsOn() + " 届满，已超期 " + (-days) + " 天", "按期换届"));
        }
        if (days <= TERM_WARNING_DAYS) {
            return List.of(t.finding(FindingRule.TERM_ENDING, t.endsOn() + " 届满，还有 " + days + " 天",
                    "提前 " + TERM_WARNING_DAYS + " 天提示"));
        }
        return List.of();
    }

    record Branch(String code, String name, String organCode, String organName, long members, long fullMembers,
                  boolean hasCommittee) {

        Finding finding(FindingRule rule, String value, String limit) {
            return new Finding(rule, "party-org", code, name, organCode, organName, value, limit);
        }
    }

    record Term(String code, String name, String organCode, String organName, LocalDate endsOn) {

        Finding finding(FindingRule rule, String value, String limit) {
            return new Finding(rule, "party-org", code, name, organCode, organName, value, limit);
        }
    }
}
