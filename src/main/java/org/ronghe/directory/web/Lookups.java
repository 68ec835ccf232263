package org.ronghe.directory.web;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.link.Leaders;
import org.ronghe.directory.member.Members;
import org.ronghe.directory.organ.Organs;
import org.ronghe.directory.organ.PartyOrgs;
import org.ronghe.directory.territory.Communities;
import org.ronghe.directory.territory.Streets;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.springframework.stereotype.Component;

/**
 * Finds one record for a page or the API: 404 when it does not exist, 403 when it lies outside
 * the caller's scope, and personal data masked as the scope requires.
 */
@Component
class Lookups {

    private final DataScopes scopes;
    private final Streets streets;
    private final Communities communities;
    private final Organs organs;
    private final PartyOrgs partyOrgs;
    private final Members members;
    private final Leaders leaders;

    Lookups(DataScopes scopes, Streets streets, Communities communities, Organs organs, PartyOrgs partyOrgs,
            Members members, Leaders leaders) {
        this.scopes = scopes;
        this.streets = streets;
        this.communities = communities;
        this.organs = organs;
        this.partyOrgs = partyOrgs;
        this.members = members;
        this.leaders = leaders;
    }

    DataScope scope(CurrentUser user) {
        return scopes.of(user);
    }

    Streets.StreetRow street(DataScope scope, String code) {
        var row = streets.byCode(scope, code).orElseThrow(() -> new NotFoundException("街道", code));
        if (!scope.seesStreet(row.id())) {
            throw new OutOfScopeException("街道", code);
        }
        return row;
    }

    Communities.CommunityRow community(DataScope scope, String code) {
        var row = communities.byCode(scope, code).orElseThrow(() -> new NotFoundException("社区", code));
        if (!scope.seesCommunity(row.id())) {
            throw new OutOfScopeException("社区", code);
        }
        return row;
    }

    Organs.OrganRow organ(DataScope scope, String code) {
        var row = organs.byCode(scope, code).orElseThrow(() -> new NotFoundException("机关单位", code));
        if (!scope.seesOrgan(row.id())) {
            throw new OutOfScopeException("机关单位", code);
        }
        return row;
    }

    PartyOrgs.PartyOrgRow partyOrg(DataScope scope, String code) {
        var row = partyOrgs.byCode(code).orElseThrow(() -> new NotFoundException("党组织", code));
        if (!scope.seesPartyOrg(row.id(), row.organId(), row.communityId())) {
            throw new OutOfScopeException("党组织", code);
        }
        return row;
    }

    Members.MemberRow member(DataScope scope, String code) {
        var row = members.byCode(code).orElseThrow(() -> new NotFoundException("党员", code));
        if (!row.visibleIn(scope)) {
            throw new OutOfScopeException("党员", code);
        }
        return row.maskedFor(scope);
    }

    Leaders.LeaderRow leader(DataScope scope, String code) {
        var row = leaders.byCode(scope, code).orElseThrow(() -> new NotFoundException("区领导", code));
        if (!scope.seesLeader(row.id())) {
            throw new OutOfScopeException("区领导", code);
        }
        return row;
    }
}
