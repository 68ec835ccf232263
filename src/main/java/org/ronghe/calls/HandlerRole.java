package org.ronghe.calls;

/** How an organ takes part in a call: the lead handler (主办), a co-handler (协办), or summoned by a whistle (吹哨). */
public enum HandlerRole {
    LEAD("主办"),
    CO("协办"),
    WHISTLED("吹哨报到");

    private final String label;

    HandlerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
