package org.ronghe.platform;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers every door sets (pages, JSON API, Open311): a Content-Security-Policy, no
 * framing, no MIME sniffing, no referrer leaving the site. Spring Security adds {@code X-Frame-Options:
 * DENY}, {@code X-Content-Type-Options: nosniff} and no-cache headers by default; HSTS on HTTPS.
 */
public final class SecurityHeaders {

    /**
     * Pages: scripts and styles only from the application itself (no inline code, so no nonces are
     * needed: htmx, ECharts and the page scripts are files), images also as data: URLs (ECharts).
     */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    /** Swagger UI (a developer's page, under /swagger-ui/) sets inline styles from its bundle; nothing else may. */
    public static final String API_DOCS_POLICY = PAGE_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    /** API answers are data, never documents to render. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Only the call form may ask for the device's position (it is the page's own origin). */
    public static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";

    private SecurityHeaders() {
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
        RequestMatcher apiDocs = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        return headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiDocs),
                        new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiDocs,
                        new ContentSecurityPolicyHeaderWriter(API_DOCS_POLICY)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY));
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
    }
}
