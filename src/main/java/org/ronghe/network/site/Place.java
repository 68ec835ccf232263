package org.ronghe.network.site;

/**
 * Where a centre or point belongs in the territory: the street is set for every site but the district
 * centre (for a community's site it is the community's street), the community for community sites.
 */
public record Place(Long streetId, String streetCode, String streetName, Long communityId, String communityCode,
                    String communityName) {

    public static final Place DISTRICT = new Place(null, null, null, null, null, null);
}
