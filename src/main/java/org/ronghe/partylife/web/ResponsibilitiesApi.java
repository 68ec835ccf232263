package org.ronghe.partylife.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.partylife.responsibility.DutyReportDesk;
import org.ronghe.partylife.responsibility.DutyReports;
import org.ronghe.partylife.responsibility.DutyFulfilment;
import org.ronghe.partylife.responsibility.ItemStatus;
import org.ronghe.partylife.responsibility.LetterDesk;
import org.ronghe.partylife.responsibility.LetterState;
import org.ronghe.partylife.responsibility.Letters;
import org.ronghe.partylife.responsibility.Responsibilities;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Responsibility letters with their two lists and three meetings (一书两单三会议), and the duty reports (述职述廉). */
@RestController
@RequestMapping("/api/v1/responsibilities")
@Tag(name = "responsibilities", description = "一书两单三会议：责任书、党建工作和党风廉政建设责任清单、三会议；述职述廉及测评")
class ResponsibilitiesApi {

    private final Responsibilities reads;
    private final LetterDesk letters;
    private final DutyReportDesk reports;

    ResponsibilitiesApi(Responsibilities reads, LetterDesk letters, DutyReportDesk reports) {
        this.reads = reads;
        this.letters = letters;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "责任书（按数据范围过滤：本单位党组书记、本单位党组织的党员、工委），可按单位 organ、年度 year、状态 state 筛选；附各责任书的事项数、已完成数、逾期数")
    PageResult<Letters.Row> list(CurrentUser user, @RequestParam(required = false) String organ,
                                 @RequestParam(required = false) Integer year, @RequestParam(required = false) LetterState state,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.letters(user, new Letters.Filter(organ, year, state), PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "下达责任书（工委）：单位 organ、年度 year，每个单位每年一份；同一 Idempotency-Key 只产生一份")
    ResponseEntity<Responsibilities.LetterDetail> issue(CurrentUser user, @RequestBody LetterDesk.NewLetter body,
                                                        @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        LetterDesk.Created created = letters.issue(user, body, key);
        Responsibilities.LetterDetail detail = reads.letter(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/responsibilities/" + created.id())).body(detail);
    }

    @GetMapping("/items")
    @Operation(summary = "责任清单事项及完成情况（由记录计算：已完成、推进中、逾期未完成），按数据范围过滤；status 筛选，默认不含已撤回")
    PageResult<DutyFulfilment.ItemView> items(CurrentUser user, @RequestParam(required = false) String organ,
                                          @RequestParam(required = false) Integer year, @RequestParam(required = false) ItemStatus status,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.items(user, new Letters.Filter(organ, year, null), status, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "一份责任书：两份责任清单及每项的完成情况与支撑记录、三会议召开情况、本单位当年的述职述廉")
    Responsibilities.LetterDetail one(CurrentUser user, @PathVariable long id) {
        return reads.letter(user, id);
    }

    @PostMapping("/{id}/sign")
    @Operation(summary = "签订责任书（本单位党组书记）：已下达 → 已签订，只能签订一次")
    Responsibilities.LetterDetail sign(CurrentUser user, @PathVariable long id) {
        letters.sign(user, id);
        return reads.letter(user, id);
    }

    @PostMapping("/{id}/items")
    @Operation(summary = "在责任清单中增加事项（工委；本单位党组书记）：清单 list、内容 text、责任人 owner（本单位党员编码）、完成时限 dueOn，可选衡量方式 measure（MEETINGS 配 meetingKind，COMPLIANCE，DECISIONS）与目标值 target")
    ResponseEntity<Responsibilities.LetterDetail> addItem(CurrentUser user, @PathVariable long id,
                                                          @RequestBody LetterDesk.ItemRequest body) {
        letters.addItem(user, id, body);
        return ResponseEntity.status(201).body(reads.letter(user, id));
    }

    @PostMapping("/{id}/items/{n}/revise")
    @Operation(summary = "修改责任事项（工委；本单位党组书记），已撤回的事项不能修改")
    Responsibilities.LetterDetail reviseItem(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                             @RequestBody LetterDesk.ItemRequest body) {
        letters.reviseItem(user, id, n, body);
        return reads.letter(user, id);
    }

    @PostMapping("/{id}/items/{n}/withdraw")
    @Operation(summary = "撤回责任事项（工委；本单位党组书记），须说明理由；事项保留并标明已撤回")
    Responsibilities.LetterDetail withdrawItem(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                               @RequestBody LetterDesk.Withdrawal body) {
        letters.withdrawItem(user, id, n, body);
        return reads.letter(user, id);
    }

    @PostMapping("/{id}/items/{n}/records")
    @Operation(summary = "为责任事项附上支撑记录（工委；本单位党组书记）：本单位党组织的会议 meeting，或其决定事项 decision")
    Responsibilities.LetterDetail attach(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                         @RequestBody LetterDesk.RecordRequest body) {
        letters.attach(user, id, n, body);
        return reads.letter(user, id);
    }

    @GetMapping("/duty-reports")
    @Operation(summary = "述职述廉报告及测评结果（好+较好的比例），按数据范围过滤，可按单位 organ、年度 year 筛选")
    PageResult<DutyReports.Row> dutyReports(CurrentUser user, @RequestParam(required = false) String organ,
                                            @RequestParam(required = false) Integer year,
                                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.dutyReports(user, new DutyReports.Filter(organ, year), PageQuery.of(page, size));
    }

    @PostMapping("/duty-reports")
    @Operation(summary = "提交述职述廉报告（本单位党组书记；党组织书记本人）：党组织 org、述职人 reporter、述职评议会 meeting、内容 text；每个党组织每年一份；同一 Idempotency-Key 只产生一份")
    ResponseEntity<DutyReports.Detail> submit(CurrentUser user, @RequestBody DutyReportDesk.NewReport body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        LetterDesk.Created created = reports.submit(user, body, key);
        DutyReports.Detail detail = reads.dutyReport(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/responsibilities/duty-reports/" + created.id())).body(detail);
    }

    @GetMapping("/duty-reports/{id}")
    @Operation(summary = "一份述职述廉报告：内容、测评票数与结果、经过")
    DutyReports.Detail dutyReport(CurrentUser user, @PathVariable long id) {
        return reads.dutyReport(user, id);
    }

    @PostMapping("/duty-reports/{id}/votes")
    @Operation(summary = "测评投票（出席述职评议会的党员，每人一票，述职人不参加）：grade 为 GOOD 好、FAIRLY_GOOD 较好、FAIR 一般、POOR 差")
    DutyReports.Detail vote(CurrentUser user, @PathVariable long id, @RequestBody DutyReportDesk.Vote body) {
        reports.vote(user, id, body);
        return reads.dutyReport(user, id);
    }

    @PostMapping("/duty-reports/{id}/tallies")
    @Operation(summary = "录入纸质测评票数（工委）：good、fairlyGood、fair、poor；已有投票的述职不能录入，合计不超过出席人数")
    DutyReports.Detail tally(CurrentUser user, @PathVariable long id, @RequestBody DutyReportDesk.Tally body) {
        reports.tally(user, id, body);
        return reads.dutyReport(user, id);
    }
}
