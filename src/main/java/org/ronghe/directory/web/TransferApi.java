package org.ronghe.directory.web;

import org.ronghe.platform.UploadLimit;
import java.io.IOException;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.transfer.ImportReport;
import org.ronghe.directory.transfer.Transfers;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.Xlsx;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports through the API; exports and templates for the API and for the pages alike. */
@RestController
@Tag(name = "directory-transfer", description = "目录导入导出（XLSX/CSV，全部成功或全部不导入）")
class TransferApi {

    private final Transfers transfers;
    private final DataScopes scopes;
    private final Clock clock;
    private final UploadLimit limit;

    TransferApi(Transfers transfers, DataScopes scopes, Clock clock, UploadLimit limit) {
        this.transfers = transfers;
        this.scopes = scopes;
        this.clock = clock;
        this.limit = limit;
    }

    @PostMapping(value = "/api/v1/directory/imports/{entity}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'COMMITTEE_ADMIN')")
    @Operation(summary = "导入一个 XLSX 或 CSV 文件（按内容识别，不看文件名）：有任何错误则不导入并返回 422 及全部错误（行、列、原因）；"
            + "超过大小上限返回 413；按编码新增或更新")
    ImportReport importFile(@PathVariable String entity, @RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file);
        return transfers.importFile(entity, file.getBytes());
    }

    @GetMapping({"/api/v1/directory/exports/{entity}.xlsx", "/transfer/{entity}/export.xlsx"})
    @Operation(summary = "导出数据范围内的记录为 XLSX（列与导入模板相同）")
    void export(CurrentUser user, @PathVariable String entity, HttpServletResponse response) throws IOException {
        var sheet = transfers.sheet(entity).orElseThrow(() -> new NotFoundException("导入导出类型", entity));
        Downloads.prepare(response, Xlsx.CONTENT_TYPE, sheet.title(), ".xlsx", clock);
        transfers.export(entity, scopes.of(user), response.getOutputStream());
    }

    @GetMapping({"/api/v1/directory/templates/{entity}.xlsx", "/transfer/{entity}/template.xlsx"})
    @Operation(summary = "下载 XLSX 导入模板（含填写说明）")
    void templateXlsx(@PathVariable String entity, HttpServletResponse response) throws IOException {
        var sheet = transfers.sheet(entity).orElseThrow(() -> new NotFoundException("导入导出类型", entity));
        Downloads.prepare(response, Xlsx.CONTENT_TYPE, sheet.title() + "导入模板", ".xlsx", clock);
        transfers.templateXlsx(entity, response.getOutputStream());
    }

    @GetMapping({"/api/v1/directory/templates/{entity}.csv", "/transfer/{entity}/template.csv"})
    @Operation(summary = "下载 CSV 导入模板（UTF-8）")
    void templateCsv(@PathVariable String entity, HttpServletResponse response) throws IOException {
        var sheet = transfers.sheet(entity).orElseThrow(() -> new NotFoundException("导入导出类型", entity));
        Downloads.prepare(response, "text/csv;charset=UTF-8", sheet.title() + "导入模板", ".csv", clock);
        transfers.templateCsv(entity, response.getOutputStream());
    }
}
