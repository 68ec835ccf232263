package org.ronghe.calls.web;

import java.time.LocalDate;

import org.ronghe.calls.ReplyClass;
import org.ronghe.calls.TimeLimit;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.limits.CallLimits;
import org.ronghe.calls.metrics.CallMetrics;
import org.ronghe.platform.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rates of call handling, and the time limits of each category (editable by the work committee). */
@Controller
class CallSettingsPages {

    private final CallMetrics metrics;
    private final CallScopes scopes;
    private final CallLimits limits;

    CallSettingsPages(CallMetrics metrics, CallScopes scopes, CallLimits limits) {
        this.metrics = metrics;
        this.scopes = scopes;
        this.limits = limits;
    }

    @GetMapping("/calls/metrics")
    String metrics(CurrentUser user, @RequestParam(defaultValue = "ORGAN") CallMetrics.GroupBy groupBy,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groups", CallMetrics.GroupBy.values());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("rows", metrics.by(groupBy, scopes.of(user), from, to).stream()
                .map(r -> new Linked(r, callsLink(groupBy, r.code(), from, to))).toList());
        model.addAttribute("total", metrics.total(scopes.of(user), from, to));
        model.addAttribute("weight", metrics.weight());
        return "calls/metrics";
    }

    /** The calls behind one row of figures: the same group and period. */
    static String callsLink(CallMetrics.GroupBy groupBy, String code, LocalDate from, LocalDate to) {
        var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/calls").queryParam(switch (groupBy) {
            case ORGAN -> "lead";
            case STREET -> "street";
            case COMMUNITY -> "community";
            case CATEGORY -> "category";
        }, code);
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri.build().encode().toUriString();
    }

    record Linked(CallMetrics.MetricRow row, String link) {
    }

    @GetMapping("/calls/limits")
    String limits(Model model) {
        model.addAttribute("categories", limits.all());
        model.addAttribute("classes", ReplyClass.values());
        model.addAttribute("units", TimeLimit.Unit.values());
        model.addAttribute("urgencies", Urgency.values());
        return "calls/limits";
    }

    @PostMapping("/calls/limits")
    @PreAuthorize("hasRole('COMMITTEE_ADMIN')")
    String setLimits(@RequestParam String category, @RequestParam ReplyClass replyClass, @RequestParam Urgency urgency,
                     @RequestParam int acceptAmount, @RequestParam TimeLimit.Unit acceptUnit, @RequestParam int replyAmount,
                     @RequestParam TimeLimit.Unit replyUnit, RedirectAttributes redirect) {
        try {
            limits.setClass(category, replyClass);
            limits.setLimits(category, urgency, new ReplyClass.Limits(new TimeLimit(acceptAmount, acceptUnit),
                    new TimeLimit(replyAmount, replyUnit)));
            redirect.addFlashAttribute("done", category);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/calls/limits";
    }
}
