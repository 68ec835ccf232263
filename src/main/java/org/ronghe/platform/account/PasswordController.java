package org.ronghe.platform.account;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PasswordPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Lets a signed-in person change their own password, under the password policy. */
@Controller
class PasswordController {

    private final JdbcAccounts accounts;

    PasswordController(JdbcAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(CurrentUser user, @RequestParam String current, @RequestParam String replacement,
                  @RequestParam String confirmation, Model model) {
        List<String> errors = new java.util.ArrayList<>();
        if (!accounts.matches(user.username(), current)) {
            errors.add("当前密码不正确");
        }
        if (!replacement.equals(confirmation)) {
            errors.add("两次输入的新密码不一致");
        }
        errors.addAll(PasswordPolicy.violations(replacement));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "account/password";
        }
        accounts.changePassword(user.username(), replacement);
        model.addAttribute("changed", true);
        return "account/password";
    }
}
