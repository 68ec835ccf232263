package org.ronghe.visits.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Photo;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.ronghe.platform.UploadLimit;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.ronghe.visits.campaign.CampaignDesk;
import org.ronghe.visits.campaign.Campaigns;
import org.ronghe.visits.campaign.VisitCampaign;
import org.ronghe.visits.household.HouseholdImport;
import org.ronghe.visits.household.Households;
import org.ronghe.visits.visit.Coverage;
import org.ronghe.visits.visit.Problem;
import org.ronghe.visits.visit.Visit;
import org.ronghe.visits.visit.VisitDesk;
import org.ronghe.visits.visit.Visits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The visit pages: my assignments and recording a visit (phone first), households and their history,
 * campaigns with their progress and map, coverage, visits, and the problems with their follow-up.
 */
@Controller
class VisitPages {

    private final VisitDesk desk;
    private final CampaignDesk campaignDesk;
    private final Campaigns campaigns;
    private final Households households;
    private final HouseholdImport imports;
    private final Visits visits;
    private final Coverage coverage;
    private final VisitScopes scopes;
    private final DataScopes dataScopes;
    private final Directory directory;
    private final UploadLimit limit;
    private final JdbcClient jdbc;
    private final Clock clock;

    VisitPages(VisitDesk desk, CampaignDesk campaignDesk, Campaigns campaigns, Households households, HouseholdImport imports, Visits visits,
               Coverage coverage, VisitScopes scopes, DataScopes dataScopes, Directory directory, UploadLimit limit, JdbcClient jdbc,
               Clock clock) {
        this.desk = desk;
        this.campaignDesk = campaignDesk;
        this.campaigns = campaigns;
        this.households = households;
        this.imports = imports;
        this.visits = visits;
        this.coverage = coverage;
        this.scopes = scopes;
        this.dataScopes = dataScopes;
        this.directory = directory;
        this.limit = limit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ my work

    @GetMapping("/visits")
    String mine(CurrentUser user, @RequestParam(required = false) Boolean pending, @RequestParam(required = false) Integer page,
                Model model) {
        VisitScope scope = scopes.of(user);
        if (scope.member() == null && scope.leader() == null) {
            return "redirect:/visits/campaigns";
        }
        model.addAttribute("pending", !Boolean.FALSE.equals(pending));
        model.addAttribute("result", campaigns.assignments(scope, null, null, !Boolean.FALSE.equals(pending), PageQuery.of(page, 50)));
        model.addAttribute("due", visits.problems(scope, new Visits.Filter(null, null, null, null, null, null, Problem.State.DUE, null, null),
                PageQuery.of(1, 50)));
        return "visits/mine";
    }

    @GetMapping("/visits/record")
    String form(CurrentUser user, @RequestParam(required = false) Long household, @RequestParam(required = false) String q, Model model) {
        VisitScope scope = scopes.of(user);
        if (household != null) {
            model.addAttribute("household", HouseholdView.of(households.findToVisit(scope, household)
                    .orElseThrow(() -> new NotFoundException("住户", String.valueOf(household))), scope));
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("found", households.page(scope, Households.Filter.toVisit(q), PageQuery.of(1, 20))
                    .items().stream().map(l -> HouseholdView.of(l, scope)).toList());
        }
        model.addAttribute("q", q);
        model.addAttribute("categories", directory.categories());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("onBehalf", user.role() == Role.ORGAN_SECRETARY || user.role() == Role.COMMITTEE_ADMIN);
        return "visits/record";
    }

    @PostMapping("/visits/record")
    String record(CurrentUser user, @RequestParam Long household, @RequestParam(required = false) String member,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                  @RequestParam(required = false) String heard, @RequestParam(required = false) List<String> summary,
                  @RequestParam(required = false) List<String> category, @RequestParam(required = false) List<String> detail,
                  @RequestParam(required = false) MultipartFile photo, @RequestParam String key, RedirectAttributes redirect,
                  Model model) throws IOException {
        List<Visit.Heard> problems = new ArrayList<>();
        int n = summary == null ? 0 : summary.size();
        for (int i = 0; i < n; i++) {
            String s = summary.get(i);
            String d = detail != null && i < detail.size() ? detail.get(i) : null;
            if ((s != null && !s.isBlank()) || (d != null && !d.isBlank())) {
                problems.add(new Visit.Heard(s, category != null && i < category.size() ? category.get(i) : null, d));
            }
        }
        try {
            VisitDesk.Recorded recorded = desk.record(user, new VisitDesk.NewVisit(household, member, null, visitedOn, heard, problems, null), key,
                    Photo.of(photo == null ? null : photo.getBytes()));
            redirect.addFlashAttribute("done", recorded.replayed() ? "visits.replayed" : "visits.recorded");
            return "redirect:/visits/" + recorded.id();
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", Map.of("heard", heard == null ? "" : heard, "member", member == null ? "" : member));
            model.addAttribute("problems", problems);
            return form(user, household, null, model);
        }
    }

    @GetMapping("/visits/{id:\\d+}")
    String visit(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("visit", visits.visit(scopes.of(user), id).orElseThrow(() -> new NotFoundException("走访记录", String.valueOf(id))));
        model.addAttribute("problems", visits.problemsOfVisit(id));
        return "visits/visit";
    }

    @GetMapping("/visits/{id:\\d+}/photo")
    org.springframework.http.ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id) {
        visits.visit(scopes.of(user), id).orElseThrow(() -> new NotFoundException("走访记录", String.valueOf(id)));
        Photo photo = visits.photo(id).orElseThrow(() -> new NotFoundException("走访照片", String.valueOf(id)));
        return org.springframework.http.ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, max-age=3600").body(photo.content());
    }

