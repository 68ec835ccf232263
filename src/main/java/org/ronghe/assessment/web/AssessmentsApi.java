package org.ronghe.assessment.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.assessment.Assessment;
import org.ronghe.assessment.Grade;
import org.ronghe.assessment.Subject;
import org.ronghe.assessment.run.RunDesk;
import org.ronghe.assessment.run.Runs;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Xlsx;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Assessment runs: compute, list, rank, explain, publish, export. */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "assessments", description = "量化考核：按年度启用的方案从各模块记录计算每个机关和基层党组织的得分、等次和排名，逐项说明得分依据；发布后冻结")
class AssessmentsApi {

    private final RunDesk desk;

    AssessmentsApi(RunDesk desk) {
        this.desk = desk;
    }

    @PostMapping
    @Operation(summary = "计算考核（工委）：year 年度，asOf 截止日期（可选，缺省为年末或今天），kind ANNUAL/INTERIM（可选），violations 违纪违法案件（kind、subject、count、evidence、link），manual 人工评分（kind、subject、indicator、score、evidence、cites）；同一 Idempotency-Key 只计算一次")
    ResponseEntity<Runs.Run> run(CurrentUser user, @RequestBody(required = false) RunDesk.NewRun body,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        RunDesk.Created created = desk.run(user, body, key);
        Runs.Run run = desk.one(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(run)
                : ResponseEntity.created(URI.create("/api/v1/assessments/" + created.id())).body(run);
    }

    @GetMapping
    @Operation(summary = "考核计算记录（工委；机关党组书记），year 年度（可选），新的在前")
    PageResult<Runs.Run> list(CurrentUser user, @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return paged(desk.list(user, year), PageQuery.of(page, size));
    }

    static <T> PageResult<T> paged(List<T> all, PageQuery page) {
        int from = (int) Math.min(all.size(), page.offset());
        return PageResult.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次考核的排名：kind ORGAN/ORGANISATION，grade 等次（可选）；机关党组书记只看本机关及其党组织")
    RunDesk.Ranking ranking(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Subject.Kind kind,
                            @RequestParam(required = false) Grade grade) {
        return desk.ranking(user, id, kind, grade);
    }

    @GetMapping("/{id}/subjects/{code}")
    @Operation(summary = "一个考核对象的得分说明：逐项指标的得分（合计等于总分）、理由、依据记录数和链接")
    Runs.Result explain(CurrentUser user, @PathVariable long id, @PathVariable String code,
                        @RequestParam(required = false) Subject.Kind kind) {
        return desk.explain(user, id, code, kind);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "发布考核（工委）：冻结本次结果；同一年度同一类别此前发布的考核被取代（其结果保留不变）")
    Runs.Run publish(CurrentUser user, @PathVariable long id) {
        return desk.publish(user, id);
    }

    @GetMapping("/{id}.xlsx")
    @Operation(summary = "导出考核结果（XLSX）：排名表和逐项指标得分表")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable long id) {
        List<List<?>> rows = new ArrayList<>();
        List<List<?>> lines = new ArrayList<>();
        for (Runs.Result r : desk.explained(user, id)) {
            rows.add(List.of(r.subject().kind().label(), r.subject().code(), nz(r.subject().name()), r.rank(), r.total(), r.grade().label(),
                    r.vetoed() ? "是" : "否", nz(r.partyBuilding()), nz(r.business())));
            for (Assessment.Line l : r.explanation()) {
                long count = l.evidence().stream().mapToLong(org.ronghe.assessment.Evidence::count).sum();
                String link = l.evidence().isEmpty() ? "" : l.evidence().get(0).link();
                lines.add(List.of(r.subject().code(), nz(r.subject().name()), l.dimension(), l.code(), l.name(), l.weight(), l.score(),
                        l.reason(), count, link));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, List.of(
                new Xlsx.Tab("排名", List.of("类别", "编码", "名称", "名次", "总分", "等次", "一票否决", "党建得分", "业务得分"), rows),
                new Xlsx.Tab("逐项得分", List.of("编码", "名称", "维度", "指标编码", "指标", "权重", "得分", "理由", "依据记录数", "依据链接"), lines)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Xlsx.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".xlsx\"").body(out.toByteArray());
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }
}
