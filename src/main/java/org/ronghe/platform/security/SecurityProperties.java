package org.ronghe.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailures   consecutive wrong passwords that lock an account
 * @param lockout       how long the lock lasts
 * @param tokenLifetime how long an API token stays valid
 */
@ConfigurationProperties("ronghe.security")
record SecurityProperties(@DefaultValue("5") int maxFailures,
                          @DefaultValue("10m") Duration lockout,
                          @DefaultValue("8h") Duration tokenLifetime) {
}
