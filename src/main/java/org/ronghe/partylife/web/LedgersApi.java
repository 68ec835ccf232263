package org.ronghe.partylife.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.partylife.ledger.Ledger;
import org.ronghe.partylife.ledger.Ledgers;
import org.ronghe.platform.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledgers (台账) of an organisation's year as JSON, XLSX and DOCX. The file formats are separate paths with a
 * suffix ({@code 2026.xlsx}): Spring MVC's path patterns match a literal suffix after a variable, and the more
 * specific pattern wins over {@code {year}}, so no {@code ?format=} is needed.
 */
@RestController
@RequestMapping("/api/v1/ledgers")
@Tag(name = "ledgers", description = "组织生活台账：会议记录、党员出勤、学习记录（第一议题）、决议落实，由记录生成")
class LedgersApi {

    private final Ledgers ledgers;

    LedgersApi(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    @GetMapping("/{org}/{year}")
    @Operation(summary = "党组织某年度的组织生活台账（合规情况、会议记录、党员出勤、学习记录、决议落实），按数据范围：本组织及上级组织的党员、本单位党组书记、工委")
    Ledger ledger(CurrentUser user, @PathVariable String org, @PathVariable int year) {
        return ledgers.ledger(user, org, year);
    }

    @GetMapping("/{org}/{year}.xlsx")
    @Operation(summary = "组织生活台账 Excel：每本台账一个工作表，表头加粗并冻结")
    void xlsx(CurrentUser user, @PathVariable String org, @PathVariable int year, HttpServletResponse response) throws IOException {
        LedgerDownloads.send(ledgers.ledger(user, org, year), LedgerDownloads.Format.XLSX, response);
    }

    @GetMapping("/{org}/{year}.docx")
    @Operation(summary = "组织生活台账 Word：标题“XX党支部 XXXX年度 组织生活台账”，每本台账一个标题和表格，供打印归档")
    void docx(CurrentUser user, @PathVariable String org, @PathVariable int year, HttpServletResponse response) throws IOException {
        LedgerDownloads.send(ledgers.ledger(user, org, year), LedgerDownloads.Format.DOCX, response);
    }
}
