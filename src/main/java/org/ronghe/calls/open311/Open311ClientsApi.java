package org.ronghe.calls.open311;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration of Open311 clients by administrators; the api_key is shown once, in the answer to registration. */
@RestController
@RequestMapping("/api/v1/open311/clients")
@Tag(name = "open311", description = "Open311 客户端登记（仅管理员）")
class Open311ClientsApi {

    private final Open311Clients clients;

    Open311ClientsApi(Open311Clients clients) {
        this.clients = clients;
    }

    @PostMapping
    @Operation(summary = "登记客户端并发放 api_key（仅此一次显示）；community 为该客户端默认的社区编码，可空")
    ResponseEntity<Open311Clients.Registered> register(CurrentUser user, @RequestBody NewClient body) {
        Open311Clients.Registered registered = clients.register(user, body.name(), body.community());
        return ResponseEntity.created(URI.create("/api/v1/open311/clients/" + registered.id())).body(registered);
    }

    @GetMapping
    @Operation(summary = "客户端列表（不含 api_key）")
    List<Open311Clients.ClientRow> list(CurrentUser user) {
        return clients.list(user);
    }

    @PostMapping("/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "停用客户端：其 api_key 随即失效")
    void disable(CurrentUser user, @PathVariable long id) {
        clients.enable(user, id, false);
    }

    @PostMapping("/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "启用客户端")
    void enable(CurrentUser user, @PathVariable long id) {
        clients.enable(user, id, true);
    }

    record NewClient(String name, String community) {
    }
}
