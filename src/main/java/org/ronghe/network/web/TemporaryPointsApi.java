package org.ronghe.network.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.network.site.NetworkDesk;
import org.ronghe.network.site.NetworkScope;
import org.ronghe.network.site.NetworkTransfer;
import org.ronghe.network.site.PointKind;
import org.ronghe.network.site.SiteRecords;
import org.ronghe.network.site.TemporaryPoint;
import org.ronghe.network.site.TemporaryPoints;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.UploadLimit;
import org.ronghe.platform.Xlsx;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Temporary points (临时点位): public to everyone signed in, kept by the committee and their street's or community's staff. */
@RestController
@RequestMapping("/api/v1/temporary-points")
@Tag(name = "temporary-points", description = "临时点位（采样点、物资供应点等）：查询（可按 activeOn 查某日启用的点位）、新建、修改、关闭、导入导出")
class TemporaryPointsApi {

    private final TemporaryPoints points;
    private final NetworkDesk desk;
    private final NetworkTransfer transfer;
    private final NetworkScope scope;
    private final SiteRecords records;
    private final UploadLimit limit;

    TemporaryPointsApi(TemporaryPoints points, NetworkDesk desk, NetworkTransfer transfer, NetworkScope scope, SiteRecords records,
                       UploadLimit limit) {
        this.points = points;
        this.desk = desk;
        this.transfer = transfer;
        this.scope = scope;
        this.records = records;
        this.limit = limit;
    }

    @GetMapping
    @Operation(summary = "临时点位列表：kind（SAMPLING、SUPPLY、VACCINATION、SHELTER、SERVICE）、street、community、activeOn（YYYY-MM-DD，当天启用）、emergency、q 筛选，分页")
    PageResult<SiteViews.PointView> list(CurrentUser user, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String street, @RequestParam(required = false) String community,
                                         @RequestParam(required = false) String activeOn, @RequestParam(required = false) String emergency,
                                         @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        PageResult<TemporaryPoint> found = points.page(filter(kind, street, community, activeOn, emergency, q), PageQuery.of(page, size));
        LocalDate today = desk.today();
        return new PageResult<>(found.items().stream().map(p -> SiteViews.of(p, today, user, scope)).toList(), found.page(),
                found.size(), found.total(), found.exact());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个临时点位：起止日期、服务项目、工作人员和变更经过")
    SiteViews.PointDetail one(CurrentUser user, @PathVariable long id) {
        TemporaryPoint point = points.find(id).orElseThrow(() -> new NotFoundException("临时点位", String.valueOf(id)));
        return new SiteViews.PointDetail(SiteViews.of(point, desk.today(), user, scope), records.events("POINT", id));
    }

    @PostMapping
    @Operation(summary = "新建临时点位（工委；街道、社区工作人员限本街道、本社区）：startsOn 必填，endsOn 可不填；emergency 为应急事件编码；同一 Idempotency-Key 只建一个")
    ResponseEntity<SiteViews.PointDetail> create(CurrentUser user, @RequestBody NetworkDesk.PointForm body,
                                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        NetworkDesk.Created created = desk.openPoint(user, body, key);
        SiteViews.PointDetail detail = one(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/temporary-points/" + created.id())).body(detail);
    }

    @PostMapping("/{id}/update")
    @Operation(summary = "修改临时点位（同新建的权限；编码不能改；已结束的不能改）")
    SiteViews.PointDetail update(CurrentUser user, @PathVariable long id, @RequestBody NetworkDesk.PointForm body) {
        desk.revisePoint(user, id, body);
        return one(user, id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "关闭临时点位：今天为最后一天（保留记录，可填 reason）")
    SiteViews.PointDetail close(CurrentUser user, @PathVariable long id, @RequestBody(required = false) ServiceCentresApi.Close body) {
        desk.closePoint(user, id, body == null ? null : body.reason());
        return one(user, id);
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入临时点位（XLSX 或 CSV；有任何错误则不导入任何一行，并列出每个错误的行和列；未变化的行不改写）")
    NetworkTransfer.Report importFile(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file);
        return transfer.importPoints(user, file.getBytes());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "导出临时点位（与导入相同的列；工作人员电话按角色脱敏）")
    void export(CurrentUser user, @RequestParam(required = false) String kind, @RequestParam(required = false) String street,
                @RequestParam(required = false) String community, @RequestParam(required = false) String activeOn,
                @RequestParam(required = false) String emergency, @RequestParam(required = false) String q,
                HttpServletResponse response) {
        TemporaryPoints.Filter filter = filter(kind, street, community, activeOn, emergency, q);
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"temporary-points.xlsx\"");
        try {
            Xlsx.write(response.getOutputStream(), "临时点位", NetworkTransfer.POINT_COLUMNS, sink -> points.forEach(filter,
                    p -> sink.accept(NetworkTransfer.row(p, scope.seesPhones(user, p.details().place())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TemporaryPoints.Filter filter(String kind, String street, String community, String activeOn, String emergency, String q) {
        return new TemporaryPoints.Filter(Params.choice(kind, PointKind.class, "kind"), street, community, Params.date(activeOn, "activeOn"),
                emergency, q);
    }
}
