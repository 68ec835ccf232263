package org.ronghe.visits.service.web;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Xlsx;
import org.ronghe.visits.service.CheckIn;
import org.ronghe.visits.service.Feedback;
import org.ronghe.visits.service.ServiceDesk;
import org.ronghe.visits.service.ServiceItem;
import org.ronghe.visits.service.ServiceLog;
import org.ronghe.visits.service.ServiceQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The check-in and community service API; each step answers with the record as it now stands. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "service", description = "在职党员到社区报到（双报到）、社区服务项目与微心愿、服务时长、季度服务反馈表")
class ServiceApi {

    private final ServiceDesk desk;
    private final ServiceQueries queries;
    private final Feedback feedback;

    ServiceApi(ServiceDesk desk, ServiceQueries queries, Feedback feedback) {
        this.desk = desk;
        this.queries = queries;
        this.feedback = feedback;
    }

    // ---------------------------------------------------------------- check-ins

    @GetMapping("/checkins")
    @Operation(summary = "报到记录（按数据范围过滤）")
    PageResult<ServiceQueries.CheckInRow> checkIns(CurrentUser user, @RequestParam(required = false) CheckIn.State state,
                                                   @RequestParam(required = false) String community,
                                                   @RequestParam(required = false) String organ,
                                                   @RequestParam(required = false) String member,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return queries.checkIns(desk.scopeOf(user), new ServiceQueries.CheckInFilter(state, community, organ, member),
                PageQuery.of(page, size));
    }

    @PostMapping("/checkins")
    @Operation(summary = "到居住社区报到（党员本人）或代为登记报到（工委，直接确认）；同一 Idempotency-Key 只产生一条记录")
    ResponseEntity<ServiceQueries.CheckInRow> report(CurrentUser user, @RequestBody ServiceDesk.NewCheckIn body,
                                                     @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        ServiceDesk.Created created = desk.report(user, body, key);
        return answer(created, "/api/v1/checkins/", checkIn(user, created.id()));
    }

    @PostMapping("/checkins/{id}/confirm")
    @Operation(summary = "确认报到（所在社区）")
    ServiceQueries.CheckInRow confirmCheckIn(CurrentUser user, @PathVariable long id) {
        desk.confirmCheckIn(user, id);
        return checkIn(user, id);
    }

    @PostMapping("/checkins/{id}/decline")
    @Operation(summary = "不予确认报到，须说明理由（所在社区）")
    ServiceQueries.CheckInRow decline(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        desk.declineCheckIn(user, id, body.reason());
        return checkIn(user, id);
    }

    // ---------------------------------------------------------------- items

    @GetMapping("/service-items")
    @Operation(summary = "服务项目：需求、岗位、微心愿（按数据范围过滤）")
    PageResult<ServiceQueries.ItemRow> items(CurrentUser user, @RequestParam(required = false) ServiceItem.State state,
                                             @RequestParam(required = false) ServiceItem.Kind kind,
                                             @RequestParam(required = false) String community,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return queries.items(desk.scopeOf(user), new ServiceQueries.ItemFilter(state, kind, community), PageQuery.of(page, size));
    }

    @PostMapping("/service-items")
    @Operation(summary = "发布服务项目（社区）；同一 Idempotency-Key 只产生一个项目")
    ResponseEntity<ServiceQueries.ItemRow> publish(CurrentUser user, @RequestBody ServiceDesk.NewItem body,
                                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        ServiceDesk.Created created = desk.publish(user, body, key);
        return answer(created, "/api/v1/service-items/", item(user, created.id()));
    }

    @PostMapping("/service-items/{id}/claim")
    @Operation(summary = "认领服务项目（已在该社区报到的党员）")
    ServiceQueries.ItemRow claim(CurrentUser user, @PathVariable long id) {
        desk.claim(user, id);
        return item(user, id);
    }

    @PostMapping("/service-items/{id}/done")
    @Operation(summary = "确认服务项目已完成（社区）")
    ServiceQueries.ItemRow done(CurrentUser user, @PathVariable long id) {
        desk.done(user, id);
        return item(user, id);
    }

