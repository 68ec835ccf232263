package org.ronghe.emergency.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.emergency.CallUpDesk;
import org.ronghe.emergency.CommandRole;
import org.ronghe.emergency.Control;
import org.ronghe.emergency.EmergencyDesk;
import org.ronghe.emergency.EmergencyKind;
import org.ronghe.emergency.EmergencyQueries;
import org.ronghe.emergency.OrganisationDesk;
import org.ronghe.emergency.SiteKind;
import org.ronghe.emergency.SkillDesk;
import org.ronghe.emergency.TeamKind;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency pages: the list with the committee's declare form; one emergency with a form for each step the API
 * offers (zone, command, temporary branches and their approval, teams and their members, posts, call-ups by zone,
 * organ, skill or team); a call-up's page with its called members, postings, the coordinator's roll-call and live
 * counts; and a member's call-ups with two big buttons. A refused form re-renders its page with the reason next to
 * the form; nothing is changed.
 */
@Controller
class EmergencyPages {

    private final EmergencyQueries reads;
    private final EmergencyDesk desk;
    private final OrganisationDesk organisations;
    private final CallUpDesk callUps;
    private final SkillDesk skills;
    private final Directory directory;
    private final DataScopes scopes;
    private final Clock clock;

    EmergencyPages(EmergencyQueries reads, EmergencyDesk desk, OrganisationDesk organisations, CallUpDesk callUps, SkillDesk skills,
                   Directory directory, DataScopes scopes, Clock clock) {
        this.reads = reads;
        this.desk = desk;
        this.organisations = organisations;
        this.callUps = callUps;
        this.skills = skills;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
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
        try {
            EmergencyDesk.Created created = desk.declare(user, new EmergencyDesk.Declaration(code, name, kind, null,
                    areas(sealed, controlled)), key);
            redirect.addFlashAttribute("done", "emergencies.declared");
            return "redirect:/emergencies/" + created.id();
        } catch (IllegalArgumentException | ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return list(user, null, model);
        }
    }

