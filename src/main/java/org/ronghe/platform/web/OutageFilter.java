package org.ronghe.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.DatabaseUnavailable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database can also fail before any controller runs: the bearer-token check reads the token on every
 * API request. Such a failure reaches the container, which would answer 500; this filter, outside the
 * security filters, answers 503 instead — a problem detail for the API and the operations endpoints, the
 * error page for everything else.
 */
@Configuration(proxyBeanMethods = false)
class OutageFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
        // Before Spring Security's chain (order -100), so its failures pass through here.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final JsonMapper json;

        Filter(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
                    throw e;
                }
                answer(request, response);
            }
        }

        private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/") && !path.startsWith("/actuator/")) {
                response.sendError(503);
                return;
            }
            ProblemDetail problem = ApiProblems.unavailable().getBody();
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(503);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
