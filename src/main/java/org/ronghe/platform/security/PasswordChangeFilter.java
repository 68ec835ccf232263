package org.ronghe.platform.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ronghe.platform.account.PasswordRules;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a signed-in person must change their password (first sign-in, or too old), every page but the
 * password page and signing out leads to the password page.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final Set<String> OPEN = Set.of(PASSWORD_PAGE, "/logout", "/login", "/error");
    private static final Set<String> ASSETS = Set.of("/css/", "/js/", "/img/", "/webjars/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(PasswordRules.SESSION_ATTRIBUTE) == null || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        String target = request.getContextPath() + PASSWORD_PAGE;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.sendRedirect(target);
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN.contains(path) || ASSETS.stream().anyMatch(path::startsWith) || path.equals("/favicon.ico");
    }
}
