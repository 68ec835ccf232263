package org.ronghe.visits;

import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Service;

/** Works out a person's {@link VisitScope} from the directory's data scope. */
@Service
public class VisitScopes {

    private final DataScopes scopes;
    private final Directory directory;

    VisitScopes(DataScopes scopes, Directory directory) {
        this.scopes = scopes;
        this.directory = directory;
    }

    public VisitScope of(CurrentUser user) {
        var scope = scopes.of(user);
        Long leader = user.role() == Role.LEADER && user.scopeCode() != null ? directory.leaderId(user.scopeCode()).orElse(null) : null;
        return new VisitScope(scope, user.role(), user.role() == Role.MEMBER ? scope.self() : null, leader);
    }
}
