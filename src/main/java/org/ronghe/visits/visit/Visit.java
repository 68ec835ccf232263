package org.ronghe.visits.visit;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.platform.Texts;

/**
 * A visit to a household (走访记录): who went, when, what was heard, and the problems heard, each of which
 * becomes a call. Recorded once; it is the problems that move on.
 */
public record Visit(long householdId, long communityId, Long campaignId, Visitor visitor, LocalDate visitedOn, String heard,
                    List<Heard> problems) {

    public static final int MAX_PROBLEMS = 10;
    static final int HEARD_LENGTH = 2000;
    /** How far back a visit may be recorded: the week's visits are often entered together. */
    static final int DAYS_BACK = 60;

    /** Who went: a member (with organ and party organisation, as they were on the day) or a district leader. */
    public record Visitor(Long memberId, Long leaderId, Long organId, Long partyOrgId) {

        /** The key of the visitor's coverage row. */
        public String key() {
            return memberId != null ? "M" + memberId : "L" + leaderId;
        }
    }

    /** A problem as the household told it: a short summary (the call's title), its category, and any detail. */
    public record Heard(String summary, String category, String detail) {
    }

    public static Visit record(long householdId, long communityId, Long campaignId, Visitor visitor, LocalDate visitedOn, String heard,
                               List<Heard> problems, LocalDate today) {
        if (visitedOn == null) {
            throw new IllegalArgumentException("请填写走访日期");
        }
        if (visitedOn.isAfter(today)) {
            throw new IllegalArgumentException("走访日期不能晚于今天");
        }
        if (visitedOn.isBefore(today.minusDays(DAYS_BACK))) {
            throw new IllegalArgumentException("只能补录 " + DAYS_BACK + " 天内的走访");
        }
        String text = heard == null || heard.isBlank() ? null : Texts.check("走访情况", heard.trim(), HEARD_LENGTH);
        List<Heard> told = problems == null ? List.of() : problems.stream().filter(p -> p != null && !blank(p)).toList();
        if (told.size() > MAX_PROBLEMS) {
            throw new IllegalArgumentException("一次走访最多记录 " + MAX_PROBLEMS + " 个问题");
        }
        for (int i = 0; i < told.size(); i++) {
            if (told.get(i).summary() == null || told.get(i).summary().isBlank()) {
                throw new IllegalArgumentException("第 " + (i + 1) + " 个问题请填写问题概述");
            }
            if (told.get(i).category() == null || told.get(i).category().isBlank()) {
                throw new IllegalArgumentException("第 " + (i + 1) + " 个问题请选择问题类别");
            }
        }
        return new Visit(householdId, communityId, campaignId, visitor, visitedOn, text,
                told.stream().map(p -> new Heard(p.summary().trim(), p.category().trim(),
                        p.detail() == null || p.detail().isBlank() ? null : p.detail().trim())).toList());
    }

    private static boolean blank(Heard p) {
        return (p.summary() == null || p.summary().isBlank()) && (p.detail() == null || p.detail().isBlank());
    }
}
