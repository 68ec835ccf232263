package org.ronghe.platform.account;

import java.util.List;

import jakarta.servlet.http.HttpSession;
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
    String form(HttpSession session, Model model) {
        required(session, model);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(CurrentUser user, @RequestParam String current, @RequestParam String replacement,
                  @RequestParam String confirmation, HttpSession session, Model model) {
        List<String> errors = new java.util.ArrayList<>();
        if (!accounts.matches(user.username(), current)) {
            errors.add("当前密码不正确");
        }
        if (!replacement.equals(confirmation)) {
            errors.add("两次输入的新密码不一致");
        }
        if (replacement.equals(current)) {
            errors.add("新密码不能与当前密码相同");
        }
        errors.addAll(PasswordPolicy.violations(replacement));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            required(session, model);
            return "account/password";
        }
        accounts.changePassword(user.username(), replacement);
        session.removeAttribute(PasswordRules.SESSION_ATTRIBUTE);
        model.addAttribute("changed", true);
        return "account/password";
    }

    /** Why the password must be changed before going on, shown above the form. */
    private static void required(HttpSession session, Model model) {
        Object reason = session.getAttribute(PasswordRules.SESSION_ATTRIBUTE);
        if (reason != null) {
            model.addAttribute("required", PasswordRules.Reason.valueOf(reason.toString()));
        }
    }
}
