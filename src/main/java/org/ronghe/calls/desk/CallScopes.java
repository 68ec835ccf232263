package org.ronghe.calls.desk;

import java.util.Set;

import org.ronghe.calls.CallScope;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.CurrentUser;
import org.springframework.stereotype.Component;

/** Turns a person's place in the tree into the calls they may see. */
@Component
public class CallScopes {

    private final DataScopes scopes;

    CallScopes(DataScopes scopes) {
        this.scopes = scopes;
    }

    public CallScope of(CurrentUser user) {
        if (user.role().seesWholeTree()) {
            return CallScope.everything();
        }
        DataScope scope = scopes.of(user);
        return switch (user.role()) {
            case ORGAN_SECRETARY -> new CallScope(false, scope.memberOrgans(), Set.of(), Set.of(), null);
            case COMMUNITY_STAFF -> new CallScope(false, Set.of(), Set.of(), scope.communities(), null);
            case STREET_STAFF, LEADER -> new CallScope(false, Set.of(), scope.streets(), Set.of(), null);
            default -> new CallScope(false, Set.of(), Set.of(), Set.of(), user.username());
        };
    }
}
