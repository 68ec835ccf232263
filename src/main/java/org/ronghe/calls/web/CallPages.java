package org.ronghe.calls.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.desk.Inbox;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The call pages: raise, my work, the dispatcher queue, the overdue board, the list, and a call with its actions. */
@Controller
class CallPages {

    private final CallDesk desk;
    private final CallQueries queries;
    private final CallScopes scopes;
    private final CallViews views;
    private final Inbox inbox;
    private final Directory directory;
    private final DataScopes dataScopes;
    private final ZoneId zone;
    private final List<org.ronghe.calls.CallSources> sources;

    CallPages(CallDesk desk, CallQueries queries, CallScopes scopes, CallViews views, Inbox inbox, Directory directory,
              DataScopes dataScopes, java.time.Clock clock, List<org.ronghe.calls.CallSources> sources) {
        this.sources = sources;
        this.desk = desk;
        this.queries = queries;
        this.scopes = scopes;
        this.views = views;
        this.inbox = inbox;
        this.directory = directory;
        this.dataScopes = dataScopes;
        this.zone = clock.getZone();
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser user, Model model) {
        model.addAttribute("inbox", inbox.of(user));
        return "calls/inbox";
    }

    @GetMapping("/calls")
    String list(CurrentUser user, @RequestParam(required = false) CallState state, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String lead, @RequestParam(required = false) String street,
                @RequestParam(required = false) String community, @RequestParam(required = false) String category,
                @RequestParam(required = false) Origin origin, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Boolean queue, @RequestParam(required = false) Boolean open,
                @RequestParam(required = false) String q,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Rating rating, @RequestParam(required = false) Boolean solved,
                @RequestParam(required = false) Urgency urgency,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repliedOn,
                @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new CallQueries.Filter(state, organ, lead, street, community, category, origin, overdue, queue, open, q,
                from, to, rating, solved, urgency, repliedOn);
        model.addAttribute("filter", filter);
        model.addAttribute("states", CallState.values());
        model.addAttribute("categories", directory.categories());
        model.addAttribute("result", queries.page(scopes.of(user), filter, PageQuery.of(page, 50)));
        return "true".equals(htmx) ? "calls/list :: results" : "calls/list";
    }

    @GetMapping("/calls/queue")
    String queue(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", queries.page(scopes.of(user), CallQueries.Filter.none().withQueue(), PageQuery.of(page, 50)));
        model.addAttribute("organs", directory.organs());
        return "calls/queue";
    }

    @GetMapping("/calls/overdue")
    String overdue(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", queries.page(scopes.of(user), CallQueries.Filter.none().withOverdue(), PageQuery.of(page, 100)));
        return "calls/overdue";
    }

    @GetMapping("/calls/new")
    String form(CurrentUser user, Model model) {
        model.addAttribute("categories", directory.categories());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("communities", directory.communities(dataScopes.of(user)));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "calls/new";
    }

    @PostMapping("/calls")
    String raise(CurrentUser user, CallDesk.NewCall call, @RequestParam String key, RedirectAttributes redirect, Model model) {
        try {
            var raised = desk.raise(user, call, key);
            redirect.addFlashAttribute("done", raised.replayed() ? "calls.replayed" : "calls.raised");
            return "redirect:/calls/" + raised.id();
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", call);
            return form(user, model);
        }
    }

    @GetMapping("/calls/{id}")
    String call(CurrentUser user, @PathVariable long id, Model model) {
        CallView view = views.of(user, id);
        model.addAttribute("call", view);
        model.addAttribute("sources", sources.stream().flatMap(s -> s.of(user, id).stream()).toList());
        model.addAttribute("ratings", Rating.values());
        if (view.actions().contains(CallDesk.Action.DISPATCH) || view.actions().contains(CallDesk.Action.WHISTLE)) {
            model.addAttribute("organs", directory.organs());
        }
        return "calls/call";
    }

    @PostMapping("/calls/{id}/{action}")
    String act(CurrentUser user, @PathVariable long id, @PathVariable String action,
               @RequestParam(required = false) String lead, @RequestParam(required = false) List<String> organs,
               @RequestParam(required = false) String text, @RequestParam(required = false) String reason,
               @RequestParam(required = false) Rating rating, @RequestParam(required = false) Boolean solved,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until,
               @RequestParam(required = false) Boolean approve, RedirectAttributes redirect) {
        Consumer<CallDesk> step = switch (action) {
            case "dispatch" -> d -> d.dispatch(user, id, lead, organs);
            case "accept" -> d -> d.accept(user, id);
            case "return" -> d -> d.giveBack(user, id, reason);
            case "reply" -> d -> d.reply(user, id, text);
            case "rate" -> d -> d.rate(user, id, rating, Boolean.TRUE.equals(solved), text);
            case "reopen" -> d -> d.reopen(user, id, reason);
            case "extend" -> d -> d.requestExtension(user, id, until == null ? null : until.atZone(zone).toInstant(), reason);
            case "decide-extension" -> d -> d.decideExtension(user, id, Boolean.TRUE.equals(approve));
            case "whistle" -> d -> d.whistle(user, id, organs);
            case "checkin" -> d -> d.checkIn(user, id);
            default -> throw new IllegalArgumentException("未知操作：" + action);
        };
        try {
            step.accept(desk);
            redirect.addFlashAttribute("done", "calls.done." + action);
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/calls/" + id;
    }


    static boolean raises(Role role) {
        return role == Role.COMMUNITY_STAFF || role == Role.STREET_STAFF || role == Role.COMMITTEE_ADMIN;
    }
}
