package org.ronghe.partylife.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ronghe.partylife.Cadence;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.MeetingRules;
import org.ronghe.partylife.Meetings;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.partylife.Reminders;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Photo;
import org.ronghe.platform.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The party life pages: meetings listed, recorded and opened; the compliance grid and roll-up; the rules. */
@Controller
class PartyLifePages {

    private final MeetingDesk desk;
    private final Meetings meetings;
    private final ComplianceBook book;
    private final MeetingRules rules;
    private final Reminders reminders;

    PartyLifePages(MeetingDesk desk, Meetings meetings, ComplianceBook book, MeetingRules rules, Reminders reminders) {
        this.desk = desk;
        this.meetings = meetings;
        this.book = book;
        this.rules = rules;
        this.reminders = reminders;
    }

    @GetMapping("/meetings")
    String list(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) MeetingKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Boolean firstItemStudy, @RequestParam(required = false) String organ,
                @RequestParam(required = false) Integer page, Model model) {
        PageResult<Meetings.Row> result = meetings.list(desk.scopeOf(user), new Meetings.Filter(org, kind, from, to, firstItemStudy, organ),
                PageQuery.of(page, 50));
        model.addAttribute("result", result);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("org", org);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("firstItemStudy", firstItemStudy);
        model.addAttribute("organ", organ);
        model.addAttribute("records", records(user));
        return "meetings/list";
    }

    @GetMapping("/meetings/decisions")
    String decisions(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) Boolean delivered,
                     @RequestParam(required = false) String organ, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", meetings.decisions(desk.scopeOf(user), new Meetings.DecisionFilter(org, delivered, organ),
                PageQuery.of(page, 50)));
        model.addAttribute("delivered", delivered);
        model.addAttribute("org", org);
        model.addAttribute("organ", organ);
        return "meetings/decisions";
    }

    @GetMapping("/meetings/new")
    String form(CurrentUser user, @RequestParam(required = false) String org, Model model) {
        if (!records(user)) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以登记组织生活");
        }
        model.addAttribute("org", org);
        model.addAttribute("roll", org == null || org.isBlank() ? List.of() : desk.rollOf(user, org.trim()));
        model.addAttribute("orgs", book.rollup(desk.scopeOf(user), null, null).orgs());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("today", book.today());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "meetings/new";
    }

    @PostMapping("/meetings")
    String record(CurrentUser user, @RequestParam String org, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
                  @RequestParam(required = false) String chair, @RequestParam(required = false) String studyTopic,
                  @RequestParam(required = false) List<String> present, @RequestParam(required = false) List<String> excused,
                  @RequestParam(required = false) String decisions, @RequestParam(required = false) String minutes,
                  @RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) String key, Model model,
                  RedirectAttributes redirect) throws IOException {
        boolean study = studyTopic != null && !studyTopic.isBlank();
        List<String> lines = decisions == null ? List.of() : Arrays.stream(decisions.split("\\R")).filter(s -> !s.isBlank()).toList();
        try {
            MeetingDesk.Created created = desk.record(user, new MeetingDesk.NewMeeting(org, kind, heldOn, place, chair, study,
                    studyTopic, present, excused, minutes, lines.stream().map(MeetingDesk.NewDecision::of).toList()), key,
                    Photo.of(photo == null ? null : photo.getBytes()));
            redirect.addFlashAttribute("done", "meetings.recorded");
            return "redirect:/meetings/" + created.id();
        } catch (IllegalArgumentException refused) {
            model.addAttribute("error", refused.getMessage());
            return form(user, org, model);
        }
    }

    @GetMapping("/compliance")
    String compliance(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) String organ,
                      @RequestParam(required = false) Integer year, Model model) {
        PartyLifeScope scope = desk.scopeOf(user);
        if (org != null && !org.isBlank()) {
            model.addAttribute("grid", book.grid(scope, org, year));
            model.addAttribute("reminders", reminders.list(scope, org.trim(), PageQuery.of(1, 20)).items());
        } else {
            model.addAttribute("rollup", book.rollup(scope, organ, year));
            model.addAttribute("reminders", reminders.list(scope, null, PageQuery.of(1, 20)).items());
        }
        model.addAttribute("year", book.year(year));
        return "compliance/compliance";
    }

    @GetMapping("/compliance/rules")
    String rules(CurrentUser user, Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("cadences", Cadence.values());
        model.addAttribute("orgKinds", List.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GROUP", "TEMPORARY_BRANCH"));
        model.addAttribute("editable", user.role() == Role.COMMITTEE_ADMIN);
        return "compliance/rules";
    }

    @PostMapping("/compliance/rules")
    String changeRule(CurrentUser user, @RequestParam(required = false) String orgKind, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String cadence, @RequestParam(required = false) Boolean active,
                      @RequestParam(required = false) Boolean secretaryYearly, RedirectAttributes redirect) {
        try {
            desk.changeRule(user, new MeetingDesk.RuleChange(orgKind, kind, cadence, Boolean.TRUE.equals(active),
                    Boolean.TRUE.equals(secretaryYearly)));
            redirect.addFlashAttribute("done", "compliance.ruleSaved");
        } catch (IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/compliance/rules";
    }

    private static boolean records(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.ORGAN_SECRETARY;
    }
}
