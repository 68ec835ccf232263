package org.ronghe.visits.web;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.UploadLimit;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.ronghe.visits.household.HouseholdImport;
import org.ronghe.visits.household.Households;
import org.ronghe.visits.visit.Visits;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Households: list and search within the scope, one household with its history, import and export. */
@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "households", description = "住户：查询、走访历史、导入（全部成功或全部不导入）、导出（按角色脱敏）")
class HouseholdsApi {

    private final Households households;
    private final HouseholdImport imports;
    private final Visits visits;
    private final VisitScopes scopes;
    private final UploadLimit limit;

    HouseholdsApi(Households households, HouseholdImport imports, Visits visits, VisitScopes scopes, UploadLimit limit) {
        this.households = households;
        this.imports = imports;
        this.visits = visits;
        this.scopes = scopes;
        this.limit = limit;
    }

    @GetMapping
    @Operation(summary = "住户列表（按数据范围；党员只见分配给自己或走访过的住户）")
    PageResult<HouseholdView> list(CurrentUser user, @RequestParam(required = false) String community,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) Boolean visited,
                                   @RequestParam(required = false) Boolean followedUp, @RequestParam(required = false) Boolean mine,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        VisitScope scope = scopes.of(user);
        PageResult<Households.Listed> found = households.page(scope, new Households.Filter(community, q, visited, followedUp, mine),
                PageQuery.of(page, size));
        return new PageResult<>(found.items().stream().map(l -> HouseholdView.of(l, scope)).toList(), found.page(), found.size(),
                found.total(), found.exact());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一户的情况与走访历史（走访、听到的问题、办理与回访）")
    HouseholdHistory one(CurrentUser user, @PathVariable long id) {
        VisitScope scope = scopes.of(user);
        Households.Listed listed = households.find(scope, id).orElseThrow(() -> new NotFoundException("住户", String.valueOf(id)));
        return new HouseholdHistory(HouseholdView.of(listed, scope), visits.visitsOf(id), visits.problemsOf(id));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入住户（XLSX 或 CSV；有任何错误则不导入任何一行，并列出每个错误的行和列）")
    HouseholdImport.Report importFile(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file);
        return imports.importFile(user, file.getBytes());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "导出数据范围内的住户（户主电话按角色脱敏）")
    void export(CurrentUser user, @RequestParam(required = false) String community, @RequestParam(required = false) String q,
                HttpServletResponse response) {
        HouseholdExport.write(households, scopes.of(user), new Households.Filter(community, q, null, null, null), response);
    }

    record HouseholdHistory(HouseholdView household, List<Visits.VisitRow> visits, List<Visits.ProblemRow> problems) {
    }
}
