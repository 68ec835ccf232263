package org.ronghe.network.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.network.site.CentreLevel;
import org.ronghe.network.site.NetworkDesk;
import org.ronghe.network.site.NetworkScope;
import org.ronghe.network.site.NetworkTransfer;
import org.ronghe.network.site.ServiceCentre;
import org.ronghe.network.site.ServiceCentres;
import org.ronghe.network.site.SiteRecords;
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

/** Service centres: public to everyone signed in, kept by the committee and the staff of their street or community. */
@RestController
@RequestMapping("/api/v1/service-centres")
@Tag(name = "service-centres", description = "党群服务中心与驿站：查询（登录即可，工作人员电话按角色脱敏）、新建、修改、关闭（保留记录）、导入导出")
class ServiceCentresApi {

    private final ServiceCentres centres;
    private final NetworkDesk desk;
    private final NetworkTransfer transfer;
    private final NetworkScope scope;
    private final SiteRecords records;
    private final UploadLimit limit;

    ServiceCentresApi(ServiceCentres centres, NetworkDesk desk, NetworkTransfer transfer, NetworkScope scope, SiteRecords records,
                      UploadLimit limit) {
        this.centres = centres;
        this.desk = desk;
        this.transfer = transfer;
        this.scope = scope;
        this.records = records;
        this.limit = limit;
    }

    @GetMapping
    @Operation(summary = "服务中心列表：level（DISTRICT、STREET、COMMUNITY、STATION）、street、community、state（OPEN、CLOSED）、q 筛选，分页")
    PageResult<SiteViews.CentreView> list(CurrentUser user, @RequestParam(required = false) String level,
                                          @RequestParam(required = false) String street, @RequestParam(required = false) String community,
                                          @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<ServiceCentre> found = centres.page(filter(level, street, community, state, q), PageQuery.of(page, size));
        return new PageResult<>(found.items().stream().map(c -> SiteViews.of(c, user, scope)).toList(), found.page(), found.size(),
                found.total(), found.exact());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个服务中心：服务项目、开放时间、工作人员和变更经过")
    SiteViews.CentreDetail one(CurrentUser user, @PathVariable long id) {
        ServiceCentre centre = centres.find(id).orElseThrow(() -> new NotFoundException("服务中心", String.valueOf(id)));
        return new SiteViews.CentreDetail(SiteViews.of(centre, user, scope), records.events("CENTRE", id));
    }

    @PostMapping
    @Operation(summary = "新建服务中心（工委；街道、社区工作人员限本街道、本社区）：区级不填街道社区，街道级填 street，社区级和驿站填 community；同一 Idempotency-Key 只建一个")
    ResponseEntity<SiteViews.CentreDetail> create(CurrentUser user, @RequestBody NetworkDesk.CentreForm body,
                                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        NetworkDesk.Created created = desk.openCentre(user, body, key);
        SiteViews.CentreDetail detail = one(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/service-centres/" + created.id())).body(detail);
    }

    @PostMapping("/{id}/update")
    @Operation(summary = "修改服务中心（同新建的权限；编码不能改；已关闭的不能改）")
    SiteViews.CentreDetail update(CurrentUser user, @PathVariable long id, @RequestBody NetworkDesk.CentreForm body) {
        desk.reviseCentre(user, id, body);
        return one(user, id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "关闭服务中心（保留记录，可填 reason）")
    SiteViews.CentreDetail close(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Close body) {
        desk.closeCentre(user, id, body == null ? null : body.reason());
        return one(user, id);
    }

    public record Close(String reason) {
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入服务中心（XLSX 或 CSV；有任何错误则不导入任何一行，并列出每个错误的行和列；未变化的行不改写）")
    NetworkTransfer.Report importFile(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file);
        return transfer.importCentres(user, file.getBytes());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "导出服务中心（与导入相同的列；工作人员电话按角色脱敏）")
    void export(CurrentUser user, @RequestParam(required = false) String level, @RequestParam(required = false) String street,
                @RequestParam(required = false) String community, @RequestParam(required = false) String state,
                @RequestParam(required = false) String q, HttpServletResponse response) {
        ServiceCentres.Filter filter = filter(level, street, community, state, q);
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"service-centres.xlsx\"");
        try {
            Xlsx.write(response.getOutputStream(), "服务中心", NetworkTransfer.CENTRE_COLUMNS, sink -> centres.forEach(filter,
                    c -> sink.accept(NetworkTransfer.row(c, scope.seesPhones(user, c.details().place())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceCentres.Filter filter(String level, String street, String community, String state, String q) {
        return new ServiceCentres.Filter(Params.choice(level, CentreLevel.class, "level"), street, community,
                Params.choice(state, ServiceCentre.State.class, "state"), q);
    }
}
