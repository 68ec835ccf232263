package org.ronghe.platform;

import java.util.Optional;

/**
 * Names the place in the tree that an account's scope code points at, so the platform can refuse
 * an account anchored nowhere. The directory implements it; the platform does not know the tree.
 */
public interface ScopeAnchors {

    /** @return the place's name, or empty when no place of the role's kind has this code */
    Optional<String> placeOf(Role role, String scopeCode);
}
