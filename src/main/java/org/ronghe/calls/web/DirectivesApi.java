package org.ronghe.calls.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.calls.directive.Directives;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directives")
@Tag(name = "directives", description = "市有呼唤、全区必应：指令下发、签收、报告完成")
class DirectivesApi {

    private final Directives directives;

    DirectivesApi(Directives directives) {
        this.directives = directives;
    }

    @PostMapping
    @Operation(summary = "下发指令（区直机关工委）；同一 Idempotency-Key 只下发一次")
    ResponseEntity<Directives.DirectiveView> issue(CurrentUser user, @RequestBody Directives.NewDirective body,
                                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Directives.Issued issued = directives.issue(user, body, key == null || key.isBlank() ? null : key.trim());
        var view = directives.view(user, issued.id());
        return issued.replayed() ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view)
                : ResponseEntity.created(URI.create("/api/v1/directives/" + issued.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "指令列表（接收单位只看到发给自己的）")
    PageResult<Directives.DirectiveRow> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return directives.page(user, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "指令详情，含尚未完成的单位")
    Directives.DirectiveView get(CurrentUser user, @PathVariable long id) {
        return directives.view(user, id);
    }

    @PostMapping("/{id}/replies")
    @Operation(summary = "接收单位签收（ACKNOWLEDGE）或报告完成（COMPLETE，须填写 report）")
    Directives.DirectiveView reply(CurrentUser user, @PathVariable long id, @RequestBody Answer body) {
        if (body.action() == Action.COMPLETE) {
            directives.complete(user, id, body.report());
        } else {
            directives.acknowledge(user, id);
        }
        return directives.view(user, id);
    }

    enum Action { ACKNOWLEDGE, COMPLETE }

    record Answer(Action action, String report) {
    }
}
