package org.ronghe.partylife.responsibility;

/** Where a duty item stands, computed from the records and today's date, never typed. */
public enum ItemStatus {
    FULFILLED("已完成"),
    OPEN("推进中"),
    OVERDUE("逾期未完成"),
    WITHDRAWN("已撤回");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
