package org.ronghe.platform.web;

import org.ronghe.platform.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
}
