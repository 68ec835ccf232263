package org.ronghe.network.site;

import org.ronghe.platform.Labelled;

/** A service centre's level in the territory: where it sits decides which place it belongs to. */
public enum CentreLevel implements Labelled {

    /** The district's centre: belongs to no street. */
    DISTRICT("区级"),
    /** A street's centre: belongs to one street. */
    STREET("街道"),
    /** A community's centre: belongs to one community. */
    COMMUNITY("社区"),
    /** A station (驿站) in a community. */
    STATION("驿站");

    private final String label;

    CentreLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether a centre of this level names a community (else a street, or for the district nothing). */
    public boolean inCommunity() {
        return this == COMMUNITY || this == STATION;
    }
}
