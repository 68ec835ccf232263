package org.ronghe.visits.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ronghe.directory.Directory;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.ronghe.visits.evaluation.EvaluationDesk;
import org.ronghe.visits.evaluation.EvaluationPeriods;
import org.ronghe.visits.evaluation.EvaluationQueries;
import org.ronghe.visits.evaluation.Grade;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages: a community's form for each organ paired with it, the work committee's periods,
 * completion and summary per organ, an organ's own results beside its call outcomes, and the list of
 * ratings in the reader's scope (what the figure counts).
 */
@Controller
class EvaluationPages {

    private final EvaluationDesk desk;
    private final EvaluationQueries queries;
    private final EvaluationPeriods periods;
    private final Directory directory;
    private final Clock clock;

    EvaluationPages(EvaluationDesk desk, EvaluationQueries queries, EvaluationPeriods periods, Directory directory, Clock clock) {
        this.desk = desk;
        this.queries = queries;
        this.periods = periods;
        this.directory = directory;
        this.clock = clock;
    }

    /** One open period and the community's rating of each organ paired with it. */
    record Form(EvaluationQueries.PeriodView period, List<EvaluationQueries.OrganToRate> organs) {
    }

    @GetMapping("/evaluations")
    String home(CurrentUser user, @RequestParam(required = false) String period, Model model) {
        Role role = user.role();
        if (role == Role.ORGAN_SECRETARY && user.scopeCode() != null) {
            return "redirect:/evaluations/organs/" + user.scopeCode();
        }
        model.addAttribute("grades", Grade.values());
        if (role == Role.COMMUNITY_STAFF) {
            List<Form> forms = new ArrayList<>();
            directory.community(user.scopeCode() == null ? "" : user.scopeCode()).ifPresent(community -> {
                LocalDate today = LocalDate.now(clock);
                periods.all().stream().filter(p -> p.acceptsRatings(today))
                        .forEach(p -> forms.add(new Form(queries.view(p), queries.toRate(p.id(), community.id()))));
                model.addAttribute("community", community);
            });
            model.addAttribute("forms", forms);
            model.addAttribute("key", UUID.randomUUID().toString());
            return "evaluations/community";
        }
        if (!role.seesWholeTree()) {
            return "redirect:/evaluations/list";
        }
        List<EvaluationQueries.PeriodView> all = queries.periods();
        model.addAttribute("periods", all);
        String chosen = period != null && !period.isBlank() ? period
                : all.isEmpty() ? null : all.get(0).code();
        if (chosen != null && periods.byCode(chosen).isPresent()) {
            List<EvaluationQueries.Completion> completion = queries.completion(user, chosen);
            model.addAttribute("chosen", periods.byCode(chosen).map(queries::view).orElseThrow());
            model.addAttribute("summary", queries.summary(user, chosen));
            model.addAttribute("incomplete", completion.stream().filter(c -> !c.complete()).toList());
            model.addAttribute("communities", completion.size());
            model.addAttribute("pairings", completion.stream().mapToLong(EvaluationQueries.Completion::paired).sum());
            model.addAttribute("rated", completion.stream().mapToLong(EvaluationQueries.Completion::rated).sum());
        }
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("suggested", String.valueOf(year));
        model.addAttribute("suggestedStart", LocalDate.of(year, 1, 1));
        model.addAttribute("suggestedEnd", LocalDate.of(year, 12, 31));
        return "evaluations/committee";
    }

    @GetMapping("/evaluations/list")
    String list(CurrentUser user, @RequestParam(required = false) String period, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String community, @RequestParam(required = false) String grade,
                @RequestParam(required = false) Integer page, Model model) {
        try {
            model.addAttribute("result", queries.page(user, new EvaluationQueries.Filter(period, organ, community, grade),
                    PageQuery.of(page, 50)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("result", queries.page(user, EvaluationQueries.Filter.none(), PageQuery.of(page, 50)));
        }
        model.addAttribute("periods", queries.periods());
        model.addAttribute("grades", Grade.values());
        return "evaluations/list";
    }

    @GetMapping("/evaluations/organs/{code}")
    String organ(CurrentUser user, @PathVariable String code, @RequestParam(required = false) String period, Model model) {
        EvaluationQueries.OrganResults results = queries.organ(user, code, null);
        model.addAttribute("organ", results.organ());
        model.addAttribute("periods", results.periods().stream().map(EvaluationQueries.PeriodResults::period).toList());
        EvaluationQueries.PeriodResults shown = results.periods().stream()
                .filter(p -> period == null || period.isBlank() || p.period().code().equalsIgnoreCase(period.trim()))
                .findFirst().orElse(null);
        model.addAttribute("shown", shown);
        return "evaluations/organ";
    }

    @PostMapping("/evaluations")
    String rate(CurrentUser user, @RequestParam(required = false) String period, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String grade, @RequestParam(required = false) String remarks,
                @RequestParam(required = false) String key, RedirectAttributes redirect) {
        try {
            desk.rate(user, new EvaluationDesk.Rate(period, organ, null, grade, remarks), key);
            redirect.addFlashAttribute("done", "evaluations.saved");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluations";
    }

    @PostMapping("/evaluations/periods")
    String open(CurrentUser user, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ratingClosesOn,
                RedirectAttributes redirect) {
        try {
            var opened = desk.openPeriod(user, new EvaluationDesk.NewPeriod(code, name, startsOn, endsOn, ratingClosesOn));
            redirect.addFlashAttribute("done", "evaluations.opened");
            return "redirect:/evaluations?period=" + java.net.URLEncoder.encode(opened.code(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/evaluations";
        }
    }

    @PostMapping("/evaluations/periods/{code}/close")
    String close(CurrentUser user, @PathVariable String code, RedirectAttributes redirect) {
        try {
            desk.closePeriod(user, code);
            redirect.addFlashAttribute("done", "evaluations.closed");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evaluations?period=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8);
    }
}
