package org.ronghe.platform.security;

import org.ronghe.platform.account.PasswordRules;

/** No API token until the password is changed (first sign-in, or too old): answered 403 with how to change it. */
public class PasswordChangeRequiredException extends RuntimeException {

    private final PasswordRules.Reason reason;

    PasswordChangeRequiredException(PasswordRules.Reason reason) {
        super(reason.message() + "：请先通过 POST /api/v1/auth/password 或登录页面修改密码，再获取令牌");
        this.reason = reason;
    }

    public PasswordRules.Reason reason() {
        return reason;
    }
}
