package org.ronghe.emergency.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.emergency.EmergencyQueries;
import org.ronghe.emergency.SkillDesk;
import org.ronghe.emergency.TeamKind;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.ronghe.platform.UploadLimit;
import org.ronghe.platform.Xlsx;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists the emergency figures link to (temporary branches, commando and vanguard teams, mobilised members),
 * each searchable, paged and exportable within the reader's scope exactly as the API lists them, and the members'
 * skills page (record, withdraw, import).
 */
@Controller
class MobilisationPages {

    private static final int EXPORT_PAGE = PageQuery.MAX_SIZE;

    private final EmergencyQueries reads;
    private final SkillDesk skills;
    private final UploadLimit limit;

    MobilisationPages(EmergencyQueries reads, SkillDesk skills, UploadLimit limit) {
        this.reads = reads;
        this.skills = skills;
        this.limit = limit;
    }

    @GetMapping("/emergencies/temporary-branches")
    String branches(CurrentUser user, @RequestParam(required = false) Boolean founded, @RequestParam(required = false) String q,
                    @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.branches(user, null, founded, q, PageQuery.of(page, 50)));
        model.addAttribute("founded", founded);
        model.addAttribute("q", q);
        return "emergencies/branches";
    }

    @GetMapping("/emergencies/temporary-branches/export.xlsx")
    void branchesExport(CurrentUser user, @RequestParam(required = false) Boolean founded, @RequestParam(required = false) String q,
                        HttpServletResponse response) {
        export(response, "temporary-branches.xlsx", "临时党支部", List.of("名称", "站点类型", "站点", "社区", "上级党组织", "书记编号", "书记",
                        "状态", "党员数"),
                p -> reads.branches(user, null, founded, q, p),
                b -> List.of(b.name(), b.siteKindLabel(), b.siteName(), b.communityName(), b.parent() == null ? "" : b.parent(),
                        b.secretary(), b.secretaryName(), state(b.state()), b.members()));
    }

    @GetMapping("/emergencies/teams")
    String teams(CurrentUser user, @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.teams(user, null, blank(kind), q, PageQuery.of(page, 50)));
        model.addAttribute("kind", blank(kind));
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("q", q);
        return "emergencies/teams";
    }

    @GetMapping("/emergencies/teams/export.xlsx")
    void teamsExport(CurrentUser user, @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                     HttpServletResponse response) {
        export(response, "teams.xlsx", "突击队和先锋队", List.of("类型", "名称", "队长编号", "队长", "社区编码", "地点", "队员数"),
                p -> reads.teams(user, null, blank(kind), q, p),
                t -> List.of(t.kindLabel(), t.name(), t.lead(), t.leadName(), t.community() == null ? "" : t.community(),
                        t.site() == null ? "" : t.site(), t.members()));
    }

    @GetMapping("/emergencies/mobilised-members")
    String mobilised(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.mobilised(user, q, PageQuery.of(page, 50)));
        model.addAttribute("q", q);
        return "emergencies/mobilised";
    }

    @GetMapping("/emergencies/mobilised-members/export.xlsx")
    void mobilisedExport(CurrentUser user, @RequestParam(required = false) String q, HttpServletResponse response) {
        export(response, "mobilised-members.xlsx", "报到党员", List.of("党员编号", "姓名", "报到次数"),
                p -> reads.mobilised(user, q, p), m -> List.of(m.code(), m.name(), m.callUps()));
    }

    // ------------------------------------------------------------------------------------------------ skills

    @GetMapping("/emergencies/skills")
    String skills(CurrentUser user, @RequestParam(required = false) String skill, @RequestParam(required = false) String member,
                  @RequestParam(required = false) Boolean withdrawn, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", skills.list(user, skill, member, withdrawn, PageQuery.of(page, 50)));
        model.addAttribute("skill", skill);
        model.addAttribute("member", member);
        model.addAttribute("withdrawn", Boolean.TRUE.equals(withdrawn));
        model.addAttribute("counts", skills.skills(user));
        model.addAttribute("writes", user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.STREET_STAFF
                || user.role() == Role.ORGAN_SECRETARY);
        model.addAttribute("columns", SkillDesk.COLUMNS);
        model.addAttribute("maxMb", limit.megabytes());
        return "emergencies/skills";
    }

    @PostMapping("/emergencies/skills")
    String addSkill(CurrentUser user, @RequestParam(required = false) String member, @RequestParam(required = false) String skill,
                    Model model, RedirectAttributes redirect) {
        try {
            SkillDesk.Added added = skills.add(user, new SkillDesk.SkillRequest(member, skill));
            redirect.addFlashAttribute("done", added.added() ? "emergencies.skillAdded" : "emergencies.skillKept");
            return "redirect:/emergencies/skills";
        } catch (IllegalArgumentException | ConflictException | OutOfScopeException refused) {
            return skillsRefused(user, "add", refused.getMessage(), List.of(), model);
        }
    }

    @PostMapping("/emergencies/skills/withdraw")
    String withdrawSkill(CurrentUser user, @RequestParam(required = false) String member, @RequestParam(required = false) String skill,
                         @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            skills.withdraw(user, new SkillDesk.Withdrawal(member, skill, reason));
            redirect.addFlashAttribute("done", "emergencies.skillWithdrawn");
            return "redirect:/emergencies/skills";
        } catch (IllegalArgumentException | ConflictException | OutOfScopeException refused) {
            return skillsRefused(user, "withdraw", refused.getMessage(), List.of(), model);
        }
    }

    @PostMapping(path = "/emergencies/skills/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importSkills(CurrentUser user, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            limit.check(file);
            SkillDesk.Report report = skills.importFile(user, file.getBytes());
            model.addAttribute("report", report);
            return skills(user, null, null, null, null, model);
        } catch (RejectedInputException rejected) {
            return skillsRefused(user, "import", rejected.getMessage(), rejected.errors(), model);
        } catch (IllegalArgumentException refused) {
            return skillsRefused(user, "import", refused.getMessage(), List.of(), model);
        }
    }

    @GetMapping("/emergencies/skills/template.csv")
    @org.springframework.web.bind.annotation.ResponseBody
    byte[] template(HttpServletResponse response) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"member-skills.csv\"");
        return ("\uFEFF" + String.join(",", SkillDesk.COLUMNS) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String skillsRefused(CurrentUser user, String form, String message, List<?> errors, Model model) {
        model.addAttribute("error", message);
        model.addAttribute("errors", errors);
        model.addAttribute("errorForm", form);
        return skills(user, null, null, null, null, model);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Writes every row of a paged list (page by page, within the reader's scope) as a spreadsheet. */
    private static <T> void export(HttpServletResponse response, String file, String sheet, List<String> columns,
                                   Function<PageQuery, PageResult<T>> pages, Function<T, List<?>> row) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Consumer<Consumer<List<?>>> rows = sink -> {
            for (int page = 0; ; page++) {
                PageResult<T> result = pages.apply(PageQuery.of(page, EXPORT_PAGE));
                result.items().forEach(item -> sink.accept(row.apply(item)));
                if (!result.hasNext()) {
                    return;
                }
            }
        };
        try {
            Xlsx.write(response.getOutputStream(), sheet, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String state(String state) {
        return switch (state) {
            case "REQUESTED" -> "待批准";
            case "APPROVED" -> "已组建";
            default -> "已撤销";
        };
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
