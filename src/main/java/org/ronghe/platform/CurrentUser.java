package org.ronghe.platform;

/**
 * The signed-in person as the modules see them.
 *
 * @param scopeCode the code of the place in the tree the role is anchored to (organ, street,
 *                  community, leader or member code, see {@link Role}); {@code null} for administrators
 */
public record CurrentUser(long accountId, String username, String displayName, Role role, String scopeCode) {

    public boolean administers() {
        return role.administers();
    }
}
