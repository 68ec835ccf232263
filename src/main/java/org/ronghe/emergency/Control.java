package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** How tightly an area of the zone is held. */
public enum Control implements Labelled {
    SEALED("封控"), CONTROLLED("管控");

    private final String label;

    Control(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
