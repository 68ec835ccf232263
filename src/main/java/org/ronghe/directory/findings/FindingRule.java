package org.ronghe.directory.findings;

/** The organisational rules the directory checks itself, from the party's regulations and the work committee's practice. */
public enum FindingRule {
    BRANCH_TOO_SMALL("党支部正式党员不足 3 人", "正式党员 3 人以上方可成立党支部"),
    BRANCH_TOO_LARGE("党支部党员超过 50 人", "党员人数超过 50 人的党支部应当调整或分设"),
    COMMITTEE_MISSING("正式党员 7 人以上未设支部委员会", "正式党员 7 人以上的党支部应当设立支部委员会"),
    TERM_OVERDUE("届期已满未换届", "党委每届 5 年，党总支、党支部每届 3 年，届满应当按期换届"),
    TERM_ENDING("90 天内届满", "届满前应当提前做好换届准备"),
    CADRES_UNDER_ONE_PERCENT("党务干部不足职工总数 1%", "机关专兼职党务干部一般不少于职工总数的 1%"),
    TEMPORARY_BRANCH_EXPIRED("临时党支部超期未撤销", "临时党支部任务完成或期限届满后应当及时撤销");

    private final String label;
    private final String basis;

    FindingRule(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    /** The rule in words, shown beside each finding so it can be checked. */
    public String basis() {
        return basis;
    }
}
