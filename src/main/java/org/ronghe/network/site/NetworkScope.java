package org.ronghe.network.site;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who keeps which part of the network: the work committee all of it, a street's staff the street's centre and
 * the centres and points of its communities, a community's staff its own community's. Those who keep a site
 * also see its staff's phones; everyone else signed in reads the site with the phones masked.
 */
@Component
public class NetworkScope {

    private final DataScopes scopes;

    NetworkScope(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** Whether the person may change (and sees the phones of) a site in this place. */
    public boolean keeps(CurrentUser user, Place place) {
        return switch (user.role()) {
            case COMMITTEE_ADMIN -> true;
            case STREET_STAFF -> place.streetId() != null && scopes.of(user).seesStreet(place.streetId());
            case COMMUNITY_STAFF -> place.communityId() != null && scopes.of(user).seesCommunity(place.communityId());
            default -> false;
        };
    }

    public boolean seesPhones(CurrentUser user, Place place) {
        return keeps(user, place);
    }

    /** Refuses a person whose role keeps no site at all (403 before anything is read). */
    public void mayWrite(CurrentUser user) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.STREET_STAFF && user.role() != Role.COMMUNITY_STAFF) {
            throw new AccessDeniedException("只有区直机关工委、街道和社区工作人员可以维护服务阵地");
        }
    }

    /** Refuses a write to a site outside the person's street or community. */
    public void mayWrite(CurrentUser user, Place place, String what, String key) {
        mayWrite(user);
        if (!keeps(user, place)) {
            throw new OutOfScopeException(what, key);
        }
    }

    DataScope scopeOf(CurrentUser user) {
        return scopes.of(user);
    }
}
