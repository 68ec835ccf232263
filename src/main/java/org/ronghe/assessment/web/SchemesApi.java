package org.ronghe.assessment.web;

import java.net.URI;
import java.util.List;

import org.ronghe.assessment.scheme.SchemeDesk;
import org.ronghe.assessment.scheme.SchemeDocument;
import org.ronghe.assessment.scheme.Schemes;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The yearly, versioned assessment schemes. */
@RestController
@RequestMapping("/api/v1/schemes")
@Tag(name = "schemes", description = "考核方案：按年度分版本的指标体系（维度 → 指标，权重合计 100），校验不通过时列出全部问题（422）")
class SchemesApi {

    private final SchemeDesk desk;
    private final org.ronghe.assessment.run.RunDesk runs;

    SchemesApi(SchemeDesk desk, org.ronghe.assessment.run.RunDesk runs) {
        this.desk = desk;
        this.runs = runs;
    }

    /** A scheme as the API shows it. */
    record View(long id, int year, int version, String state, String stateLabel, String createdBy, SchemeDocument scheme) {

        static View of(Schemes.Stored s) {
            return new View(s.id(), s.year(), s.version(), s.state().name(), s.state().label(), s.createdBy(), SchemeDocument.of(s.scheme()));
        }
    }

    @GetMapping
    @Operation(summary = "考核方案各版本（工委；机关党组书记），year 年度（可选）")
    PageResult<View> list(CurrentUser user, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        runs.organOf(user);
        return AssessmentsApi.paged(desk.list(year).stream().map(View::of).toList(), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个考核方案版本")
    View one(CurrentUser user, @PathVariable long id) {
        runs.organOf(user);
        return View.of(desk.one(id));
    }

    @PostMapping
    @Operation(summary = "新建方案版本（工委，草稿）：year 年度，name、thresholds（good、fairlyGood、average）、dimensions（code、name、side、indicators：code、name、weight、rule：kind、basis、floor、target、perEvent、cap）；校验不通过答 422 并列出全部问题")
    ResponseEntity<View> create(CurrentUser user, @RequestParam(required = false) Integer year, @RequestBody(required = false) SchemeDocument body) {
        Schemes.Stored stored = desk.create(user, year, body);
        return ResponseEntity.created(URI.create("/api/v1/schemes/" + stored.id())).body(View.of(stored));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "启用方案版本（工委）：此前启用的版本停用（保留）")
    View activate(CurrentUser user, @PathVariable long id) {
        return View.of(desk.activate(user, id));
    }
}
