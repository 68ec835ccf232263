package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** 党员突击队 or 党群先锋队. */
public enum TeamKind implements Labelled {
    COMMANDO("党员突击队"), VANGUARD("党群先锋队");

    private final String label;

    TeamKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
