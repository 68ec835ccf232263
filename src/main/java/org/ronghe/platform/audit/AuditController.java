package org.ronghe.platform.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Xlsx;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log page and its export, for administrators only (see the security configuration). */
@Controller
class AuditController {

    static final int EXPORT_LIMIT = 100_000;
    static final List<String> HEADERS = List.of("序号", "时间", "操作人", "动作", "对象类型", "对象编码", "变更前", "变更后", "来源地址");

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

    @GetMapping({"/audit/export.xlsx", "/api/v1/audit/export.xlsx"})
    void export(Filter f, HttpServletResponse response) throws IOException {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-" + LocalDate.now(clock) + ".xlsx\"");
        Xlsx.write(response.getOutputStream(), "审计日志", HEADERS, sink -> entries.stream(f.toFilter(clock), EXPORT_LIMIT,
                r -> sink.accept(Arrays.asList(r.id(), r.at(), r.actor(), r.action(), r.subject(), r.key(), r.before(),
                        r.after(), r.remoteAddr()))));
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
