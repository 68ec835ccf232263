package org.ronghe.visits.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.ronghe.visits.campaign.CampaignDesk;
import org.ronghe.visits.campaign.Campaigns;
import org.ronghe.visits.campaign.VisitCampaign;
import org.ronghe.visits.visit.Coverage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Visit campaigns: open, share out the households, follow progress, close. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "campaigns", description = "访千家进万户：走访活动、按结对关系分配走访任务、进度与覆盖率")
class CampaignsApi {

    private final CampaignDesk desk;
    private final Campaigns campaigns;
    private final Coverage coverage;
    private final VisitScopes scopes;

    CampaignsApi(CampaignDesk desk, Campaigns campaigns, Coverage coverage, VisitScopes scopes) {
        this.desk = desk;
        this.campaigns = campaigns;
        this.coverage = coverage;
        this.scopes = scopes;
    }

    record CampaignView(long id, String name, VisitCampaign.Kind kind, String kindLabel, LocalDate startsOn, LocalDate endsOn,
                        int targetPerVisitor, boolean revisits, VisitCampaign.State state, int organs, Coverage.Totals totals) {

        static CampaignView of(VisitCampaign c, Coverage.Totals totals) {
            return new CampaignView(c.id(), c.name(), c.kind(), c.kind().label(), c.startsOn(), c.endsOn(), c.targetPerVisitor(), c.revisits(),
                    c.state(), c.organs().size(), totals);
        }
    }

    @GetMapping
    @Operation(summary = "走访活动列表，每项附数据范围内的进度")
    List<CampaignView> list(CurrentUser user) {
        VisitScope scope = scopes.of(user);
        return campaigns.all().stream().map(c -> CampaignView.of(c, coverage.totals(scope, c.id()))).toList();
    }

    @PostMapping
    @Operation(summary = "发起走访活动（区直机关工委）；同一 Idempotency-Key 只发起一次")
    ResponseEntity<CampaignView> open(CurrentUser user, @RequestBody CampaignDesk.NewCampaign campaign,
                                      @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CampaignDesk.Opened opened = desk.open(user, campaign, key);
        CampaignView view = CampaignView.of(desk.find(opened.id()), coverage.totals(scopes.of(user), opened.id()));
        return opened.replayed() ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.created(URI.create("/api/v1/campaigns/" + opened.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个走访活动及数据范围内的进度")
    CampaignView one(CurrentUser user, @PathVariable long id) {
        return CampaignView.of(desk.find(id), coverage.totals(scopes.of(user), id));
    }

    record Assigned(long campaign, int assignments) {
    }

    @PostMapping("/{id}/assignments")
    @Operation(summary = "按结对关系（或领导挂点街道）分配走访任务：每人均衡、同一活动中一户不重复（除非活动允许重复走访）")
    Assigned assign(CurrentUser user, @PathVariable long id) {
        return new Assigned(id, desk.assign(user, id));
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "走访任务：党员和区领导只见自己的；其他角色见数据范围内的，可按党员筛选")
    PageResult<Campaigns.AssignmentRow> assignments(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String member,
                                                    @RequestParam(required = false) Boolean pending,
                                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        desk.find(id);
        return campaigns.assignments(scopes.of(user), id, member, pending, PageQuery.of(page, size));
    }

    @GetMapping("/{id}/coverage")
    @Operation(summary = "覆盖率与跟进：按社区、机关、党组织、党员或区领导（by=community|organ|party-org|member|leader）")
    PageResult<Coverage.Row> coverage(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String by,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        desk.find(id);
        return coverage.rows(scopes.of(user), id, Coverage.By.of(by), PageQuery.of(page, size));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "结束走访活动（区直机关工委）")
    CampaignView close(CurrentUser user, @PathVariable long id) {
        desk.close(user, id);
        return one(user, id);
    }
}
