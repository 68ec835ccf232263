package org.ronghe.platform.security;

import java.security.SecureRandom;

import org.ronghe.platform.Accounts;
import org.ronghe.platform.PasswordPolicy;
import org.ronghe.platform.Passwords;
import org.ronghe.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the system administrator {@code admin} exists. Its password comes from
 * {@code RONGHE_ADMIN_PASSWORD}, or is generated and printed once, at the first start only.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final Accounts accounts;
    private final String configuredPassword;

    AdminBootstrap(Accounts accounts, @Value("${RONGHE_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword.isBlank();
        if (!generated && !PasswordPolicy.accepts(configuredPassword)) {
            throw new IllegalStateException("RONGHE_ADMIN_PASSWORD does not meet the password policy: "
                    + String.join("; ", PasswordPolicy.violations(configuredPassword)));
        }
        String password = generated ? Passwords.generate(new SecureRandom()) : configuredPassword;
        if (accounts.createIfAbsent(new Accounts.NewAccount(ADMIN, "系统管理员", Role.SYSTEM_ADMIN, null, password, false,
                generated ? Accounts.PasswordSource.INITIAL : Accounts.PasswordSource.CONFIGURED))) {
            if (generated) {
                log.warn("Created the system administrator '{}' with the generated password: {}  "
                        + "(shown once, to be changed at the first sign-in; set RONGHE_ADMIN_PASSWORD to choose it)", ADMIN, password);
            } else {
                log.info("Created the system administrator '{}' with the password from RONGHE_ADMIN_PASSWORD", ADMIN);
            }
        }
    }
}
