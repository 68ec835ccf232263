package org.ronghe.platform.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account administration for administrators; accounts are never deleted, only disabled. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "账户管理（仅管理员）")
class AccountsApi {

    private final AccountAdministration administration;

    AccountsApi(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "账户列表")
    PageResult<AccountAdministration.AccountRow> list(@RequestParam(required = false) String q,
                                                      @RequestParam(required = false) Role role,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        return administration.page(q, role, PageQuery.of(page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建账户：角色须对应已有的机关、街道、社区、区领导或党员编码；密码须符合密码策略")
    void create(CurrentUser user, @RequestBody AccountAdministration.NewAccount account) {
        administration.create(user, account);
    }

    @PostMapping("/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "解除锁定")
    void unlock(CurrentUser user, @PathVariable String username) {
        administration.unlock(user, username);
    }

    @PostMapping("/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "停用账户（其 API 令牌随即失效）")
    void disable(CurrentUser user, @PathVariable String username) {
        administration.disable(user, username);
    }

    @PostMapping("/{username}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "启用账户")
    void enable(CurrentUser user, @PathVariable String username) {
        administration.enable(user, username);
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "重置密码")
    void resetPassword(CurrentUser user, @PathVariable String username, @RequestBody PasswordReset reset) {
        administration.resetPassword(user, username, reset.password());
    }

    record PasswordReset(String password) {
    }
}
