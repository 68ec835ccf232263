package org.ronghe.platform.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Xlsx;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Search and export of the audit log, for administrators only (see the security configuration). */
@Controller
@Tag(name = "audit", description = "审计日志")
class AuditController {

    static final int EXPORT_LIMIT = 100_000;
    private final AuditEntries entries;
    private final Clock clock;

    AuditController(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(Filter f, Model model) {
        model.addAttribute("filter", f);
        model.addAttribute("result", entries.search(f.toFilter(clock), PageQuery.of(f.page(), f.size())));
        return "audit/list";
    }

    @GetMapping("/api/v1/audit")
    @ResponseBody
    @Operation(summary = "检索审计日志（按操作人、动作、对象、时间）")
    PageResult<AuditEntries.AuditRow> api(Filter f) {
        return entries.search(f.toFilter(clock), PageQuery.of(f.page(), f.size()));
    }

    @GetMapping({"/audit/export.xlsx", "/api/v1/audit/export.xlsx"})
    void export(Filter f, HttpServletResponse response) throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.xlsx\"");
        List<List<?>> rows = new ArrayList<>();
        entries.stream(f.toFilter(clock), EXPORT_LIMIT, r -> rows.add(java.util.Arrays.asList(
                r.id(), r.at(), r.actor(), r.action(),
                r.subject(), r.key(), r.before(), r.after(), r.remoteAddr())));
        Xlsx.write(response.getOutputStream(), "审计日志",
                List.of("序号", "时间", "操作人", "动作", "对象类型", "对象编码", "变更前", "变更后", "来源地址"), rows);
    }

    record Filter(String actor, String action, String subject, String key,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Integer page, Integer size) {

        AuditEntries.AuditFilter toFilter(Clock clock) {
            return new AuditEntries.AuditFilter(actor, action, subject, key, from, to, clock.getZone());
        }
    }
}
