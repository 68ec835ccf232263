package org.ronghe.platform.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.Accounts;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.PasswordPolicy;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.ronghe.platform.ScopeAnchors;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators keep the accounts: create one anchored to a real place, unlock it, disable or
 * enable it, reset its password. Accounts are never deleted; every change is audited. Only the
 * system administrator may create or change administrators.
 */
@Service
public class AccountAdministration {

    static final String USERNAME = "[a-z0-9][a-z0-9_.\\-]{2,63}";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final JdbcAccounts store;
    private final ScopeAnchors anchors;
    private final Audit audit;
    private final Clock clock;

    AccountAdministration(JdbcClient jdbc, Accounts accounts, JdbcAccounts store, ScopeAnchors anchors, Audit audit,
                          Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.store = store;
        this.anchors = anchors;
        this.audit = audit;
        this.clock = clock;
    }

    public PageResult<AccountRow> page(String q, Role role, PageQuery page) {
        SqlWhere where = new SqlWhere().contains("q", q, "username", "display_name", "scope_code")
                .eq("role", "role", role == null ? null : role.name());
        long total = jdbc.sql("SELECT COUNT(*) FROM account" + where.sql()).paramSource(where.params()).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AccountRow> rows = jdbc.sql("""
                        SELECT username, display_name, role, scope_code, enabled, demo, locked_until, created_at
                        FROM account""" + where.sql() + " ORDER BY username LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page))
                .query((rs, n) -> {
                    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                    return new AccountRow(rs.getString("username"), rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")), rs.getString("scope_code"), rs.getBoolean("enabled"),
                            rs.getBoolean("demo"), locked != null && locked.isAfter(now) ? locked : null);
                })
                .list();
        return PageResult.of(rows, page, total);
    }

    @Transactional
    public void create(CurrentUser by, NewAccount request) {
        List<Map<String, String>> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().trim();
        if (!username.matches(USERNAME)) {
            errors.add(error("username", "用户名须为 3–64 位小写字母、数字、点、横线或下划线，以字母或数字开头"));
        } else if (accounts.byUsername(username).isPresent()) {
            errors.add(error("username", "用户名已存在"));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
            errors.add(error("displayName", "姓名或名称不能为空，且不超过 100 个字符"));
        }
        if (request.role() == null) {
            errors.add(error("role", "请选择角色"));
        } else {
            mayManage(by, request.role());
            if (!request.role().seesWholeTree() && anchors.placeOf(request.role(), request.scopeCode()).isEmpty()) {
                errors.add(error("scopeCode", "数据范围编码不存在：" + request.role().label() + "须对应已有的"
                        + placeKind(request.role()) + "编码"));
            }
        }
        PasswordPolicy.violations(request.password()).forEach(v -> errors.add(error("password", v)));
        if (!errors.isEmpty()) {
            throw new RejectedInputException("invalid-account", "账户信息有误", "账户未创建：共 " + errors.size() + " 处问题",
                    errors, Map.of());
        }
        String scope = request.role().seesWholeTree() ? null : request.scopeCode().trim();
        accounts.createIfAbsent(new Accounts.NewAccount(username, request.displayName().trim(), request.role(), scope,
                request.password(), false));
    }

    @Transactional
    public void unlock(CurrentUser by, String username) {
        change(by, username, "ACCOUNT_UNLOCKED", "UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = :u");
    }

    @Transactional
    public void disable(CurrentUser by, String username) {
        if (by.username().equals(username)) {
            throw new IllegalArgumentException("不能停用自己的账户");
        }
        change(by, username, "ACCOUNT_DISABLED", "UPDATE account SET enabled = FALSE WHERE username = :u");
        jdbc.sql("UPDATE api_token SET expires_at = :now WHERE account_id = (SELECT id FROM account WHERE username = :u) "
                + "AND expires_at > :now").param("now", OffsetDateTime.now(clock)).param("u", username).update();
    }

    @Transactional
    public void enable(CurrentUser by, String username) {
        change(by, username, "ACCOUNT_ENABLED", "UPDATE account SET enabled = TRUE WHERE username = :u");
    }

    @Transactional
    public void resetPassword(CurrentUser by, String username, String password) {
        target(by, username);
        if (!PasswordPolicy.accepts(password)) {
            throw new IllegalArgumentException(String.join("；", PasswordPolicy.violations(password)));
        }
        store.resetPassword(username, password);
    }

    private void change(CurrentUser by, String username, String action, String sql) {
        target(by, username);
        jdbc.sql(sql).param("u", username).update();
        audit.record(Audit.Entry.of(action, "account", username));
    }

    private CurrentUser target(CurrentUser by, String username) {
        CurrentUser target = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("账户", username));
        mayManage(by, target.role());
        return target;
    }

    private static void mayManage(CurrentUser by, Role role) {
        if (role.administers() && by.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("只有系统管理员可以管理管理员账户");
        }
    }

    static String placeKind(Role role) {
        return switch (role) {
            case ORGAN_SECRETARY -> "机关单位";
            case STREET_STAFF -> "街道";
            case COMMUNITY_STAFF -> "社区";
            case LEADER -> "区领导";
            case MEMBER -> "党员";
            default -> "";
        };
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** Serializable: a refused draft goes back to the form as a flash attribute, kept in the session. */
    public record NewAccount(String username, String displayName, Role role, String scopeCode, String password)
            implements java.io.Serializable {
    }

    public record AccountRow(String username, String displayName, Role role, String scopeCode, boolean enabled,
                             boolean demo, OffsetDateTime lockedUntil) {
    }
}
