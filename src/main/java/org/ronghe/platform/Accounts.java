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

    /**
     * @param passwordSource where the password comes from; an {@link PasswordSource#INITIAL} one must be
     *                       changed at the first sign-in
     */
    record NewAccount(String username, String displayName, Role role, String scopeCode, String rawPassword, boolean demo,
                      PasswordSource passwordSource) {

        /** An account whose password someone else chose for its owner: changed at the first sign-in. */
        public NewAccount(String username, String displayName, Role role, String scopeCode, String rawPassword, boolean demo) {
            this(username, displayName, role, scopeCode, rawPassword, demo, PasswordSource.INITIAL);
        }
    }

    /** Where a password came from, which decides when its owner must change it (see docs/security.md). */
    enum PasswordSource {
        /** From the operator's configuration ({@code RONGHE_ADMIN_PASSWORD}, {@code RONGHE_DEMO_PASSWORD}): usable at once. */
        CONFIGURED,
        /** Chosen for the owner (an administrator, a reset, a generated one): changed at the first sign-in. */
        INITIAL,
        /** Chosen by the owner: changed when older than {@code ronghe.password.max-age}. */
        OWN
    }
}
