package org.ronghe.visits.household;

import org.ronghe.platform.Masking;

/**
 * A household of a community: where it lives and who to ask for. The head's phone is personal data,
 * masked unless the viewer's role needs it.
 */
public record Household(long id, String code, long communityId, String communityCode, String communityName, Long gridId,
                        String gridCode, String compound, String building, String address, String headName, String headPhone) {

    public Household masked() {
        return new Household(id, code, communityId, communityCode, communityName, gridId, gridCode, compound, building, address,
                headName, Masking.phone(headPhone));
    }

    /** The address as a visitor reads it on the doorstep. */
    public String place() {
        StringBuilder place = new StringBuilder(address);
        if (compound != null && !address.contains(compound)) {
            place.insert(0, compound + " ");
        }
        if (building != null && !address.contains(building)) {
            place.append(" ").append(building);
        }
        return place.toString();
    }
}
