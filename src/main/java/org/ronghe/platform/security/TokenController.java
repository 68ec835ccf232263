package org.ronghe.platform.security;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ronghe.platform.account.JdbcAccounts;
import org.ronghe.platform.account.PasswordRules;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "API 令牌")
class TokenController {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;
    private final PasswordRules passwordRules;
    private final JdbcAccounts accounts;

    TokenController(AuthenticationManager authenticationManager, ApiTokens tokens, PasswordRules passwordRules,
                    JdbcAccounts accounts) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.passwordRules = passwordRules;
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "以用户名和密码换取 Bearer 令牌（连续 5 次错误锁定 10 分钟）")
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        var authentication = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        passwordRules.beforeApi(principal.getUsername()).ifPresent(reason -> {
            throw new PasswordChangeRequiredException(reason);
        });
        ApiTokens.IssuedToken issued = tokens.issue(principal.user().accountId());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    @PostMapping("/api/v1/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "以当前密码修改密码（首次登录或密码过期时，须先修改才能获取令牌）")
    void changePassword(@Valid @RequestBody PasswordChange request) {
        var authentication = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        String username = authentication.getName();
        if (request.newPassword().equals(request.password())) {
            throw new IllegalArgumentException("新密码不能与当前密码相同");
        }
        accounts.changePassword(username, request.newPassword());
    }

    record PasswordChange(@NotBlank(message = "用户名不能为空") @Size(max = 64, message = "用户名不能超过 64 个字符") String username,
                          @NotBlank(message = "当前密码不能为空") String password,
                          @NotBlank(message = "新密码不能为空") String newPassword) {
    }

    record TokenRequest(@NotBlank(message = "用户名不能为空") @Size(max = 64, message = "用户名不能超过 64 个字符") String username,
                        @NotBlank(message = "密码不能为空") String password) {
    }

    record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {
    }
}
