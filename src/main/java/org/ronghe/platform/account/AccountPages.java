package org.ronghe.platform.account;

import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account administration page. */
@Controller
class AccountPages {

    private final AccountAdministration administration;

    AccountPages(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("result", administration.page(q, role, PageQuery.of(page, 50)));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new AccountAdministration.NewAccount("", "", null, "", ""));
        }
        return "account/list";
    }

    @PostMapping("/accounts")
    String create(CurrentUser user, AccountAdministration.NewAccount draft, RedirectAttributes redirect) {
        try {
            administration.create(user, draft);
            redirect.addFlashAttribute("done", "账户已创建：" + draft.username());
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("draft", new AccountAdministration.NewAccount(draft.username(), draft.displayName(),
                    draft.role(), draft.scopeCode(), ""));
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{username}/{action}")
    String act(CurrentUser user, @PathVariable String username, @PathVariable String action,
               @RequestParam(required = false) String password, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "unlock" -> administration.unlock(user, username);
                case "disable" -> administration.disable(user, username);
                case "enable" -> administration.enable(user, username);
                case "password" -> administration.resetPassword(user, username, password);
                default -> throw new IllegalArgumentException("未知操作：" + action);
            }
            redirect.addFlashAttribute("done", "已完成：" + username);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", List.of(java.util.Map.of("field", action, "message", e.getMessage())));
        }
        return "redirect:/accounts?q=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8);
    }
}
