package org.ronghe.partylife;

import java.util.Map;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.SqlWhere.SqlClause;

/**
 * Whose meetings and compliance a person sees. A party organisation's are visible to its members and the
 * members of the organisations above it (a member sees their own organisation, those below it and those above
 * it, never a peer's), to its organ's secretary and to the committee: the secretary and the committee through
 * {@link DataScope#partyOrgs}. Street, community and leader accounts see none.
 *
 * @param dataScope the person's directory scope; {@code null} for a member or a role that sees no meetings
 * @param own       for a member: their organisation, those below it and those above it
 */
public record PartyLifeScope(DataScope dataScope, Set<Long> own) {

    public static PartyLifeScope none() {
        return new PartyLifeScope(null, Set.of());
    }

    public boolean all() {
        return dataScope != null && dataScope.all();
    }

    /** @param alias the party_org table alias */
    public SqlClause partyOrgs(String alias) {
        if (dataScope != null) {
            return dataScope.partyOrgs(alias);
        }
        return own.isEmpty() ? SqlClause.FALSE : new SqlClause(alias + ".id IN (:pl_own)", Map.of("pl_own", own));
    }

    public boolean sees(long partyOrgId, Long organId, Long communityId) {
        if (dataScope != null) {
            return dataScope.seesPartyOrg(partyOrgId, organId, communityId);
        }
        return own.contains(partyOrgId);
    }
}
