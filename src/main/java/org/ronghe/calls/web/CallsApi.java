package org.ronghe.calls.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.metrics.CallMetrics;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The call API: raise, list, read, and every step of the lifecycle, each answered with the call as it now stands. */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "calls", description = "有呼必应：诉求的提出、派单、签收、退单、办结、评价、重办、延期、吹哨")
class CallsApi {

    private final CallDesk desk;
    private final CallQueries queries;
    private final CallScopes scopes;
    private final CallViews views;
    private final CallMetrics metrics;

    CallsApi(CallDesk desk, CallQueries queries, CallScopes scopes, CallViews views, CallMetrics metrics) {
        this.desk = desk;
        this.queries = queries;
        this.scopes = scopes;
        this.views = views;
        this.metrics = metrics;
    }

    @PostMapping
    @Operation(summary = "提出诉求：按类别自动派单（唯一责任单位）或进入派单队列；同一 Idempotency-Key 只产生一个诉求")
    ResponseEntity<CallView> raise(CurrentUser user, @RequestBody CallDesk.NewCall call,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CallDesk.Raised raised = desk.raise(user, call, key);
        CallView view = views.of(user, raised.id());
        return raised.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.created(URI.create("/api/v1/calls/" + raised.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "诉求列表（按数据范围过滤；repliedOn 为某日有答复的诉求）")
    PageResult<CallQueries.CallRow> list(CurrentUser user, @RequestParam(required = false) CallState state,
                                         @RequestParam(required = false) String organ,
                                         @RequestParam(required = false) String lead,
                                         @RequestParam(required = false) String street,
                                         @RequestParam(required = false) String community,
                                         @RequestParam(required = false) String category,
                                         @RequestParam(required = false) Origin origin,
                                         @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(required = false) Boolean queue,
                                         @RequestParam(required = false) Boolean open,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) Rating rating,
                                         @RequestParam(required = false) Boolean solved,
                                         @RequestParam(required = false) Urgency urgency,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repliedOn,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return queries.page(scopes.of(user), new CallQueries.Filter(state, organ, lead, street, community, category, origin,
                overdue, queue, open, q, from, to, rating, solved, urgency, repliedOn), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "诉求详情，含办理时间线")
    CallView get(CurrentUser user, @PathVariable long id) {
        return views.of(user, id);
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "派单或改派（指挥中心）")
    CallView dispatch(CurrentUser user, @PathVariable long id, @RequestBody Dispatch body) {
        desk.dispatch(user, id, body.lead(), body.coHandlers());
        return views.of(user, id);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "签收（主办单位）")
    CallView accept(CurrentUser user, @PathVariable long id) {
        desk.accept(user, id);
        return views.of(user, id);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "退单，须说明理由（主办单位）")
    CallView giveBack(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        desk.giveBack(user, id, body.reason());
        return views.of(user, id);
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "办结答复（主办单位）")
    CallView reply(CurrentUser user, @PathVariable long id, @RequestBody Reply body) {
        desk.reply(user, id, body.text());
        return views.of(user, id);
    }

    @PostMapping("/{id}/rate")
    @Operation(summary = "评价：满意 / 基本满意 / 不满意，及是否解决（提出方）")
    CallView rate(CurrentUser user, @PathVariable long id, @RequestBody Rate body) {
        desk.rate(user, id, body.rating(), Boolean.TRUE.equals(body.solved()), body.comment());
        return views.of(user, id);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "重办：不满意的诉求回到原主办单位（提出方）")
    CallView reopen(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Reason body) {
        desk.reopen(user, id, body == null ? null : body.reason());
        return views.of(user, id);
    }

    @PostMapping("/{id}/extend")
    @Operation(summary = "延期：主办单位以 until 和 reason 申请；指挥中心以 approve 审批")
    CallView extend(CurrentUser user, @PathVariable long id, @RequestBody Extend body) {
        if (body.approve() != null) {
            desk.decideExtension(user, id, body.approve());
        } else {
            desk.requestExtension(user, id, body.until(), body.reason());
        }
        return views.of(user, id);
    }

    @PostMapping("/{id}/whistle")
    @Operation(summary = "吹哨：召集多个机关单位，各单位须在时限内报到（街道）")
    CallView whistle(CurrentUser user, @PathVariable long id, @RequestBody Whistle body) {
        desk.whistle(user, id, body.organs());
        return views.of(user, id);
    }

    @PostMapping("/{id}/checkin")
    @Operation(summary = "吹哨报到（被召集单位）")
    CallView checkIn(CurrentUser user, @PathVariable long id) {
        desk.checkIn(user, id);
        return views.of(user, id);
    }

    @GetMapping("/metrics")
    @Operation(summary = "响应率、按时办结率、解决率、满意率，按单位、街道、社区或类别分组")
    List<CallMetrics.MetricRow> metrics(CurrentUser user, @RequestParam(defaultValue = "organ") String groupBy,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CallMetrics.GroupBy group;
        try {
            group = CallMetrics.GroupBy.valueOf(groupBy.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("groupBy 应为 organ、street、community 或 category");
        }
        return metrics.by(group, scopes.of(user), from, to);
    }

    record Dispatch(String lead, List<String> coHandlers) {
    }

    record Reason(String reason) {
    }

    record Reply(String text) {
    }

    record Rate(Rating rating, Boolean solved, String comment) {
    }

    record Extend(Instant until, String reason, Boolean approve) {
    }

    record Whistle(List<String> organs) {
    }
}
