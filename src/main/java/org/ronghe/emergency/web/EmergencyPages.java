package org.ronghe.emergency.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ronghe.directory.Directory;
import org.ronghe.directory.DataScopes;
import org.ronghe.emergency.CallUpDesk;
import org.ronghe.emergency.Control;
import org.ronghe.emergency.EmergencyDesk;
import org.ronghe.emergency.EmergencyKind;
import org.ronghe.emergency.EmergencyQueries;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency pages: the list with the committee's declare form, one emergency (zone, command, temporary branches,
 * teams, posts, call-ups whose counts refresh themselves), and a member's call-ups with two big buttons.
 */
@Controller
class EmergencyPages {

    private final EmergencyQueries reads;
    private final EmergencyDesk desk;
    private final CallUpDesk callUps;
    private final Directory directory;
    private final DataScopes scopes;

    EmergencyPages(EmergencyQueries reads, EmergencyDesk desk, CallUpDesk callUps, Directory directory, DataScopes scopes) {
        this.reads = reads;
        this.desk = desk;
        this.callUps = callUps;
        this.directory = directory;
        this.scopes = scopes;
    }

    @GetMapping("/emergencies")
    String list(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.list(user, null, PageQuery.of(page, 50)));
        boolean declares = user.role() == Role.COMMITTEE_ADMIN;
        model.addAttribute("declares", declares);
        model.addAttribute("kinds", EmergencyKind.values());
        model.addAttribute("communities", declares ? directory.communities(scopes.of(user)) : List.of());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "emergencies/list";
    }

    @PostMapping("/emergencies")
    String declare(CurrentUser user, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) List<String> sealed,
                   @RequestParam(required = false) List<String> controlled, @RequestParam(required = false) String key,
                   Model model, RedirectAttributes redirect) {
        List<EmergencyDesk.AreaRequest> zone = new ArrayList<>();
        (sealed == null ? List.<String>of() : sealed).forEach(c -> zone.add(new EmergencyDesk.AreaRequest(c, null, Control.SEALED.name())));
        (controlled == null ? List.<String>of() : controlled).stream().filter(c -> sealed == null || !sealed.contains(c))
                .forEach(c -> zone.add(new EmergencyDesk.AreaRequest(c, null, Control.CONTROLLED.name())));
        try {
            EmergencyDesk.Created created = desk.declare(user, new EmergencyDesk.Declaration(code, name, kind, null, zone), key);
            redirect.addFlashAttribute("done", "emergencies.declared");
            return "redirect:/emergencies/" + created.id();
        } catch (IllegalArgumentException | ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return list(user, null, model);
        }
    }

    @GetMapping("/emergencies/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("e", reads.detail(user, id));
        boolean organiser = user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.STREET_STAFF || user.role() == Role.ORGAN_SECRETARY;
        model.addAttribute("organiser", user.role() != Role.MEMBER);
        model.addAttribute("callsUp", organiser);
        model.addAttribute("key", UUID.randomUUID().toString());
        return "emergencies/emergency";
    }

    /** The call-ups panel alone, polled by htmx so the counts stay live. */
    @GetMapping("/emergencies/{id}/call-ups-panel")
    String panel(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("e", reads.detail(user, id));
        model.addAttribute("organiser", user.role() != Role.MEMBER);
        return "emergencies/emergency :: callUps";
    }

    /** An organiser calls up the residents of the zone they see, once per form (its key). */
    @PostMapping("/emergencies/{id}/call-ups")
    String callUp(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String key, RedirectAttributes redirect) {
        try {
            CallUpDesk.Created created = callUps.callUp(user, id, new CallUpDesk.CallUpRequest(title, true, null, null, null), key);
            redirect.addFlashAttribute("done", "emergencies.calledUp");
            redirect.addFlashAttribute("called", created.called());
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/emergencies/" + id;
    }

    @GetMapping("/emergencies/mine")
    String mine(CurrentUser user, Model model) {
        model.addAttribute("callUps", reads.mine(user));
        return "emergencies/mine";
    }

    @PostMapping("/emergencies/{id}/call-ups/{callUp}/answer")
    String answer(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            callUps.answer(user, id, callUp, new CallUpDesk.AnswerRequest(answer, reason));
            redirect.addFlashAttribute("done", "REPORTING".equals(answer) ? "emergencies.reported" : "emergencies.excused");
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/emergencies/mine";
    }
}