    // ------------------------------------------------------------------------------------------ households

    @GetMapping("/visits/households")
    String households(CurrentUser user, @RequestParam(required = false) String community, @RequestParam(required = false) String q,
                      @RequestParam(required = false) Boolean visited, @RequestParam(required = false) Boolean followedUp,
                      @RequestParam(required = false) Integer page, Model model) {
        VisitScope scope = scopes.of(user);
        var found = households.page(scope, new Households.Filter(community, q, visited, followedUp, null), PageQuery.of(page, 50));
        model.addAttribute("result", found);
        model.addAttribute("rows", found.items().stream().map(l -> HouseholdView.of(l, scope)).toList());
        model.addAttribute("communities", directory.communities(dataScopes.of(user)));
        model.addAttribute("filter", new Households.Filter(community, q, visited, followedUp, null));
        model.addAttribute("imports", user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.COMMUNITY_STAFF);
        return "visits/households";
    }

    @GetMapping("/visits/households/{id}")
    String household(CurrentUser user, @PathVariable long id, Model model) {
        VisitScope scope = scopes.of(user);
        model.addAttribute("household", HouseholdView.of(households.find(scope, id)
                .orElseThrow(() -> new NotFoundException("住户", String.valueOf(id))), scope));
        model.addAttribute("visits", visits.visitsOf(id));
        model.addAttribute("problems", visits.problemsOf(id));
        return "visits/household";
    }

    @GetMapping("/visits/households/export.xlsx")
    void export(CurrentUser user, @RequestParam(required = false) String community, @RequestParam(required = false) String q,
                HttpServletResponse response) {
        HouseholdExport.write(households, scopes.of(user), new Households.Filter(community, q, null, null, null), response);
    }

