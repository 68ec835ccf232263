package org.ronghe.visits.web;

import org.ronghe.visits.VisitScope;
import org.ronghe.visits.household.Household;
import org.ronghe.visits.household.Households;

/** A household as a person may see it: the head's phone masked unless their role needs it. */
record HouseholdView(long id, String code, String community, String communityName, String grid, String compound, String building,
                     String address, String headName, String headPhone, boolean assignedToMe, int visits) {

    static HouseholdView of(Households.Listed listed, VisitScope scope) {
        Household h = scope.seesPhone(listed.household().communityId(), listed.assignedToMe()) ? listed.household()
                : listed.household().masked();
        return new HouseholdView(h.id(), h.code(), h.communityCode(), h.communityName(), h.gridCode(), h.compound(), h.building(),
                h.address(), h.headName(), h.headPhone(), listed.assignedToMe(), listed.visits());
    }
}
