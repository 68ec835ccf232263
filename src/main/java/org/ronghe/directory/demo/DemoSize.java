package org.ronghe.directory.demo;

/**
 * How big the demo district is. {@link #FULL} has the shape of the district in the research
 * report; {@link #SMALL} keeps every kind of record and every rule finding, for fast tests.
 */
public enum DemoSize {
    FULL(22, 212, 55, 569, 10_400, 30),
    SMALL(3, 8, 5, 24, 320, 4);

    final int streets;
    final int communities;
    final int organs;
    final int partyOrgs;
    final int members;
    final int leaders;

    DemoSize(int streets, int communities, int organs, int partyOrgs, int members, int leaders) {
        this.streets = streets;
        this.communities = communities;
        this.organs = organs;
        this.partyOrgs = partyOrgs;
        this.members = members;
        this.leaders = leaders;
    }

    public int streets() {
        return streets;
    }

    public int communities() {
        return communities;
    }

    public int organs() {
        return organs;
    }

    /** Grassroots organisations: committees, general branches and branches. */
    public int partyOrgs() {
        return partyOrgs;
    }

    /** Roughly how many members; the exact number follows from the seed. */
    public int members() {
        return members;
    }

    public int leaders() {
        return leaders;
    }
}
