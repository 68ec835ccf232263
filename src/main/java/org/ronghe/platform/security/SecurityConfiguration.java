package org.ronghe.platform.security;

import java.time.Clock;

import org.ronghe.platform.DatabaseUnavailable;
import org.ronghe.platform.SecurityHeaders;
import org.ronghe.platform.account.JdbcAccounts;
import org.ronghe.platform.account.PasswordRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two doors: the JSON API and the operations endpoints take bearer tokens and answer with problem
 * details; the pages take a form sign-in with a session, CSRF protection and a 30-minute idle timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] ADMINS = {"SYSTEM_ADMIN", "COMMITTEE_ADMIN"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(JdbcAccounts accounts, PasswordEncoder encoder,
                                                SecurityProperties properties, Clock clock, SignInLimits limits) {
        return new ProviderManager(new LockingAuthenticationProvider(accounts, encoder, properties, clock, limits));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ProblemResponses problems,
                            AuthenticationManager authenticationManager) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.api())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens", "/api/v1/auth/password").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("SYSTEM_ADMIN")
                        .requestMatchers("/api/v1/audit/**", "/api/v1/accounts/**").hasAnyRole(ADMINS)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "未认证", "请在 Authorization 头中提供 Bearer 令牌"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                "forbidden", "无权访问", ex.getMessage())))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                        PasswordRules passwordRules) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();
        home.setDefaultTargetUrl("/");
        return http
                .authenticationManager(authenticationManager)
                .addFilterAfter(new PasswordChangeFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/throttled", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/audit/**", "/accounts/**", "/calendar/**").hasAnyRole(ADMINS)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler((req, res, auth) -> {
                            // A password someone else chose, or an old one, is changed before anything else
                            var reason = passwordRules.beforePages(auth.getName());
                            if (reason.isPresent()) {
                                req.getSession().setAttribute(PasswordRules.SESSION_ATTRIBUTE, reason.get().name());
                                res.sendRedirect(req.getContextPath() + PasswordChangeFilter.PASSWORD_PAGE);
                                return;
                            }
                            home.onAuthenticationSuccess(req, res, auth);
                        })
                        .failureHandler((req, res, ex) -> {
                            if (DatabaseUnavailable.causes(ex)) {
                                // The account could not be read: not "wrong password", but the error page with 503
                                res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                                res.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                                return;
                            }
                            if (ex instanceof SignInThrottledException throttled) {
                                // 429 with the sign-in page and its message, rather than a redirect that would hide the status
                                res.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                                res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                                req.setAttribute(SignInThrottledException.REQUEST_ATTRIBUTE, throttled.retryAfterSeconds());
                                req.getRequestDispatcher("/login/throttled").forward(req, res);
                                return;
                            }
                            res.sendRedirect(req.getContextPath()
                                    + (ex instanceof LockedException ? "/login?locked" : "/login?error"));
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(SecurityHeaders.pages())
                .build();
    }
}
