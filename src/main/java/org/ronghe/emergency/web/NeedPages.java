package org.ronghe.emergency.web;

import java.util.UUID;

import org.ronghe.emergency.NeedDesk;
import org.ronghe.emergency.NeedKind;
import org.ronghe.emergency.NeedQueries;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Residents' needs: the board of an emergency (open needs by community, each count opening the needs it counts) with
 * the quick need-entry form for community staff, and the needs of a member's teams.
 */
@Controller
class NeedPages {

    private final NeedQueries reads;
    private final NeedDesk desk;

    NeedPages(NeedQueries reads, NeedDesk desk) {
        this.reads = reads;
        this.desk = desk;
    }

    @GetMapping("/emergencies/{id}/needs")
    String board(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String community,
                 @RequestParam(required = false) String kind, @RequestParam(required = false) Boolean open,
                 @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean unrouted,
                 @RequestParam(required = false) Integer page, Model model) {
        NeedQueries.Board board = reads.board(user, id);
        model.addAttribute("board", board);
        model.addAttribute("kinds", NeedKind.values());
        NeedQueries.Filter filter = new NeedQueries.Filter(community, kind, open, overdue, unrouted);
        model.addAttribute("filter", filter);
        if (filter.any()) {
            model.addAttribute("result", reads.list(user, id, filter, PageQuery.of(page, 50)));
        }
        boolean enters = board.active() && (user.role() == Role.COMMUNITY_STAFF || user.role() == Role.STREET_STAFF
                || user.role() == Role.COMMITTEE_ADMIN);
        model.addAttribute("enters", enters);
        if (enters) {
            model.addAttribute("communities", reads.zoneCommunities(user, id));
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "emergencies/needs";
    }

    /** Community staff enter a resident's need: it is raised as an emergency call, once per form (its key). */
    @PostMapping("/emergencies/{id}/needs")
    String raise(CurrentUser user, @PathVariable long id, NeedDesk.NeedRequest need, @RequestParam(required = false) String key,
                 RedirectAttributes redirect) {
        try {
            long call = desk.raise(user, id, need, key);
            redirect.addFlashAttribute("done", "needs.entered");
            redirect.addFlashAttribute("call", call);
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/emergencies/" + id + "/needs";
    }

    /** The needs of the teams the member leads or belongs to; the member's call-up page loads it into itself. */
    @GetMapping("/emergencies/mine/needs")
    String mine(CurrentUser user, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("needs", reads.mine(user));
        return "true".equals(htmx) ? "emergencies/my-needs :: needs" : "emergencies/my-needs";
    }
}
