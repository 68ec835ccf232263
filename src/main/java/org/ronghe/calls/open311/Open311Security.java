package org.ronghe.calls.open311;

import org.ronghe.platform.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A door of its own for Open311, ahead of the platform's two: no session, no CSRF token, no sign-in.
 * Reading is public by the specification; creating a request needs an api_key, which the controller checks.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    @Order(0)
    SecurityFilterChain open311FilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/open311/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.api())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
