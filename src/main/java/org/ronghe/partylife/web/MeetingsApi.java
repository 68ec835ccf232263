package org.ronghe.partylife.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.partylife.Compliance;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.DecisionDesk;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.MeetingRules;
import org.ronghe.partylife.Meetings;
import org.ronghe.partylife.Reminders;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
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

/** Meetings of the party organisations, their compliance with the frequency rules, and the reminders. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "partylife", description = "组织生活：三会一课、主题党日、组织生活会、民主评议党员的登记，频次规则、合规情况与提醒")
class MeetingsApi {

    private final MeetingDesk desk;
    private final DecisionDesk decisionDesk;
    private final Meetings meetings;
    private final ComplianceBook book;
    private final MeetingRules rules;
    private final Reminders reminders;

    MeetingsApi(MeetingDesk desk, DecisionDesk decisionDesk, Meetings meetings, ComplianceBook book, MeetingRules rules,
                Reminders reminders) {
        this.desk = desk;
        this.decisionDesk = decisionDesk;
        this.meetings = meetings;
        this.book = book;
        this.rules = rules;
        this.reminders = reminders;
    }

    @GetMapping("/meetings")
    @Operation(summary = "会议记录（按数据范围过滤：本组织及下级组织的党员、本单位党组书记、工委）；organ 机关编码：其各党组织的会议")
    PageResult<Meetings.Row> list(CurrentUser user, @RequestParam(required = false) String org,
                                  @RequestParam(required = false) MeetingKind kind,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) Boolean firstItemStudy,
                                  @RequestParam(required = false) String organ,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return meetings.list(desk.scopeOf(user), new Meetings.Filter(org, kind, from, to, firstItemStudy, organ), PageQuery.of(page, size));
    }

    @GetMapping("/meetings/decisions")
    @Operation(summary = "决定事项及其落实情况（未落实、诉求办理中、已落实），按数据范围过滤；delivered=true 仅已落实，false 仅未落实；organ 机关编码：其各党组织会议的决定")
    PageResult<Meetings.DecisionRow> decisions(CurrentUser user, @RequestParam(required = false) String org,
                                               @RequestParam(required = false) Boolean delivered,
                                               @RequestParam(required = false) String organ,
                                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return meetings.decisions(desk.scopeOf(user), new Meetings.DecisionFilter(org, delivered, organ), PageQuery.of(page, size));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/call")
    @Operation(summary = "将会议的一条决定事项转为诉求（工委；本单位党组书记）：诉求类别 category、社区 community，标题默认为决定事项；每条只能转办一次")
    ResponseEntity<Meetings.Detail> raise(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                          @RequestBody(required = false) MeetingDesk.DecisionCall body) {
        decisionDesk.raiseDecision(user, id, n, body);
        return ResponseEntity.status(201).body(desk.meeting(user, id));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/directive")
    @Operation(summary = "将会议的一条决定事项下发为指令（仅工委）：接收机关 organs（机关编码，不填为全部机关）、完成时限 deadline（日期）；各单位报告完成后即为已落实；每条只能转办一次")
    ResponseEntity<Meetings.Detail> direct(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                           @RequestBody(required = false) MeetingDesk.DecisionDirective body) {
        decisionDesk.directDecision(user, id, n, body);
        return ResponseEntity.status(201).body(desk.meeting(user, id));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/task")
    @Operation(summary = "将会议的一条决定事项交办为任务（工委；本单位党组书记）：责任人 owner（本组织党员编码）、完成时限 dueOn；每条只能转办一次")
    ResponseEntity<Meetings.Detail> assign(CurrentUser user, @PathVariable long id, @PathVariable int n,
                                           @RequestBody(required = false) MeetingDesk.DecisionTask body) {
        decisionDesk.assignDecision(user, id, n, body);
        return ResponseEntity.status(201).body(desk.meeting(user, id));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/report")
    @Operation(summary = "报告任务落实情况（任务责任人本人、本单位党组书记或工委）：report 为落实情况；报告后决定事项即为已落实")
    Meetings.Detail report(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestBody(required = false) Report body) {
        decisionDesk.reportDecision(user, id, n, body == null ? null : body.report());
        return desk.meeting(user, id);
    }

    record Report(String report) {
    }

    @PostMapping("/meetings")
    @Operation(summary = "登记已召开的会议（工委；本单位党组书记）：出席、请假以党员编码列出，其余为缺席；法定人数由系统计算；同一 Idempotency-Key 只产生一条记录")
    ResponseEntity<Meetings.Detail> record(CurrentUser user, @RequestBody MeetingDesk.NewMeeting body,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        MeetingDesk.Created created = desk.record(user, body, key);
        Meetings.Detail detail = desk.meeting(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/meetings/" + created.id())).body(detail);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "一次会议：议题、出席情况、会议记录、决定事项和登记经过")
    Meetings.Detail one(CurrentUser user, @PathVariable long id) {
        return desk.meeting(user, id);
    }

    @GetMapping("/compliance")
    @Operation(summary = "组织生活合规情况：指定党组织（org）时为规则×周期的明细，否则为范围内各党组织的汇总（可按单位 organ 筛选）；year 为自然年（北京时间）")
    Object compliance(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) String organ,
                      @RequestParam(required = false) Integer year) {
        if (org != null && !org.isBlank()) {
            return book.grid(desk.scopeOf(user), org, year);
        }
        return book.rollup(desk.scopeOf(user), organ, year);
    }

    @GetMapping("/compliance/reminders")
    @Operation(summary = "到期前提醒：周期结束前若干天仍未召开的会议（按数据范围过滤）")
    PageResult<Reminders.Reminder> reminders(CurrentUser user, @RequestParam(required = false) String org,
                                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reminders.list(desk.scopeOf(user), org, PageQuery.of(page, size));
    }

    @GetMapping("/compliance/rules")
    @Operation(summary = "组织生活频次规则（各类党组织、各类会议的召开频次）")
    List<Compliance.Rule> rules() {
        return rules.all();
    }

    @PostMapping("/compliance/rules")
    @Operation(summary = "修改或新增频次规则（工委）")
    Compliance.Rule changeRule(CurrentUser user, @RequestBody MeetingDesk.RuleChange body) {
        return desk.changeRule(user, body);
    }
}
