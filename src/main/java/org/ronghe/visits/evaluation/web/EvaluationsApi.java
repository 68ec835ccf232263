package org.ronghe.visits.evaluation.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.visits.evaluation.EvaluationDesk;
import org.ronghe.visits.evaluation.EvaluationQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evaluation API: periods, ratings and an organ's results beside its call outcomes. */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "evaluations", description = "基层评议机关：评议期、社区对结对机关的评议、机关的评议结果与诉求办理情况")
class EvaluationsApi {

    private final EvaluationDesk desk;
    private final EvaluationQueries queries;

    EvaluationsApi(EvaluationDesk desk, EvaluationQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "评议列表（按数据范围过滤：机关只见本机关，街道、社区只见本辖区社区的评议）")
    PageResult<EvaluationQueries.Row> list(CurrentUser user, @RequestParam(required = false) String period,
                                           @RequestParam(required = false) String organ,
                                           @RequestParam(required = false) String community,
                                           @RequestParam(required = false) String grade,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return queries.page(user, new EvaluationQueries.Filter(period, organ, community, grade), PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "评议或修改评议：社区对结对机关评为满意、比较满意、基本满意或不满意（不满意须填写意见）；同一 Idempotency-Key 只评议一次")
    ResponseEntity<EvaluationQueries.Row> rate(CurrentUser user, @RequestBody EvaluationDesk.Rate body,
                                               @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        EvaluationDesk.Rated rated = desk.rate(user, body, key);
        EvaluationQueries.Row row = queries.one(user, rated.id());
        if (rated.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(row);
        }
        return rated.created() ? ResponseEntity.created(URI.create("/api/v1/evaluations?period=" + row.period())).body(row)
                : ResponseEntity.ok(row);
    }

    @GetMapping("/periods")
    @Operation(summary = "评议期列表")
    List<EvaluationQueries.PeriodView> periods() {
        return queries.periods();
    }

    @PostMapping("/periods")
    @Operation(summary = "设立评议期（区直机关工委）")
    ResponseEntity<EvaluationQueries.PeriodView> open(CurrentUser user, @RequestBody EvaluationDesk.NewPeriod body) {
        var period = desk.openPeriod(user, body);
        return ResponseEntity.created(URI.create("/api/v1/evaluations?period=" + period.code()))
                .body(queries.view(period));
    }

    @PostMapping("/periods/{code}/close")
    @Operation(summary = "关闭评议期：此后不再接受评议和修改（区直机关工委）")
    EvaluationQueries.PeriodView close(CurrentUser user, @PathVariable String code) {
        return queries.view(desk.closePeriod(user, code));
    }

    @GetMapping("/organs/{code}")
    @Operation(summary = "机关的评议结果：各结对社区的评议，及本机关在该社区同期的诉求办理情况（本机关与区直机关工委）")
    EvaluationQueries.OrganResults organ(CurrentUser user, @PathVariable String code,
                                         @RequestParam(required = false) String period) {
        return queries.organ(user, code, period);
    }
}
