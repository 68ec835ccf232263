package org.ronghe.partylife.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.commitment.CardReader;
import org.ronghe.partylife.commitment.CommitmentDesk;
import org.ronghe.partylife.commitment.CommitmentQueries;
import org.ronghe.partylife.commitment.TargetKind;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.ronghe.platform.Xlsx;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 三亮 pages: the commitments list (search, fulfilment filter, export), a member's public card, the card form. */
@Controller
class CommitmentPages {

    private static final List<String> COLUMNS = List.of("年度", "党员编码", "姓名", "党组织", "单位", "承诺", "目标", "进度", "完成度（%）", "是否兑现");

    private final CommitmentDesk desk;
    private final CommitmentQueries queries;
    private final CardReader reader;
    private final ComplianceBook book;

    CommitmentPages(CommitmentDesk desk, CommitmentQueries queries, CardReader reader, ComplianceBook book) {
        this.desk = desk;
        this.queries = queries;
        this.reader = reader;
        this.book = book;
    }

    @GetMapping("/commitments")
    String list(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String member, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean measurable,
                @RequestParam(required = false) Boolean fulfilled, @RequestParam(required = false) Integer page, Model model) {
        CommitmentQueries.Filter filter = new CommitmentQueries.Filter(org, organ, member, q, year, measurable, fulfilled);
        model.addAttribute("result", queries.list(desk.scopeOf(user), filter, PageQuery.of(page, 50)));
        model.addAttribute("filter", filter);
        model.addAttribute("thisYear", book.today().getYear());
        model.addAttribute("publishes", user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.ORGAN_SECRETARY
                || user.role() == Role.MEMBER);
        return "commitments/list";
    }

    @GetMapping("/commitments/export.xlsx")
    void export(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) String organ,
                @RequestParam(required = false) String member, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean measurable,
                @RequestParam(required = false) Boolean fulfilled, HttpServletResponse response) {
        List<CommitmentQueries.Row> rows = queries.all(desk.scopeOf(user),
                new CommitmentQueries.Filter(org, organ, member, q, year, measurable, fulfilled));
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"commitments.xlsx\"");
        try {
            Xlsx.write(response.getOutputStream(), "党员承诺", COLUMNS, rows.stream().map(r -> Arrays.<Object>asList(r.year(), r.memberCode(),
                    r.memberName(), r.orgName(), r.organName(), r.text(), r.targetText(), r.progress(), r.measurable() ? r.percent() : null,
                    r.measurable() ? (r.fulfilled() ? "是" : "否") : "不可量化")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/members/{code}/card")
    String card(CurrentUser user, @PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        CardReader.CardView card = reader.card(code, year);
        boolean editable = desk.member(card.member().code()).map(m -> desk.mayEdit(user, m)).orElse(false);
        model.addAttribute("card", card);
        model.addAttribute("editable", editable && card.year() >= book.today().getYear());
        model.addAttribute("events", editable && card.cardId() != null ? reader.events(card.cardId()) : List.of());
        return "commitments/card";
    }

    @GetMapping("/commitments/card")
    String form(CurrentUser user, @RequestParam(required = false) String member, @RequestParam(required = false) Integer year,
                Model model) {
        String code = member == null || member.isBlank() ? user.scopeCode() : member.trim();
        if (code == null || user.role() != Role.MEMBER && (member == null || member.isBlank())) {
            throw new IllegalArgumentException("请指定党员编码（member）");
        }
        CommitmentDesk.MemberRef ref = desk.member(code).orElseThrow(() -> new NotFoundException("党员", code));
        if (!desk.mayEdit(user, ref)) {
            throw new AccessDeniedException(CommitmentDesk.WHO);
        }
        CardReader.CardView card = reader.card(code, year);
        model.addAttribute("card", card);
        model.addAttribute("rows", card.commitments().stream().filter(r -> !r.withdrawn()).toList());
        model.addAttribute("blanks", card.published() ? 2 : 3);
        model.addAttribute("duties", String.join("\n", card.duties()));
        model.addAttribute("targets", TargetKind.values());
        model.addAttribute("thisYear", book.today().getYear());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "commitments/edit";
    }

    @PostMapping("/commitments/card")
    String publish(CurrentUser user, @RequestParam(required = false) String member, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) Integer version, @RequestParam(required = false) String duties,
                   @RequestParam(required = false) String key, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            List<String> lines = duties == null ? List.of() : Arrays.stream(duties.split("\\R")).filter(s -> !s.isBlank()).toList();
            CommitmentDesk.Published done = desk.publish(user, new CommitmentDesk.Publication(member, year, version, lines,
                    commitments(request)), key);
            redirect.addFlashAttribute("done", "commitments.saved");
            return "redirect:/members/" + done.memberCode() + "/card?year=" + done.year();
        } catch (IllegalArgumentException | ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return form(user, member, year, model);
        }
    }

    @PostMapping("/commitments/{id}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            CommitmentDesk.Published done = desk.withdraw(user, id, reason);
            redirect.addFlashAttribute("done", "commitments.withdrawn");
            return "redirect:/members/" + done.memberCode() + "/card?year=" + done.year();
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/commitments";
        }
    }

    /** The form's rows of commitments: parallel fields, read one by one so a comma in a text stays in it. */
    private static List<CommitmentDesk.NewCommitment> commitments(HttpServletRequest request) {
        String[] texts = values(request, "text");
        String[] ids = values(request, "id");
        String[] targets = values(request, "target");
        String[] counts = values(request, "count");
        String[] meetings = values(request, "meeting");
        String[] decisions = values(request, "decision");
        List<CommitmentDesk.NewCommitment> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(new CommitmentDesk.NewCommitment(number(ids, i, "承诺编号"), texts[i], at(targets, i),
                    integer(counts, i, "目标数量"), number(meetings, i, "会议编号"), integer(decisions, i, "决定事项序号")));
        }
        return rows;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length && !values[i].isBlank() ? values[i].trim() : null;
    }

    private static Long number(String[] values, int i, String field) {
        String text = at(values, i);
        if (text == null) {
            return null;
        }
        if (!text.matches("-?[0-9]{1,18}")) {
            throw new IllegalArgumentException(field + "应为整数");
        }
        return Long.valueOf(text);
    }

    private static Integer integer(String[] values, int i, String field) {
        Long n = number(values, i, field);
        if (n != null && (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE)) {
            throw new IllegalArgumentException(field + "超出范围");
        }
        return n == null ? null : n.intValue();
    }
}