    @GetMapping("/emergencies/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        EmergencyQueries.Detail detail = reads.detail(user, id);
        model.addAttribute("e", detail);
        boolean organiser = organiser(user);
        boolean committee = user.role() == Role.COMMITTEE_ADMIN;
        boolean active = "ACTIVE".equals(detail.emergency().state());
        model.addAttribute("organiser", user.role() != Role.MEMBER);
        model.addAttribute("readsNeeds", org.ronghe.emergency.NeedQueries.readsNeeds(user.role()));
        model.addAttribute("callsUp", organiser);
        model.addAttribute("organises", organiser && active);
        model.addAttribute("commands", committee && active);
        model.addAttribute("approves", (committee || user.role() == Role.ORGAN_SECRETARY) && active);
        if (organiser) {
            DataScope scope = scopes.of(user);
            model.addAttribute("communities", directory.communities(scope));
            model.addAttribute("organs", directory.organs().stream().filter(o -> scope.all() || scope.organs().contains(o.id())).toList());
            model.addAttribute("skills", skills.skills(user));
        }
        model.addAttribute("siteKinds", SiteKind.values());
        model.addAttribute("teamKinds", TeamKind.values());
        model.addAttribute("roles", CommandRole.values());
        model.addAttribute("controls", Control.values());
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

    /** The committee adds sealed or controlled communities, or a grid, to the zone, or ends areas (the rest stay). */
    @PostMapping("/emergencies/{id}/zone")
    String zone(CurrentUser user, @PathVariable long id, @RequestParam(required = false) List<String> sealed,
                @RequestParam(required = false) List<String> controlled, @RequestParam(required = false) String gridCommunity,
                @RequestParam(required = false) String grid, @RequestParam(required = false) String gridControl,
                @RequestParam(required = false) List<String> end, Model model, RedirectAttributes redirect) {
        return step(user, id, "zone", "emergencies.zoneChanged", model, redirect, () -> {
            List<EmergencyDesk.AreaRequest> added = areas(sealed, controlled);
            if (grid != null && !grid.isBlank()) {
                added.add(new EmergencyDesk.AreaRequest(gridCommunity, grid, gridControl));
            }
            List<String> ended = end == null ? List.of() : end;
            if (ended.isEmpty()) {
                if (added.isEmpty()) {
                    throw new IllegalArgumentException("请选择要纳入的社区或网格，或要解除的范围");
                }
                desk.extendZone(user, id, new EmergencyDesk.Zone(added));
                return null;
            }
            // Ending areas sets the whole zone: what stays, plus what is added.
            List<EmergencyDesk.AreaRequest> wanted = new ArrayList<>();
            for (EmergencyQueries.Area a : reads.detail(user, id).zone()) {
                boolean changed = added.stream().anyMatch(n -> n.community().equals(a.community()) && Objects.equals(blank(n.grid()), a.grid()));
                if (!ended.contains(areaKey(a)) && !changed) {
                    wanted.add(new EmergencyDesk.AreaRequest(a.community(), a.grid(), a.control()));
                }
            }
            wanted.addAll(added);
            desk.rezone(user, id, new EmergencyDesk.Zone(wanted));
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/command")
    String command(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String role,
                   @RequestParam(required = false) String group, @RequestParam(required = false) String duties,
                   @RequestParam(required = false) String member, Model model, RedirectAttributes redirect) {
        return step(user, id, "command", "emergencies.commandAssigned", model, redirect, () -> {
            desk.assign(user, id, new EmergencyDesk.CommandRequest(role, group, duties, member));
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/temporary-branches")
    String requestBranch(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String siteKind, @RequestParam(required = false) String siteName,
                         @RequestParam(required = false) String siteAddress, @RequestParam(required = false) String community,
                         @RequestParam(required = false) String parent, @RequestParam(required = false) String secretary,
                         @RequestParam(required = false) String members, @RequestParam(required = false) String key,
                         Model model, RedirectAttributes redirect) {
        return step(user, id, "branch", "emergencies.branchRequested", model, redirect, () -> {
            organisations.requestBranch(user, id, new OrganisationDesk.BranchRequest(name, siteKind, siteName, siteAddress, community,
                    parent, secretary, codes(members)), key);
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/temporary-branches/{branch}/approve")
    String approve(CurrentUser user, @PathVariable long id, @PathVariable long branch, Model model, RedirectAttributes redirect) {
        return step(user, id, "branches", "emergencies.branchApproved", model, redirect, () -> {
            organisations.approveBranch(user, id, branch);
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/teams")
    String team(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String name, @RequestParam(required = false) String lead,
                @RequestParam(required = false) String community, @RequestParam(required = false) String site,
                @RequestParam(required = false) String members, @RequestParam(required = false) String key,
                Model model, RedirectAttributes redirect) {
        return step(user, id, "team", "emergencies.teamFormed", model, redirect, () -> {
            organisations.createTeam(user, id, new OrganisationDesk.TeamRequest(kind, name, lead, community, site, codes(members)), key);
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/teams/{team}/members")
    String joinTeam(CurrentUser user, @PathVariable long id, @PathVariable long team, @RequestParam(required = false) String members,
                    Model model, RedirectAttributes redirect) {
        return step(user, id, "join-" + team, "emergencies.teamJoined", model, redirect, () -> {
            organisations.joinTeam(user, id, team, new OrganisationDesk.MembersRequest(codes(members)));
            return null;
        });
    }

    @PostMapping("/emergencies/{id}/posts")
    String post(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(required = false) String holder, @RequestParam(required = false) String community,
                Model model, RedirectAttributes redirect) {
        return step(user, id, "post", "emergencies.postSetUp", model, redirect, () -> {
            organisations.createPost(user, id, new OrganisationDesk.PostRequest(name, holder, community));
            return null;
        });
    }

    /** An organiser calls up members by zone residence, organs, skills and/or teams, once per form (its key). */
    @PostMapping("/emergencies/{id}/call-ups")
    String callUp(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String title,
                  @RequestParam(required = false) Boolean zone, @RequestParam(required = false) List<String> organs,
                  @RequestParam(required = false) List<String> skills, @RequestParam(required = false) List<Long> teams,
                  @RequestParam(required = false) String key, Model model, RedirectAttributes redirect) {
        try {
            CallUpDesk.Created created = callUps.callUp(user, id, new CallUpDesk.CallUpRequest(title, zone, organs, skills, teams), key);
            redirect.addFlashAttribute("done", "emergencies.calledUp");
            redirect.addFlashAttribute("called", created.called());
            return "redirect:/emergencies/" + id + "/call-ups/" + created.id();
        } catch (IllegalArgumentException | ConflictException | RejectedInputException | OutOfScopeException refused) {
            return refused(user, id, "callUp", refused, model);
        }
    }

    // ------------------------------------------------------------------------------------------------ one call-up

    @GetMapping("/emergencies/{id}/call-ups/{callUp}")
    String callUpPage(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestParam(required = false) String filter,
                      @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        EmergencyQueries.Detail detail = reads.detail(user, id);
        model.addAttribute("e", detail);
        model.addAttribute("u", reads.callUp(user, id, callUp));
        String which;
        try {
            model.addAttribute("result", reads.called(user, id, callUp, filter, q, PageQuery.of(page, 50)));
            which = filter == null || filter.isBlank() ? "ALL" : filter.trim().toUpperCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException bad) {
            model.addAttribute("error", bad.getMessage());
            model.addAttribute("errorForm", "filter");
            model.addAttribute("result", reads.called(user, id, callUp, null, null, PageQuery.of(0, 50)));
            which = "ALL";
        }
        model.addAttribute("filter", which);
        model.addAttribute("q", q);
        model.addAttribute("filters", EmergencyQueries.CalledFilter.values());
        model.addAttribute("active", "ACTIVE".equals(detail.emergency().state()));
        model.addAttribute("answers", List.of("REPORTING", "CANNOT"));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "emergencies/call-up";
    }

    /** The call-up's counts alone, polled by htmx. */
    @GetMapping("/emergencies/{id}/call-ups/{callUp}/counts")
    String counts(CurrentUser user, @PathVariable long id, @PathVariable long callUp, Model model) {
        model.addAttribute("e", reads.detail(user, id));
        model.addAttribute("u", reads.callUp(user, id, callUp));
        return "emergencies/call-up :: counts";
    }

    /** Posts a reporting member to an approved temporary branch's site ({@code B<id>}) or a team ({@code T<id>}) for a shift. */
    @PostMapping("/emergencies/{id}/call-ups/{callUp}/postings")
    String posting(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestParam(required = false) String member,
                   @RequestParam(required = false) String target, @RequestParam(required = false) String shiftStart,
                   @RequestParam(required = false) String shiftEnd, Model model, RedirectAttributes redirect) {
        try {
            Long branch = null;
            Long team = null;
            if (target != null && target.matches("[BT]\\d{1,18}")) {
                long targetId = Long.parseLong(target.substring(1));
                if (target.startsWith("B")) {
                    branch = targetId;
                } else {
                    team = targetId;
                }
            }
            callUps.post(user, id, callUp, new CallUpDesk.PostingRequest(member, branch, team, instant(shiftStart, "shiftStart"),
                    instant(shiftEnd, "shiftEnd")));
            redirect.addFlashAttribute("done", "emergencies.memberPosted");
            return "redirect:/emergencies/" + id + "/call-ups/" + callUp;
        } catch (IllegalArgumentException | ConflictException | OutOfScopeException refused) {
            return callUpRefused(user, id, callUp, "posting", refused.getMessage(), List.of(), model);
        }
    }

    /** The coordinator's roll-call: answers received by phone for several members at once (one answer and reason). */
    @PostMapping("/emergencies/{id}/call-ups/{callUp}/answers")
    String rollCall(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestParam(required = false) String members,
                    @RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String key, Model model, RedirectAttributes redirect) {
        try {
            List<String> codes = codes(members);
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("请填写党员编号（每行一个，或以逗号、空格分隔）");
            }
            CallUpDesk.RollCall done = callUps.rollCall(user, id, callUp, new CallUpDesk.RollCallRequest(codes.stream()
                    .map(c -> new CallUpDesk.RollCallEntry(c, answer, reason)).toList()), key);
            redirect.addFlashAttribute("done", "emergencies.rollCalled");
            redirect.addFlashAttribute("recorded", done.recorded());
            redirect.addFlashAttribute("already", done.alreadyAnswered());
            return "redirect:/emergencies/" + id + "/call-ups/" + callUp;
        } catch (RejectedInputException rejected) {
            return callUpRefused(user, id, callUp, "rollCall", rejected.getMessage(), rejected.errors(), model);
        } catch (IllegalArgumentException | ConflictException | OutOfScopeException refused) {
            return callUpRefused(user, id, callUp, "rollCall", refused.getMessage(), List.of(), model);
        }
    }

    // ------------------------------------------------------------------------------------------------ the member

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

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs a step of the emergency's page: done → back to the page with its message; refused → the page with the reason by its form. */
    private String step(CurrentUser user, long id, String form, String done, Model model, RedirectAttributes redirect, Supplier<Void> step) {
        try {
            step.get();
            redirect.addFlashAttribute("done", done);
            return "redirect:/emergencies/" + id;
        } catch (IllegalArgumentException | ConflictException | RejectedInputException | OutOfScopeException refused) {
            return refused(user, id, form, refused, model);
        }
    }

    private String refused(CurrentUser user, long id, String form, RuntimeException refused, Model model) {
        model.addAttribute("error", refused.getMessage());
        model.addAttribute("errorForm", form);
        return one(user, id, model);
    }

    private String callUpRefused(CurrentUser user, long id, long callUp, String form, String message, List<?> errors, Model model) {
        model.addAttribute("error", message);
        model.addAttribute("errors", errors);
        model.addAttribute("errorForm", form);
        return callUpPage(user, id, callUp, null, null, null, model);
    }

    private static boolean organiser(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.STREET_STAFF || user.role() == Role.ORGAN_SECRETARY;
    }

    private static List<EmergencyDesk.AreaRequest> areas(List<String> sealed, List<String> controlled) {
        List<EmergencyDesk.AreaRequest> zone = new ArrayList<>();
        (sealed == null ? List.<String>of() : sealed).forEach(c -> zone.add(new EmergencyDesk.AreaRequest(c, null, Control.SEALED.name())));
        (controlled == null ? List.<String>of() : controlled).stream().filter(c -> sealed == null || !sealed.contains(c))
                .forEach(c -> zone.add(new EmergencyDesk.AreaRequest(c, null, Control.CONTROLLED.name())));
        return zone;
    }

    /** How the end-area checkboxes name an area: community, grid (or empty) and control. */
    static String areaKey(EmergencyQueries.Area a) {
        return a.community() + ":" + (a.grid() == null ? "" : a.grid()) + ":" + a.control();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Member codes typed one a line or separated by commas, spaces or 、. */
    static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    /** A datetime-local field (the district's time) as an ISO instant; the desk refuses anything unreadable. */
    private String instant(String local, String field) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(clock.getZone()).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("班次时刻（" + field + "）格式不正确，应为 年-月-日 时:分");
        }
    }
}
