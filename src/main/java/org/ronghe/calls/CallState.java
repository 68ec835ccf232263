package org.ronghe.calls;

/** Where a call stands. RAISED and RETURNED calls wait in the dispatcher queue. */
public enum CallState {
    RAISED("待派单"),
    DISPATCHED("已派单"),
    RETURNED("已退单"),
    ACCEPTED("已签收"),
    REPLIED("已办结"),
    CLOSED("已关闭");

    private final String label;

    CallState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED;
    }

    public boolean inQueue() {
        return this == RAISED || this == RETURNED;
    }
}
