package org.ronghe.partylife.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.responsibility.DutyList;
import org.ronghe.partylife.responsibility.DutyReportDesk;
import org.ronghe.partylife.responsibility.Grade;
import org.ronghe.partylife.responsibility.ItemStatus;
import org.ronghe.partylife.responsibility.LetterDesk;
import org.ronghe.partylife.responsibility.LetterState;
import org.ronghe.partylife.responsibility.Letters;
import org.ronghe.partylife.responsibility.Measure;
import org.ronghe.partylife.responsibility.Responsibilities;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.ronghe.platform.Xlsx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responsibility pages: letters listed (searched, paged, exported), one letter with its two lists and their
 * fulfilment, its three meetings and the organ's duty reports, with the forms of whoever may act on them; the duty
 * items across letters (what the figures count). Every refusal is shown on the page it came from, in Chinese.
 */
@Controller
class ResponsibilityPages {

    private final Responsibilities reads;
    private final LetterDesk letters;
    private final DutyReportDesk reports;
    private final ComplianceBook book;
    private final java.time.ZoneId zone;

    ResponsibilityPages(Responsibilities reads, LetterDesk letters, DutyReportDesk reports, ComplianceBook book,
                        @org.springframework.beans.factory.annotation.Value("${ronghe.zone:Asia/Shanghai}") java.time.ZoneId zone) {
        this.reads = reads;
        this.letters = letters;
        this.reports = reports;
        this.book = book;
        this.zone = zone;
    }

    @GetMapping("/responsibilities")
    String list(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) LetterState state, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.letters(user, new Letters.Filter(organ, year, state), PageQuery.of(page, 50)));
        model.addAttribute("organ", organ);
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("states", LetterState.values());
        model.addAttribute("issues", user.role() == Role.COMMITTEE_ADMIN);
        model.addAttribute("thisYear", book.today().getYear());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "responsibilities/list";
    }

    @GetMapping("/responsibilities/export.xlsx")
    void export(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) LetterState state, HttpServletResponse response) throws IOException {
        List<Letters.Row> rows = reads.allLetters(user, new Letters.Filter(organ, year, state));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"responsibility-letters.xlsx\"");
        Xlsx.write(response.getOutputStream(), "责任书", List.of("单位编码", "单位", "年度", "标题", "状态", "下达时间", "签订时间",
                "事项", "已完成", "逾期"), sink -> rows.forEach(r -> sink.accept(java.util.Arrays.asList(r.organCode(), r.organName(),
                r.year(), r.title(), r.stateLabel(), local(r.issuedAt()), local(r.signedAt()), r.items(), r.fulfilled(), r.overdue()))));
    }

    private java.time.OffsetDateTime local(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    @PostMapping("/responsibilities")
    String issue(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String key, RedirectAttributes redirect) {
        try {
            LetterDesk.Created created = letters.issue(user, new LetterDesk.NewLetter(organ, year, title, body), key);
            redirect.addFlashAttribute("done", "resp.issued");
            return "redirect:/responsibilities/" + created.id();
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/responsibilities";
        }
    }

    @GetMapping("/responsibilities/items")
    String items(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) ItemStatus status, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.items(user, new Letters.Filter(organ, year, null), status, PageQuery.of(page, 50)));
        model.addAttribute("organ", organ);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ItemStatus.values());
        return "responsibilities/items";
    }

    @GetMapping("/responsibilities/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("d", reads.letter(user, id));
        Role role = user.role();
        model.addAttribute("edits", role == Role.COMMITTEE_ADMIN || role == Role.ORGAN_SECRETARY);
        model.addAttribute("signs", role == Role.ORGAN_SECRETARY);
        model.addAttribute("submits", role == Role.ORGAN_SECRETARY || role == Role.MEMBER);
        model.addAttribute("votes", role == Role.MEMBER);
        model.addAttribute("tallies", role == Role.COMMITTEE_ADMIN);
        model.addAttribute("lists", DutyList.values());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "responsibilities/letter";
    }

    @PostMapping("/responsibilities/{id}/sign")
    String sign(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, "resp.signed", () -> letters.sign(user, id));
    }

    @PostMapping("/responsibilities/{id}/items")
    String addItem(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String list,
                   @RequestParam(required = false) String text, @RequestParam(required = false) String owner,
                   @RequestParam(required = false) String dueOn, @RequestParam(required = false) String measure,
                   @RequestParam(required = false) String meetingKind, @RequestParam(required = false) Integer target,
                   RedirectAttributes redirect) {
        return step(id, redirect, "resp.itemAdded", () -> letters.addItem(user, id,
                new LetterDesk.ItemRequest(list, text, owner, dueOn, measure, meetingKind, target)));
    }

    @PostMapping("/responsibilities/{id}/items/{n}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return step(id, redirect, "resp.itemWithdrawn", () -> letters.withdrawItem(user, id, n, new LetterDesk.Withdrawal(reason)));
    }

    @PostMapping("/responsibilities/{id}/items/{n}/records")
    String attach(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) Long meeting,
                  @RequestParam(required = false) Integer decision, RedirectAttributes redirect) {
        return step(id, redirect, "resp.recordAttached", () -> letters.attach(user, id, n, new LetterDesk.RecordRequest(meeting, decision)));
    }

    @PostMapping("/responsibilities/duty-reports")
    String submit(CurrentUser user, @RequestParam long letter, @RequestParam(required = false) String org,
                  @RequestParam(required = false) String reporter, @RequestParam(required = false) Long meeting,
                  @RequestParam(required = false) String text, @RequestParam(required = false) String key, RedirectAttributes redirect) {
        return step(letter, redirect, "resp.reportSubmitted", () -> reports.submit(user, new DutyReportDesk.NewReport(org, reporter,
                meeting, text), key));
    }

    @PostMapping("/responsibilities/duty-reports/{id}/votes")
    String vote(CurrentUser user, @PathVariable long id, @RequestParam long letter, @RequestParam(required = false) String grade,
                RedirectAttributes redirect) {
        return step(letter, redirect, "resp.voted", () -> reports.vote(user, id, new DutyReportDesk.Vote(grade)));
    }

    @PostMapping("/responsibilities/duty-reports/{id}/tallies")
    String tally(CurrentUser user, @PathVariable long id, @RequestParam long letter, @RequestParam(required = false) Integer good,
                 @RequestParam(required = false) Integer fairlyGood, @RequestParam(required = false) Integer fair,
                 @RequestParam(required = false) Integer poor, RedirectAttributes redirect) {
        return step(letter, redirect, "resp.tallied", () -> reports.tally(user, id, new DutyReportDesk.Tally(good, fairlyGood, fair, poor)));
    }

    /** Takes a step and returns to the letter: done, or the refusal in Chinese (a role or scope refusal stays a 403). */
    private static String step(long letter, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/responsibilities/" + letter;
    }
}
