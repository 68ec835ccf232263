package org.ronghe.platform;

import java.io.Serializable;

/**
 * The signed-in person as the modules see them. Serializable because a page session keeps it in the
 * database (Spring Session JDBC), where any node reads it back.
 *
 * @param scopeCode the code of the place in the tree the role is anchored to (organ, street,
 *                  community, leader or member code, see {@link Role}); {@code null} for administrators
 */
public record CurrentUser(long accountId, String username, String displayName, Role role, String scopeCode) implements Serializable {

    public boolean administers() {
        return role.administers();
    }
}
