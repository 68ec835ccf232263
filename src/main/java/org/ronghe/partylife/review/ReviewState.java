package org.ronghe.partylife.review;

/** Where a review stands: self-reviews and peer reviews (OPEN), the vote (VOTING), the branch's decision (DECIDED, frozen). */
public enum ReviewState {
    OPEN("自评互评"), VOTING("投票中"), DECIDED("已评定");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
