package org.ronghe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.security.SignInThrottledException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class HomeController {

    private final Figures figures;

    HomeController(Figures figures) {
        this.figures = figures;
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        model.addAttribute("figures", figures.of(user));
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where a throttled sign-in is forwarded: the sign-in page again, with 429 and the time to wait. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute(SignInThrottledException.REQUEST_ATTRIBUTE);
        if (seconds == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("throttled", seconds);
        return "login";
    }
}