    @PostMapping("/service-items/{id}/withdraw")
    @Operation(summary = "撤回服务项目，须说明理由（社区）")
    ServiceQueries.ItemRow withdraw(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        desk.withdraw(user, id, body.reason());
        return item(user, id);
    }

    // ---------------------------------------------------------------- logs

    @GetMapping("/service-logs")
    @Operation(summary = "服务时长记录（按数据范围过滤），含筛选结果的时长合计")
    ServiceQueries.LogPage logs(CurrentUser user, @RequestParam(required = false) ServiceLog.State state,
                                @RequestParam(required = false) String member, @RequestParam(required = false) String community,
                                @RequestParam(required = false) String organ,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.logs(desk.scopeOf(user), new ServiceQueries.LogFilter(state, member, community, organ, from, to),
                PageQuery.of(page, size));
    }

    @PostMapping("/service-logs")
    @Operation(summary = "登记服务时长（党员本人；每天合计不超过 24 小时）；同一 Idempotency-Key 只产生一条记录")
    ResponseEntity<ServiceQueries.LogRow> log(CurrentUser user, @RequestBody ServiceDesk.NewLog body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        ServiceDesk.Created created = desk.log(user, body, key);
        return answer(created, "/api/v1/service-logs/", log(user, created.id()));
    }

    @PostMapping("/service-logs/{id}/confirm")
    @Operation(summary = "确认服务时长，可附社区评语（社区）")
    ServiceQueries.LogRow confirmLog(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Remark body) {
        desk.confirmLog(user, id, body == null ? null : body.remark());
        return log(user, id);
    }

    @PostMapping("/service-logs/{id}/reject")
    @Operation(summary = "退回服务时长，须说明理由（社区）")
    ServiceQueries.LogRow reject(CurrentUser user, @PathVariable long id, @RequestBody Reason body) {
        desk.rejectLog(user, id, body.reason());
        return log(user, id);
    }

    // ---------------------------------------------------------------- feedback

    @GetMapping("/service-feedback")
    @Operation(summary = "季度服务反馈表：机关单位每名党员的报到、服务次数与时长、服务项目、社区评语和问题提示（工委；本单位党组书记）")
    Feedback.Sheet feedback(CurrentUser user, @RequestParam(required = false) String organ,
                            @RequestParam(required = false) String quarter) {
        return feedback.sheet(user, organ, quarter);
    }

    @GetMapping("/service-feedback.xlsx")
    @Operation(summary = "季度服务反馈表（Excel）")
    void feedbackXlsx(CurrentUser user, @RequestParam(required = false) String organ, @RequestParam(required = false) String quarter,
                      HttpServletResponse response) throws java.io.IOException {
        Feedback.Sheet sheet = feedback.sheet(user, organ, quarter);
        response.setContentType(Xlsx.CONTENT_TYPE);
        String name = "service-feedback-" + (sheet.organCode() == null ? "all" : sheet.organCode()) + "-" + sheet.quarter() + ".xlsx";
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        feedback.xlsx(sheet, response.getOutputStream());
    }

    // ---------------------------------------------------------------- answers

    private ServiceQueries.CheckInRow checkIn(CurrentUser user, long id) {
        return one(queries.checkIns(desk.scopeOf(user), ServiceQueries.CheckInFilter.none(), PageQuery.of(1, 1), id));
    }

    private ServiceQueries.ItemRow item(CurrentUser user, long id) {
        return one(queries.items(desk.scopeOf(user), ServiceQueries.ItemFilter.none(), PageQuery.of(1, 1), id));
    }

    private ServiceQueries.LogRow log(CurrentUser user, long id) {
        return one(queries.logs(desk.scopeOf(user), ServiceQueries.LogFilter.none(), PageQuery.of(1, 1), id));
    }

    private static <T> T one(java.util.List<T> rows) {
        if (rows.isEmpty()) {
            throw new org.ronghe.platform.NotFoundException("记录", "");
        }
        return rows.get(0);
    }

    private static <T> ResponseEntity<T> answer(ServiceDesk.Created created, String path, T body) {
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(body)
                : ResponseEntity.created(URI.create(path + created.id())).body(body);
    }

    record Reason(String reason) {
    }

    record Remark(String remark) {
    }
}