    @GetMapping("/visits/households/template.csv")
    @ResponseBody
    byte[] template(HttpServletResponse response) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"households.csv\"");
        return ("\uFEFF" + String.join(",", HouseholdImport.COLUMNS) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/visits/households/import")
    String importForm(Model model) {
        model.addAttribute("columns", HouseholdImport.COLUMNS);
        model.addAttribute("maxMb", limit.megabytes());
        return "visits/import";
    }

    @PostMapping(path = "/visits/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importFile(CurrentUser user, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", HouseholdImport.COLUMNS);
        model.addAttribute("maxMb", limit.megabytes());
        try {
            limit.check(file);
            model.addAttribute("report", imports.importFile(user, file.getBytes()));
        } catch (RejectedInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errors", e.errors());
        }
        return "visits/import";
    }

    // ------------------------------------------------------------------------------------------ campaigns and coverage

    @GetMapping("/visits/campaigns")
    String campaigns(CurrentUser user, Model model) {
        VisitScope scope = scopes.of(user);
        model.addAttribute("campaigns", campaigns.all().stream().map(c -> CampaignsApi.CampaignView.of(c, coverage.totals(scope, c.id()))).toList());
        model.addAttribute("organs", directory.organs());
        model.addAttribute("kinds", VisitCampaign.Kind.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "visits/campaigns";
    }

    @PostMapping("/visits/campaigns")
    String open(CurrentUser user, @RequestParam(required = false) String name, @RequestParam(required = false) VisitCampaign.Kind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                @RequestParam(required = false) Integer targetPerVisitor, @RequestParam(required = false) Boolean revisits,
                @RequestParam(required = false) List<String> organs, @RequestParam String key, RedirectAttributes redirect) {
        try {
            CampaignDesk.Opened opened = campaignDesk.open(user, new CampaignDesk.NewCampaign(name, kind, startsOn, endsOn, targetPerVisitor,
                    revisits, organs), key);
            redirect.addFlashAttribute("done", "visits.campaignOpened");
            return "redirect:/visits/campaigns/" + opened.id();
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/visits/campaigns";
        }
    }

    @PostMapping("/visits/campaigns/{id}/{action:assign|close}")
    String campaignStep(CurrentUser user, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            if (action.equals("assign")) {
                redirect.addFlashAttribute("assignedCount", campaignDesk.assign(user, id));
            } else {
                campaignDesk.close(user, id);
            }
            redirect.addFlashAttribute("done", "visits.done." + action);
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/visits/campaigns/" + id;
    }

    @GetMapping("/visits/campaigns/{id}")
    String campaign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String by,
                    @RequestParam(required = false) Integer page, Model model) {
        VisitScope scope = scopes.of(user);
        VisitCampaign campaign = campaignDesk.find(id);
        Coverage.By dimension = Coverage.By.of(by);
        model.addAttribute("campaign", CampaignsApi.CampaignView.of(campaign, coverage.totals(scope, id)));
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", Coverage.By.values());
        var result = coverage.rows(scope, id, dimension, PageQuery.of(page, 100));
        model.addAttribute("result", result);
        model.addAttribute("lines", CoverageLine.of(result.items(), dimension, id));
        model.addAttribute("assigned", campaigns.assigned(id));
        return "visits/campaign";
    }

    /** The map's points: each community in scope with its coverage in the campaign (or in all visits). */
    @GetMapping(path = "/visits/map.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> map(CurrentUser user, @RequestParam(required = false) Long campaign) {
        VisitScope scope = scopes.of(user);
        Map<Long, double[]> places = new java.util.HashMap<>();
        jdbc.sql("SELECT id, latitude, longitude FROM community WHERE latitude IS NOT NULL AND longitude IS NOT NULL")
                .query((rs, n) -> places.put(rs.getLong(1), new double[]{rs.getDouble(2), rs.getDouble(3)})).list();
        List<Map<String, Object>> points = new ArrayList<>();
        for (Coverage.Row row : coverage.rows(scope, campaign, Coverage.By.COMMUNITY, new PageQuery(1, PageQuery.MAX_SIZE)).items()) {
            double[] place = places.get(row.id());
            if (place != null) {
                points.add(Map.of("code", row.code(), "name", row.name(), "latitude", place[0], "longitude", place[1],
                        "households", row.households(), "visited", row.visited(),
                        "coverage", row.coverage() == null ? 0 : Math.round(row.coverage() * 1000) / 10.0));
            }
        }
        return points;
    }

    @GetMapping("/visits/coverage")
    String coverage(CurrentUser user, @RequestParam(required = false) Long campaign, @RequestParam(required = false) String by,
                    @RequestParam(required = false) Integer page, Model model) {
        VisitScope scope = scopes.of(user);
        Coverage.By dimension = Coverage.By.of(by);
        model.addAttribute("campaignId", campaign);
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", Coverage.By.values());
        model.addAttribute("totals", coverage.totals(scope, campaign));
        var result = coverage.rows(scope, campaign, dimension, PageQuery.of(page, 100));
        model.addAttribute("result", result);
        model.addAttribute("lines", CoverageLine.of(result.items(), dimension, campaign));
        return "visits/coverage";
    }

    // ------------------------------------------------------------------------------------------ visits and problems

    @GetMapping("/visits/list")
    String list(CurrentUser user, @RequestParam(required = false) Long campaign, @RequestParam(required = false) String community,
                @RequestParam(required = false) String organ, @RequestParam(required = false) String partyOrg,
                @RequestParam(required = false) String member, @RequestParam(required = false) Boolean first,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", visits.visits(scopes.of(user), new Visits.Filter(campaign, community, organ, partyOrg, member, null,
                null, null, first, from, to), PageQuery.of(page, 50)));
        return "visits/list";
    }

    @GetMapping("/visits/problems")
    String problems(CurrentUser user, @RequestParam(required = false) Long campaign, @RequestParam(required = false) String community,
                    @RequestParam(required = false) String organ, @RequestParam(required = false) String partyOrg,
                    @RequestParam(required = false) String member, @RequestParam(required = false) Problem.State state,
                    @RequestParam(required = false) Boolean resolved, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", visits.problems(scopes.of(user), new Visits.Filter(campaign, community, organ, partyOrg, member, null,
                state, resolved, null), PageQuery.of(page, 50)));
        model.addAttribute("states", Problem.State.values());
        model.addAttribute("state", state);
        return "visits/problems";
    }

    @PostMapping("/visits/problems/{id}/follow-up")
    String followUp(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String note,
                    @RequestParam(required = false) Boolean satisfied, @RequestParam(required = false) String back,
                    RedirectAttributes redirect) {
        try {
            desk.followUp(user, id, note, satisfied);
            redirect.addFlashAttribute("done", "visits.followedUp");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + (back != null && back.startsWith("/visits") && !back.startsWith("//") ? back : "/visits/problems?state=DUE");
    }

}
