package org.ronghe.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.ronghe.assessment.Grade;
import org.ronghe.assessment.Subject;
import org.ronghe.assessment.run.RunDesk;
import org.ronghe.assessment.run.Runs;
import org.ronghe.assessment.scheme.SchemeDesk;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.RejectedInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment pages: the runs (and the form that computes one), a run's ranking with its grade counts, a
 * subject's explanation with every record linked, and the schemes. Forms post to the desks; a refusal comes back on
 * the page in Chinese.
 */
@Controller
class AssessmentPages {

    private final RunDesk desk;
    private final SchemeDesk schemes;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentPages(RunDesk desk, SchemeDesk schemes, Clock clock, @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.desk = desk;
        this.schemes = schemes;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/assessments")
    String runs(CurrentUser user, @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", AssessmentsApi.paged(desk.list(user, year), PageQuery.of(page, 50)));
        model.addAttribute("year", year);
        model.addAttribute("zone", zone);
        model.addAttribute("runs", RunDesk.runs(user));
        model.addAttribute("lastYear", LocalDate.now(clock.withZone(zone)).getYear() - 1);
        model.addAttribute("key", UUID.randomUUID().toString());
        return "assessments/runs";
    }

    @PostMapping("/assessments")
    String run(CurrentUser user, @RequestParam(required = false) Integer year,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
               @RequestParam(required = false) String key, Model model) {
        try {
            RunDesk.Created created = desk.run(user, new RunDesk.NewRun(year, asOf, null, null, null), key);
            return "redirect:/assessments/" + created.id();
        } catch (IllegalArgumentException | ConflictException | RejectedInputException refused) {
            model.addAttribute("error", refused.getMessage());
            return runs(user, null, null, model);
        }
    }

    @GetMapping("/assessments/{id}")
    String ranking(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Subject.Kind kind,
                   @RequestParam(required = false) Grade grade, Model model) {
        Subject.Kind shown = kind == null ? Subject.Kind.ORGAN : kind;
        model.addAttribute("ranking", desk.ranking(user, id, shown, grade));
        model.addAttribute("kind", shown);
        model.addAttribute("grade", grade);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("runs", RunDesk.runs(user));
        return "assessments/ranking";
    }

    @PostMapping("/assessments/{id}/publish")
    String publish(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            desk.publish(user, id);
            redirect.addFlashAttribute("done", "assessments.published");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/assessments/{id}/subjects/{code}")
    String subject(CurrentUser user, @PathVariable long id, @PathVariable String code, @RequestParam(required = false) Subject.Kind kind,
                   Model model) {
        Runs.Result result = desk.explain(user, id, code, kind);
        model.addAttribute("run", desk.one(user, id));
        model.addAttribute("result", result);
        return "assessments/subject";
    }

    @GetMapping("/schemes")
    String schemes(CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        desk.organOf(user);
        model.addAttribute("schemes", schemes.list(year));
        model.addAttribute("year", year);
        model.addAttribute("writes", SchemeDesk.writes(user));
        return "assessments/schemes";
    }

    @PostMapping("/schemes/{id}/activate")
    String activate(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        schemes.activate(user, id);
        redirect.addFlashAttribute("done", "schemes.activated");
        return "redirect:/schemes?year=" + schemes.one(id).year();
    }
}
