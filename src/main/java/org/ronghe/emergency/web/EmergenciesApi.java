package org.ronghe.emergency.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.emergency.CallUpDesk;
import org.ronghe.emergency.EmergencyDesk;
import org.ronghe.emergency.EmergencyQueries;
import org.ronghe.emergency.OrganisationDesk;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emergency mobilisation: declare, zone, command, temporary branches, teams, posts, call-ups, answers, postings, stand-down. */
@RestController
@RequestMapping("/api/v1/emergencies")
@Tag(name = "emergencies", description = "应急动员：应急状态、范围、指挥体系、临时党支部、突击队和先锋队、先锋岗、动员令与应答、上岗、解除")
class EmergenciesApi {

    private static final String REPLAYED = "Idempotent-Replayed";

    private final EmergencyDesk emergencies;
    private final OrganisationDesk organisations;
    private final CallUpDesk callUps;
    private final EmergencyQueries reads;

    EmergenciesApi(EmergencyDesk emergencies, OrganisationDesk organisations, CallUpDesk callUps, EmergencyQueries reads) {
        this.emergencies = emergencies;
        this.organisations = organisations;
        this.callUps = callUps;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "应急事件（工委看全部；其他角色看范围涉及其社区或召集了本人的），可按状态 state（ACTIVE、STOOD_DOWN）筛选")
    PageResult<EmergencyQueries.Row> list(CurrentUser user, @RequestParam(required = false) String state,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.list(user, state, PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "宣布进入应急状态（工委）：编码 code、名称 name、类型 kind、开始时刻 startedAt（可选）、范围 zone（社区 community、网格 grid、SEALED 封控或 CONTROLLED 管控）；同一 Idempotency-Key 只宣布一次")
    ResponseEntity<EmergencyQueries.Detail> declare(CurrentUser user, @RequestBody EmergencyDesk.Declaration body,
                                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        EmergencyDesk.Created created = emergencies.declare(user, body, key);
        EmergencyQueries.Detail detail = reads.detail(user, created.id());
        return created.replayed() ? ResponseEntity.ok().header(REPLAYED, "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/emergencies/" + created.id())).body(detail);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个应急事件：范围、指挥体系、临时党支部、队伍、先锋岗、动员令及其应答统计（由记录计算）")
    EmergencyQueries.Detail one(CurrentUser user, @PathVariable long id) {
        return reads.detail(user, id);
    }

    @PutMapping("/{id}/zone")
    @Operation(summary = "设定应急范围（工委）：areas 为全部范围，未列出的解除；每次调整记一条事件")
    EmergencyQueries.Detail rezone(CurrentUser user, @PathVariable long id, @RequestBody EmergencyDesk.Zone body) {
        emergencies.rezone(user, id, body);
        return reads.detail(user, id);
    }

    @PatchMapping("/{id}/zone")
    @Operation(summary = "纳入或调整部分范围（工委）：areas 中的社区或网格新增或改变管控级别，其余不变")
    EmergencyQueries.Detail extendZone(CurrentUser user, @PathVariable long id, @RequestBody EmergencyDesk.Zone body) {
        emergencies.extendZone(user, id, body);
        return reads.detail(user, id);
    }

    @PostMapping("/{id}/command")
    @Operation(summary = "指挥体系（工委）：role 为 COMMANDER 总指挥（替换前任）、DEPUTY 副总指挥或 GROUP 工作组（group 名称、duties 职责，组长替换前任），member 为党员编号")
    EmergencyQueries.Detail command(CurrentUser user, @PathVariable long id, @RequestBody EmergencyDesk.CommandRequest body) {
        emergencies.assign(user, id, body);
        return reads.detail(user, id);
    }

    @GetMapping("/temporary-branches")
    @Operation(summary = "临时党支部（按数据范围：站点所在社区或批准组织所在单位），可按应急事件 emergency、是否已批准组建 founded 筛选")
    PageResult<EmergencyQueries.Branch> branches(CurrentUser user, @RequestParam(required = false) Long emergency,
                                                 @RequestParam(required = false) Boolean founded,
                                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.branches(user, emergency, founded, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/temporary-branches")
    @Operation(summary = "申请组建临时党支部（工委；街道；机关党组书记）：名称 name、站点类型 siteKind、站点 siteName、地址 siteAddress、社区 community、上级党组织 parent（不填为工委直属）、书记 secretary、党员 members；党员原组织关系不变；同一 Idempotency-Key 只申请一次")
    ResponseEntity<Map<String, Object>> requestBranch(CurrentUser user, @PathVariable long id, @RequestBody OrganisationDesk.BranchRequest body,
                                                      @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        EmergencyDesk.Created created = organisations.requestBranch(user, id, body, key);
        Map<String, Object> answer = Map.of("id", created.id(), "emergency", id);
        return created.replayed() ? ResponseEntity.ok().header(REPLAYED, "true").body(answer)
                : ResponseEntity.created(URI.create("/api/v1/emergencies/" + id)).body(answer);
    }

    @PostMapping("/{id}/temporary-branches/{branch}/approve")
    @Operation(summary = "批准组建临时党支部（上级党组织所在单位的党组书记，或工委）：在组织体系中建立临时党支部，应急解除时自动撤销")
    EmergencyQueries.Detail approveBranch(CurrentUser user, @PathVariable long id, @PathVariable long branch) {
        organisations.approveBranch(user, id, branch);
        return reads.detail(user, id);
    }

    @GetMapping("/teams")
    @Operation(summary = "党员突击队、党群先锋队（按数据范围：所在社区或队长），可按应急事件 emergency、类型 kind（COMMANDO、VANGUARD）筛选")
    PageResult<EmergencyQueries.Team> teams(CurrentUser user, @RequestParam(required = false) Long emergency,
                                            @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.teams(user, emergency, kind, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/teams")
    @Operation(summary = "组建队伍（工委；街道；机关党组书记）：类型 kind（COMMANDO 党员突击队、VANGUARD 党群先锋队）、名称 name、队长 lead、社区 community、地点 site、队员 members；同一 Idempotency-Key 只组建一次")
    ResponseEntity<Map<String, Object>> createTeam(CurrentUser user, @PathVariable long id, @RequestBody OrganisationDesk.TeamRequest body,
                                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        EmergencyDesk.Created created = organisations.createTeam(user, id, body, key);
        Map<String, Object> answer = Map.of("id", created.id(), "emergency", id);
        return created.replayed() ? ResponseEntity.ok().header(REPLAYED, "true").body(answer)
                : ResponseEntity.created(URI.create("/api/v1/emergencies/" + id)).body(answer);
    }

    @PostMapping("/{id}/teams/{team}/members")
    @Operation(summary = "队伍增加队员（工委；街道；机关党组书记，队伍在其范围内）：members 为党员编号；已在队中的不重复")
    Map<String, Object> joinTeam(CurrentUser user, @PathVariable long id, @PathVariable long team,
                                 @RequestBody OrganisationDesk.MembersRequest body) {
        return Map.of("joined", organisations.joinTeam(user, id, team, body));
    }

    @PostMapping("/{id}/posts")
    @Operation(summary = "设立党员先锋岗（工委；街道；机关党组书记）：名称 name、在岗党员 holder、社区 community")
    ResponseEntity<Map<String, Object>> createPost(CurrentUser user, @PathVariable long id, @RequestBody OrganisationDesk.PostRequest body) {
        return ResponseEntity.status(201).body(Map.of("id", organisations.createPost(user, id, body), "emergency", id));
    }

    @PostMapping("/{id}/call-ups")
    @Operation(summary = "发出动员令（工委；街道；机关党组书记，只召集其范围内的党员）：标题 title，召集范围 zone（应急范围内居住）、organs、skills、teams 同时适用；同一 Idempotency-Key 只发出一次")
    ResponseEntity<CallUpDesk.Created> callUp(CurrentUser user, @PathVariable long id, @RequestBody CallUpDesk.CallUpRequest body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CallUpDesk.Created created = callUps.callUp(user, id, body, key);
        return created.replayed() ? ResponseEntity.ok().header(REPLAYED, "true").body(created)
                : ResponseEntity.created(URI.create("/api/v1/emergencies/" + id + "/call-ups/" + created.id())).body(created);
    }

    @GetMapping("/{id}/call-ups")
    @Operation(summary = "应急事件的动员令及其已应答、未应答、报到、不能参加、已上岗人数（由记录计算）")
    List<EmergencyQueries.CallUp> callUps(CurrentUser user, @PathVariable long id) {
        org.ronghe.emergency.EmergencyQueries.Detail detail = reads.detail(user, id);
        if (user.role() == org.ronghe.platform.Role.MEMBER) {
            throw new org.springframework.security.access.AccessDeniedException("只有组织者可以查看动员进度");
        }
        return detail.callUps();
    }

    @GetMapping("/{id}/call-ups/{callUp}")
    @Operation(summary = "一次动员的人数统计（由记录计算）：召集、已应答、未应答、报到、不能参加、已上岗")
    CallUpDesk.Counts counts(CurrentUser user, @PathVariable long id, @PathVariable long callUp) {
        return reads.counts(user, id, callUp);
    }

    @PostMapping("/{id}/call-ups/{callUp}/answer")
    @Operation(summary = "党员本人应答动员令：answer 为 REPORTING 报到或 CANNOT 不能参加（须填原因 reason）；每人只应答一次，再次应答为 409")
    Map<String, Object> answer(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestBody CallUpDesk.AnswerRequest body) {
        callUps.answer(user, id, callUp, body);
        return Map.of("callUp", callUp, "answer", body.answer());
    }

    @PostMapping("/{id}/call-ups/{callUp}/postings")
    @Operation(summary = "安排已报到的党员上岗（工委；街道；机关党组书记）：member、临时党支部站点 branch 或队伍 team、班次 shiftStart 至 shiftEnd（不超过 24 小时）")
    CallUpDesk.Counts post(CurrentUser user, @PathVariable long id, @PathVariable long callUp, @RequestBody CallUpDesk.PostingRequest body) {
        callUps.post(user, id, callUp, body);
        return reads.counts(user, id, callUp);
    }

    /** The roll-call's outcome and the call-up's counts after it. */
    record RollCallAnswer(CallUpDesk.RollCall rollCall, CallUpDesk.Counts counts) {
    }

    @PostMapping("/{id}/call-ups/{callUp}/answers")
    @Operation(summary = "记录报到（工委；街道；机关党组书记）：协调员按电话记录多名党员的应答，answers 为列表（党员编号 member、应答 answer 为 REPORTING 或 CANNOT、不能参加的原因 reason）；每人仍只应答一次（已应答的列在 alreadyAnswered 中，原应答不变）；任一项有误则全部不记录（422，逐项列出）；同一 Idempotency-Key 只记录一次")
    ResponseEntity<RollCallAnswer> rollCall(CurrentUser user, @PathVariable long id, @PathVariable long callUp,
                                            @RequestBody CallUpDesk.RollCallRequest body,
                                            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CallUpDesk.RollCall done = callUps.rollCall(user, id, callUp, body, key);
        RollCallAnswer answer = new RollCallAnswer(done, reads.counts(user, id, callUp));
        return done.replayed() ? ResponseEntity.ok().header(REPLAYED, "true").body(answer) : ResponseEntity.ok(answer);
    }

    @GetMapping("/my-call-ups")
    @Operation(summary = "本人（党员）的动员令及应答情况，未应答的在前")
    List<EmergencyQueries.MyCallUp> mine(CurrentUser user) {
        return reads.mine(user);
    }

    @GetMapping("/mobilised-members")
    @Operation(summary = "在任一动员令中报到的党员（按数据范围）")
    PageResult<EmergencyQueries.Mobilised> mobilised(CurrentUser user, @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return reads.mobilised(user, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/stand-down")
    @Operation(summary = "解除应急状态（工委）：临时党支部自动撤销，全部记录保留；解除后不再接受任何变更（409）")
    EmergencyQueries.Detail standDown(CurrentUser user, @PathVariable long id) {
        emergencies.standDown(user, id);
        return reads.detail(user, id);
    }
}
