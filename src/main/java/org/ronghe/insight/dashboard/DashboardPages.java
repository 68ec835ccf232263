package org.ronghe.insight.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard page and the wall screen (大屏). Both are shells: their charts load from {@link DashboardApi}
 * ({@code static/js/dashboard.js}), and the wall screen fetches again every {@code ronghe.dashboard.refresh-seconds}.
 */
@Controller
class DashboardPages {

    private final int refreshSeconds;

    DashboardPages(@Value("${ronghe.dashboard.refresh-seconds:60}") int refreshSeconds) {
        this.refreshSeconds = Math.max(5, refreshSeconds);
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        model.addAttribute("refreshSeconds", 0);
        return "dashboard/index";
    }

    @GetMapping("/dashboard/wall")
    String wall(Model model) {
        model.addAttribute("refreshSeconds", refreshSeconds);
        return "dashboard/wall";
    }
}
