package org.ronghe.calls.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.ronghe.calls.directive.Directive;
import org.ronghe.calls.directive.Directives;
import org.ronghe.directory.Directory;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directive board: issue, follow who has not answered, answer. */
@Controller
class DirectivePages {

    private final Directives directives;
    private final Directory directory;
    private final java.time.ZoneId zone;

    DirectivePages(Directives directives, Directory directory, java.time.Clock clock) {
        this.directives = directives;
        this.directory = directory;
        this.zone = clock.getZone();
    }

    @GetMapping("/directives")
    String list(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", directives.page(user, PageQuery.of(page, 50)));
        return "calls/directives";
    }

    @GetMapping("/directives/new")
    String form(Model model) {
        model.addAttribute("audiences", Directive.Audience.values());
        model.addAttribute("organs", directory.organs());
        model.addAttribute("streets", directory.streets());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "calls/directive-new";
    }

    @PostMapping("/directives")
    String issue(CurrentUser user, @RequestParam String title, @RequestParam(required = false) String body,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
                 @RequestParam Directive.Audience audience, @RequestParam(required = false) List<String> organs,
                 @RequestParam(required = false) List<String> streets, @RequestParam String key,
                 RedirectAttributes redirect, Model model) {
        try {
            var issued = directives.issue(user, new Directives.NewDirective(title, body, deadline.atZone(zone).toInstant(),
                    audience, organs, streets, List.of()), key);
            return "redirect:/directives/" + issued.id();
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return form(model);
        }
    }

    @GetMapping("/directives/{id}")
    String directive(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("d", directives.view(user, id));
        return "calls/directive";
    }

    @PostMapping("/directives/{id}/{action}")
    String answer(CurrentUser user, @PathVariable long id, @PathVariable String action,
                  @RequestParam(required = false) String report, RedirectAttributes redirect) {
        try {
            if (action.equals("complete")) {
                directives.complete(user, id, report);
            } else {
                directives.acknowledge(user, id);
            }
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/directives/" + id;
    }
}
