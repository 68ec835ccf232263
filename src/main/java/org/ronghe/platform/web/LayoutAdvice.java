package org.ronghe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.security.AccountPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in and where they are. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final TimeFormat format;

    LayoutAdvice(java.time.Clock clock) {
        this.format = new TimeFormat(clock.getZone());
    }

    @ModelAttribute("me")
    CurrentUser me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p.user() : null;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("fmt")
    TimeFormat fmt() {
        return format;
    }

    @ModelAttribute("links")
    PageLinks links(HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), request.getQueryString());
    }
}
