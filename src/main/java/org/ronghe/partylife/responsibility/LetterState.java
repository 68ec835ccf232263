package org.ronghe.partylife.responsibility;

/** A responsibility letter is issued by the committee, then signed by the organ's secretary. */
public enum LetterState {
    ISSUED("已下达"),
    SIGNED("已签订");

    private final String label;

    LetterState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
