package org.ronghe.platform;

import java.util.Optional;

/** Sign-in accounts, as other modules may create and read them (e.g. the demo district). */
public interface Accounts {

    /**
     * Creates an account unless one with that username exists.
     *
     * @return {@code true} when the account was created
     */
    boolean createIfAbsent(NewAccount account);

    Optional<CurrentUser> byUsername(String username);

    record NewAccount(String username, String displayName, Role role, String scopeCode, String rawPassword, boolean demo) {
    }
}
