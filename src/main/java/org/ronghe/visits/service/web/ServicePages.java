package org.ronghe.visits.service.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.ronghe.platform.Xlsx;
import org.ronghe.visits.service.CheckIn;
import org.ronghe.visits.service.Feedback;
import org.ronghe.visits.service.ServiceDesk;
import org.ronghe.visits.service.ServiceItem;
import org.ronghe.visits.service.ServiceLog;
import org.ronghe.visits.service.ServiceQueries;
import org.ronghe.visits.service.ServiceScope;
import org.ronghe.visits.service.ServiceThresholds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The service pages: a member's and a community's desk, the lists behind the figures, the feedback sheet, the thresholds. */
@Controller
class ServicePages {

    private final ServiceDesk desk;
    private final ServiceQueries queries;
    private final Feedback feedback;
    private final ServiceThresholds thresholds;

    ServicePages(ServiceDesk desk, ServiceQueries queries, Feedback feedback, ServiceThresholds thresholds) {
        this.desk = desk;
        this.queries = queries;
        this.feedback = feedback;
        this.thresholds = thresholds;
    }

    @GetMapping("/service")
    String home(CurrentUser user, Model model) {
        ServiceScope scope = desk.scopeOf(user);
        PageQuery first = PageQuery.of(1, 50);
        model.addAttribute("role", user.role().name());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("kinds", ServiceItem.Kind.values());
        model.addAttribute("today", LocalDate.now());
        if (user.role() == Role.MEMBER) {
            model.addAttribute("checkIns", queries.checkIns(scope, ServiceQueries.CheckInFilter.none(), PageQuery.of(1, 5)).items());
            model.addAttribute("openItems", queries.items(scope, new ServiceQueries.ItemFilter(ServiceItem.State.OPEN, null, null), first).items());
            model.addAttribute("myItems", queries.items(scope, new ServiceQueries.ItemFilter(ServiceItem.State.CLAIMED, null, null), first).items());
            model.addAttribute("logs", queries.logs(scope, ServiceQueries.LogFilter.none(), first));
        } else {
            model.addAttribute("pendingCheckIns", queries.checkIns(scope,
                    new ServiceQueries.CheckInFilter(CheckIn.State.REPORTED, null, null, null), first));
            model.addAttribute("items", queries.items(scope, ServiceQueries.ItemFilter.none(), first));
            model.addAttribute("pendingLogs", queries.logs(scope,
                    new ServiceQueries.LogFilter(ServiceLog.State.LOGGED, null, null, null, null, null), first));
        }
        return "service/home";
    }

    @GetMapping("/service/checkins")
    String checkIns(CurrentUser user, @RequestParam(required = false) CheckIn.State state,
                    @RequestParam(required = false) String community, @RequestParam(required = false) String organ,
                    @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("state", state);
        model.addAttribute("result", queries.checkIns(desk.scopeOf(user), new ServiceQueries.CheckInFilter(state, community, organ, null),
                PageQuery.of(page, 50)));
        return "service/checkins";
    }

    @GetMapping("/service/logs")
    String logs(CurrentUser user, @RequestParam(required = false) ServiceLog.State state,
                @RequestParam(required = false) String community, @RequestParam(required = false) String organ,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("state", state);
        model.addAttribute("result", queries.logs(desk.scopeOf(user),
                new ServiceQueries.LogFilter(state, null, community, organ, from, to), PageQuery.of(page, 50)));
        return "service/logs";
    }

    @GetMapping("/service/feedback")
    String feedback(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) String quarter,
                    Model model) {
        model.addAttribute("sheet", feedback.sheet(user, organ, quarter));
        return "service/feedback";
    }

    @GetMapping("/service/feedback.xlsx")
    void feedbackXlsx(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) String quarter,
                      HttpServletResponse response) throws IOException {
        Feedback.Sheet sheet = feedback.sheet(user, organ, quarter);
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"service-feedback-"
                + (sheet.organCode() == null ? "all" : sheet.organCode()) + "-" + sheet.quarter() + ".xlsx\"");
        feedback.xlsx(sheet, response.getOutputStream());
    }

    @GetMapping("/service/thresholds")
    String thresholds(CurrentUser user, Model model) {
        model.addAttribute("thresholds", thresholds.current());
        model.addAttribute("editable", user.role() == Role.COMMITTEE_ADMIN);
        return "service/thresholds";
    }

    @PostMapping("/service/thresholds")
    String changeThresholds(CurrentUser user, @RequestParam(required = false) Integer hoursPerYear,
                            @RequestParam(required = false) Integer serviceLogsPerQuarter, RedirectAttributes redirect) {
        return step(redirect, "/service/thresholds", () -> thresholds.update(user, hoursPerYear, serviceLogsPerQuarter));
    }

    // ---------------------------------------------------------------- forms

    @PostMapping("/service/checkins")
    String report(CurrentUser user, @RequestParam(required = false) String member, @RequestParam String key,
                  RedirectAttributes redirect) {
        return step(redirect, "/service", () -> desk.report(user, new ServiceDesk.NewCheckIn(member), key));
    }

    @PostMapping("/service/checkins/{id}/{action}")
    String checkIn(CurrentUser user, @PathVariable long id, @PathVariable String action,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, "/service", switch (action) {
            case "confirm" -> () -> desk.confirmCheckIn(user, id);
            case "decline" -> () -> desk.declineCheckIn(user, id, reason);
            default -> throw new IllegalArgumentException("未知操作：" + action);
        });
    }

    @PostMapping("/service/items")
    String publish(CurrentUser user, @RequestParam(required = false) String community,
                   @RequestParam(required = false) ServiceItem.Kind kind, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String description, @RequestParam(required = false) BigDecimal plannedHours,
                   @RequestParam(required = false) String dueOn, @RequestParam String key, RedirectAttributes redirect) {
        return step(redirect, "/service", () -> desk.publish(user,
                new ServiceDesk.NewItem(community, kind, title, description, plannedHours, dueOn), key));
    }

    @PostMapping("/service/items/{id}/{action}")
    String item(CurrentUser user, @PathVariable long id, @PathVariable String action,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(redirect, "/service", switch (action) {
            case "claim" -> () -> desk.claim(user, id);
            case "done" -> () -> desk.done(user, id);
            case "withdraw" -> () -> desk.withdraw(user, id, reason);
            default -> throw new IllegalArgumentException("未知操作：" + action);
        });
    }

    @PostMapping("/service/logs")
    String log(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) Long item,
               @RequestParam(required = false) String note, @RequestParam String key, RedirectAttributes redirect) {
        return step(redirect, "/service", () -> desk.log(user, new ServiceDesk.NewLog(date, hours, item, note), key));
    }

    @PostMapping("/service/logs/{id}/{action}")
    String logStep(CurrentUser user, @PathVariable long id, @PathVariable String action,
                   @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return step(redirect, "/service", switch (action) {
            case "confirm" -> () -> desk.confirmLog(user, id, text);
            case "reject" -> () -> desk.rejectLog(user, id, text);
            default -> throw new IllegalArgumentException("未知操作：" + action);
        });
    }

    private static String step(RedirectAttributes redirect, String back, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", "service.done");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }
}
