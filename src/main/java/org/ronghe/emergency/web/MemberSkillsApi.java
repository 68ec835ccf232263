package org.ronghe.emergency.web;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.emergency.SkillDesk;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.UploadLimit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Members' skills, which call-ups select by: list, record, withdraw (never delete) and import. */
@RestController
@RequestMapping("/api/v1/member-skills")
@Tag(name = "member-skills", description = "党员特长：查询、登记、撤回（保留记录）和导入；动员令按在册特长召集")
class MemberSkillsApi {

    private final SkillDesk skills;
    private final UploadLimit limit;

    MemberSkillsApi(SkillDesk skills, UploadLimit limit) {
        this.skills = skills;
        this.limit = limit;
    }

    @GetMapping
    @Operation(summary = "党员特长（按数据范围），可按特长 skill、党员编号 member 筛选；withdrawn=true 查看已撤回的")
    PageResult<SkillDesk.Skill> list(CurrentUser user, @RequestParam(required = false) String skill,
                                     @RequestParam(required = false) String member, @RequestParam(required = false) Boolean withdrawn,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return skills.list(user, skill, member, withdrawn, PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "登记党员特长（工委；街道；机关党组书记，党员在其范围内）：党员编号 member、特长 skill；已登记的不重复（200，added=false）")
    ResponseEntity<SkillDesk.Added> add(CurrentUser user, @RequestBody SkillDesk.SkillRequest body) {
        SkillDesk.Added added = skills.add(user, body);
        return added.added() ? ResponseEntity.status(201).body(added) : ResponseEntity.ok(added);
    }

    @PostMapping("/withdraw")
    @Operation(summary = "撤回党员特长（工委；街道；机关党组书记）：党员编号 member、特长 skill、原因 reason；记录保留，不再用于召集")
    Map<String, Object> withdraw(CurrentUser user, @RequestBody SkillDesk.Withdrawal body) {
        skills.withdraw(user, body);
        return Map.of("member", body.member().trim(), "skill", body.skill().trim(), "withdrawn", true);
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入党员特长（XLSX 或 CSV，列：党员编号、特长）：全部校验通过才导入，逐行逐列列出错误")
    SkillDesk.Report importFile(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file);
        return skills.importFile(user, file.getBytes());
    }
}
