package org.ronghe.visits.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.visits.VisitScopes;
import org.ronghe.visits.visit.Coverage;
import org.ronghe.visits.visit.Problem;
import org.ronghe.visits.visit.VisitDesk;
import org.ronghe.visits.visit.Visits;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Visits: record one (its problems become calls in the same transaction), list, read, follow up, coverage. */
@RestController
@RequestMapping("/api/v1/visits")
@Tag(name = "visits", description = "走访记录：一分钟记录走访，听到的问题即成诉求，办结后回访住户")
class VisitsApi {

    private final VisitDesk desk;
    private final Visits visits;
    private final Coverage coverage;
    private final VisitScopes scopes;

    VisitsApi(VisitDesk desk, Visits visits, Coverage coverage, VisitScopes scopes) {
        this.desk = desk;
        this.visits = visits;
        this.coverage = coverage;
        this.scopes = scopes;
    }

    record VisitView(Visits.VisitRow visit, List<Visits.ProblemRow> problems) {
    }

    @PostMapping
    @Operation(summary = "记录走访；每个问题在同一事务中成为一条诉求（来源：走访）；同一 Idempotency-Key 只记录一次")
    ResponseEntity<VisitView> record(CurrentUser user, @RequestBody VisitDesk.NewVisit visit,
                                     @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        VisitDesk.Recorded recorded = desk.record(user, visit, key);
        VisitView view = one(user, recorded.id());
        return recorded.replayed() ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.created(URI.create("/api/v1/visits/" + recorded.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "走访记录列表（按数据范围；党员只见自己的；from/to 为走访日期）")
    PageResult<Visits.VisitRow> list(CurrentUser user, @RequestParam(required = false) Long campaign,
                                     @RequestParam(required = false) String community, @RequestParam(required = false) String organ,
                                     @RequestParam(required = false) String partyOrg, @RequestParam(required = false) String member,
                                     @RequestParam(required = false) Long household, @RequestParam(required = false) Boolean first,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return visits.visits(scopes.of(user), new Visits.Filter(campaign, community, organ, partyOrg, member, household, null, null, first,
                from, to), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次走访及其问题的办理和回访")
    VisitView one(CurrentUser user, @PathVariable long id) {
        Visits.VisitRow visit = visits.visit(scopes.of(user), id).orElseThrow(() -> new NotFoundException("走访记录", String.valueOf(id)));
        return new VisitView(visit, visits.problemsOfVisit(id));
    }

    @GetMapping("/problems")
    @Operation(summary = "走访中听到的问题（state=OPEN|DUE|FOLLOWED_UP，resolved=true 为已解决）")
    PageResult<Visits.ProblemRow> problems(CurrentUser user, @RequestParam(required = false) Long campaign,
                                           @RequestParam(required = false) String community, @RequestParam(required = false) String organ,
                                           @RequestParam(required = false) String partyOrg, @RequestParam(required = false) String member,
                                           @RequestParam(required = false) Long household, @RequestParam(required = false) Problem.State state,
                                           @RequestParam(required = false) Boolean resolved,
                                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return visits.problems(scopes.of(user), new Visits.Filter(campaign, community, organ, partyOrg, member, household, state, resolved,
                null), PageQuery.of(page, size));
    }

    record FollowUp(String note, Boolean satisfied) {
    }

    @PostMapping("/problems/{id}/follow-up")
    @Operation(summary = "回访：诉求办结关闭后，走访人告诉住户办理结果并记录住户的反馈")
    Visits.ProblemRow followUp(CurrentUser user, @PathVariable long id, @RequestBody FollowUp followUp) {
        desk.followUp(user, id, followUp.note(), followUp.satisfied());
        return visits.problemRow(id).orElseThrow(() -> new NotFoundException("走访问题", String.valueOf(id)));
    }

    @GetMapping("/coverage")
    @Operation(summary = "全部走访（不分活动）的覆盖与跟进：按社区、机关、党组织、党员或区领导")
    PageResult<Coverage.Row> coverage(CurrentUser user, @RequestParam(required = false) Long campaign,
                                      @RequestParam(required = false) String by,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return coverage.rows(scopes.of(user), campaign, Coverage.By.of(by), PageQuery.of(page, size));
    }
}
