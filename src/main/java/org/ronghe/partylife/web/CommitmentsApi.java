package org.ronghe.partylife.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.partylife.commitment.CardReader;
import org.ronghe.partylife.commitment.CommitmentDesk;
import org.ronghe.partylife.commitment.CommitmentQueries;
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

/** Members' 三亮 cards: duties and commitments, fulfilment computed from the records. */
@RestController
@RequestMapping("/api/v1/commitments")
@Tag(name = "commitments", description = "党员三亮（亮身份、亮承诺、亮清单）：承诺卡的发布与修订，量化承诺的兑现情况由记录计算")
class CommitmentsApi {

    private final CommitmentDesk desk;
    private final CommitmentQueries queries;
    private final CardReader reader;

    CommitmentsApi(CommitmentDesk desk, CommitmentQueries queries, CardReader reader) {
        this.desk = desk;
        this.queries = queries;
        this.reader = reader;
    }

    /** The withdrawal's reason. */
    record Withdrawal(String reason) {
    }

    @GetMapping
    @Operation(summary = "党员承诺（不含已撤回），每条附由记录计算的进度；按数据范围过滤（本组织及上下级组织的党员、本单位党组书记、工委）。"
            + "org 含下级组织，q 搜索姓名、编码或承诺内容；measurable=true 仅量化承诺，false 仅不可量化；fulfilled=true 仅已兑现，false 仅未兑现的量化承诺")
    PageResult<CommitmentQueries.Row> list(CurrentUser user, @RequestParam(required = false) String org,
                                           @RequestParam(required = false) String organ, @RequestParam(required = false) String member,
                                           @RequestParam(required = false) String q, @RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) Boolean measurable,
                                           @RequestParam(required = false) Boolean fulfilled,
                                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.list(desk.scopeOf(user), new CommitmentQueries.Filter(org, organ, member, q, year, measurable, fulfilled),
                PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "发布或修订承诺卡（党员本人；本单位党组书记、工委代为登记）：member 默认本人，year 默认今年（可为明年）；"
            + "commitments 中带 id 的保留或修改、不带 id 的新增、未列出的撤回；target 为 HOUSEHOLDS_VISITED、PROBLEMS_RESOLVED、"
            + "SERVICE_HOURS（附 count）或 DECISION_DELIVERED（附 meeting、decision），不填为不可量化；version 防止覆盖他人的修改；"
            + "同一 Idempotency-Key 只产生一次发布或修订")
    ResponseEntity<CardReader.CardView> publish(CurrentUser user, @RequestBody CommitmentDesk.Publication body,
                                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CommitmentDesk.Published published = desk.publish(user, body, key);
        CardReader.CardView card = reader.card(published.memberCode(), published.year());
        if (published.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(card);
        }
        return published.created()
                ? ResponseEntity.created(URI.create("/api/v1/commitments/cards/" + published.memberCode() + "?year=" + published.year()))
                .body(card)
                : ResponseEntity.ok(card);
    }

    @GetMapping("/cards/{code}")
    @Operation(summary = "一名党员的三亮承诺卡（公开：任何已登录用户可见，不含电话和身份证号）：身份取自党员名册，清单、承诺及其进度；year 默认今年")
    CardReader.CardView card(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return reader.card(code, year);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回一项承诺，须说明理由（党员本人、本单位党组书记、工委）；撤回的承诺保留在承诺卡上，不再计入")
    CardReader.CardView withdraw(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Withdrawal body) {
        CommitmentDesk.Published done = desk.withdraw(user, id, body == null ? null : body.reason());
        return reader.card(done.memberCode(), done.year());
    }
}
