package org.ronghe.platform.audit;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "审计日志（仅管理员）")
class AuditApi {

    private final AuditEntries entries;
    private final AuditChain chain;
    private final Clock clock;

    AuditApi(AuditEntries entries, AuditChain chain, Clock clock) {
        this.entries = entries;
        this.chain = chain;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit/verify")
    @Operation(summary = "校验审计日志链：逐条核对封条（HMAC-SM3），列出被改动、删除或未入链的记录")
    AuditChain.Verification verify() {
        return chain.verify();
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "检索审计日志（按操作人、动作、对象、时间），最新在前")
    PageResult<AuditEntries.AuditRow> search(AuditController.Filter f) {
        return entries.search(f.toFilter(clock), PageQuery.of(f.page(), f.size()));
    }
}
