package org.ronghe.platform.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "operations", description = "运维（仅系统管理员）")
class BackupApi {

    private final OnlineBackups backups;

    BackupApi(OnlineBackups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/operations/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "在运行中备份内置数据库（H2，SCRIPT TO，写入 ronghe.backup.directory）；PostgreSQL 答 409，请用 pg_dump")
    OnlineBackups.Written backup() {
        return backups.write();
    }
}
