package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** A place in the command structure (the “1+4+10+N”): the commander, a deputy, or the lead of a named group. */
public enum CommandRole implements Labelled {
    COMMANDER("总指挥"), DEPUTY("副总指挥"), GROUP("工作组");

    private final String label;

    CommandRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
