package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.ImportError;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.RowReader;
import org.ronghe.platform.SpreadsheetReader;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.ronghe.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' skills (医护, 驾驶 …) that call-ups select by. Organisers record them for members they see, one at a time
 * or from a spreadsheet (all or nothing); a skill is withdrawn with a reason, never deleted, and only skills not
 * withdrawn count for a call-up. Every addition and withdrawal writes a {@code member_skill_event} row and an audit
 * entry in its transaction.
 */
@Service
public class SkillDesk {

    public static final List<String> COLUMNS = List.of("党员编号", "特长");
    static final int MAX_SKILL = 32;

    private final Places places;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    SkillDesk(Places places, JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions) {
        this.places = places;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record SkillRequest(String member, String skill) {
    }

    public record Withdrawal(String member, String skill, String reason) {
    }

    public record Skill(String member, String memberName, String skill, Instant addedAt, String addedBy, Instant withdrawnAt,
                        String withdrawnBy, String withdrawnReason) {
    }

    /** @param added whether the skill is new (or re-added after a withdrawal); false: the member already had it */
    public record Added(String member, String skill, boolean added) {
    }

    public record Report(int rows, int added, int unchanged) {
    }

    /** Skills of the members the reader sees, by skill and/or member code; withdrawn ones only when asked. */
    public PageResult<Skill> list(CurrentUser user, String skill, String member, Boolean withdrawn, PageQuery page) {
        SqlClause members = places.scope(user).members("m");
        Map<String, Object> params = new HashMap<>(members.params());
        StringBuilder where = new StringBuilder(" WHERE ").append(members.sql());
        if (skill != null && !skill.isBlank()) {
            where.append(" AND s.skill = :skill");
            params.put("skill", Texts.check("skill", skill.trim(), MAX_SKILL));
        }
        if (member != null && !member.isBlank()) {
            where.append(" AND m.code = :member");
            params.put("member", Texts.check("member", member.trim(), 32));
        }
        where.append(Boolean.TRUE.equals(withdrawn) ? " AND s.withdrawn_at IS NOT NULL" : " AND s.withdrawn_at IS NULL");
        String from = " FROM member_skill s JOIN member m ON m.id = s.member_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Skill> rows = jdbc.sql("SELECT m.code, m.name, s.skill, s.added_at, s.added_by, s.withdrawn_at, s.withdrawn_by, s.withdrawn_reason"
                        + from + where + " ORDER BY s.skill, m.code LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Skill(rs.getString(1), rs.getString(2), rs.getString(3), Emergencies.instant(rs, "added_at"),
                        rs.getString(5), Emergencies.instant(rs, "withdrawn_at"), rs.getString(7), rs.getString(8)))
                .list();
        return PageResult.of(rows, page, total);
    }

    /** The skills (not withdrawn) among the members the reader sees, with how many hold each: what a call-up can select. */
    public List<Map.Entry<String, Long>> skills(CurrentUser user) {
        SqlClause members = places.scope(user).members("m");
        return jdbc.sql("SELECT s.skill, COUNT(*) FROM member_skill s JOIN member m ON m.id = s.member_id WHERE s.withdrawn_at IS NULL AND "
                        + members.sql() + " GROUP BY s.skill ORDER BY s.skill")
                .params(members.params()).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
    }

    /** Records a skill; recording one the member already has changes nothing (idempotent). */
    public Added add(CurrentUser user, SkillRequest r) {
        Places.organiser(user, "登记党员特长");
        if (r == null) {
            throw new IllegalArgumentException("请填写党员编号（member）和特长（skill）");
        }
        String skill = skill(r.skill());
        Places.Member member = places.memberInScope(user, r.member(), "member");
        Instant now = clock.instant();
        try {
            return transactions.execute(status -> {
                boolean added = addOne(user, member, skill, now);
                if (added) {
                    audit.record(Audit.Entry.change("MEMBER_SKILL_ADDED", "member_skill", member.code() + "/" + skill, null,
                            Map.of("skill", skill)));
                }
                return new Added(member.code(), skill, added);
            });
        } catch (DuplicateKeyException raced) {
            return new Added(member.code(), skill, false);
        }
    }

    /** Withdraws a member's skill with its reason; the row and its history stay. */
    public void withdraw(CurrentUser user, Withdrawal r) {
        Places.organiser(user, "撤回党员特长");
        if (r == null) {
            throw new IllegalArgumentException("请填写党员编号（member）、特长（skill）和撤回原因（reason）");
        }
        String skill = skill(r.skill());
        String reason = OrganisationDesk.text("撤回原因", "reason", r.reason(), 500, true);
        Places.Member member = places.memberInScope(user, r.member(), "member");
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                            UPDATE member_skill SET withdrawn_at = :now, withdrawn_by = :by, withdrawn_reason = :reason
                            WHERE member_id = :m AND skill = :s AND withdrawn_at IS NULL""")
                    .param("now", Emergencies.at(now)).param("by", user.username()).param("reason", reason)
                    .param("m", member.id()).param("s", skill).update();
            if (changed == 0) {
                throw new ConflictException("党员 " + member.code() + " 没有在册的特长「" + skill + "」（未登记或已撤回）",
                        Map.of("member", member.code(), "skill", skill));
            }
            event(member.id(), skill, "WITHDRAWN", now, user.username(), reason);
            audit.record(Audit.Entry.change("MEMBER_SKILL_WITHDRAWN", "member_skill", member.code() + "/" + skill,
                    Map.of("skill", skill), Map.of("withdrawn", true, "reason", reason)));
        });
    }

    /**
     * Imports skills from XLSX or CSV (党员编号, 特长), all or nothing: every bad row and column is listed and a file
     * with any error records nothing. Skills a member already has stay as they are.
     */
    public Report importFile(CurrentUser user, byte[] content) {
        Places.organiser(user, "导入党员特长");
        SpreadsheetReader.Table table;
        try {
            table = SpreadsheetReader.read(content);
        } catch (SpreadsheetReader.UnreadableFileException e) {
            throw rejected(List.of(new ImportError(0, "", null, e.getMessage())));
        }
        List<ImportError> errors = new ArrayList<>();
        COLUMNS.stream().filter(c -> !table.headers().contains(c))
                .forEach(c -> errors.add(new ImportError(1, c, null, "缺少必填列，请使用下载的模板")));
        if (errors.isEmpty() && table.rows().isEmpty()) {
            errors.add(new ImportError(2, "", null, "文件没有数据行"));
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        Map<String, Places.Member> members = places.membersByCode(table.rows().stream()
                .map(row -> row.cells().getOrDefault("党员编号", "").trim()).filter(c -> !c.isEmpty()).toList());
        DataScope scope = places.scope(user);
        record Line(Places.Member member, String skill) {
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SpreadsheetReader.Table.Row row : table.rows()) {
            RowReader reader = new RowReader(row.number(), row.cells(), errors);
            String code = reader.code("党员编号", true);
            String skill = reader.text("特长", true, MAX_SKILL);
            Places.Member member = code == null ? null : members.get(code);
            if (code != null && member == null) {
                reader.error("党员编号", "党员不存在");
            } else if (member != null && !scope.seesMember(member.id(), member.partyOrgId(), member.organId(), member.communityId())) {
                // A file reaching outside the scope is refused as a whole, like any write outside the scope.
                throw new org.ronghe.platform.OutOfScopeException("党员", code);
            }
            if (code != null && skill != null && !seen.add(code + "\u0000" + skill)) {
                reader.error("特长", "文件中重复出现");
            }
            if (!reader.hasErrors()) {
                lines.add(new Line(member, skill));
            }
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        Instant now = clock.instant();
        return transactions.execute(status -> {
            int added = 0;
            List<Audit.Entry> entries = new ArrayList<>();
            for (Line line : lines) {
                if (addOne(user, line.member(), line.skill(), now)) {
                    added++;
                    entries.add(Audit.Entry.change("MEMBER_SKILL_ADDED", "member_skill", line.member().code() + "/" + line.skill(), null,
                            Map.of("skill", line.skill(), "import", true)));
                }
            }
            audit.recordAll(entries);
            return new Report(lines.size(), added, lines.size() - added);
        });
    }

    /** Adds the skill, or re-adds a withdrawn one; @return false when the member already has it. */
    private boolean addOne(CurrentUser user, Places.Member member, String skill, Instant now) {
        List<Boolean> current = jdbc.sql("SELECT withdrawn_at IS NULL FROM member_skill WHERE member_id = :m AND skill = :s FOR UPDATE")
                .param("m", member.id()).param("s", skill).query(Boolean.class).list();
        if (!current.isEmpty() && current.get(0)) {
            return false;
        }
        if (current.isEmpty()) {
            jdbc.sql("INSERT INTO member_skill (member_id, skill, added_at, added_by) VALUES (:m, :s, :now, :by)")
                    .param("m", member.id()).param("s", skill).param("now", Emergencies.at(now)).param("by", user.username()).update();
        } else {
            jdbc.sql("""
                            UPDATE member_skill SET added_at = :now, added_by = :by, withdrawn_at = NULL, withdrawn_by = NULL,
                                withdrawn_reason = NULL WHERE member_id = :m AND skill = :s""")
                    .param("m", member.id()).param("s", skill).param("now", Emergencies.at(now)).param("by", user.username()).update();
        }
        event(member.id(), skill, "ADDED", now, user.username(), null);
        return true;
    }

    private void event(long member, String skill, String kind, Instant now, String actor, String reason) {
        jdbc.sql("INSERT INTO member_skill_event (member_id, skill, kind, at, actor, reason) VALUES (:m, :s, :k, :now, :a, :r)")
                .param("m", member).param("s", skill).param("k", kind).param("now", Emergencies.at(now)).param("a", actor)
                .param("r", reason).update();
    }

    private static String skill(String text) {
        return OrganisationDesk.text("特长", "skill", text, MAX_SKILL, true);
    }

    private static RejectedInputException rejected(List<ImportError> errors) {
        List<ImportError> sorted = errors.stream().sorted(java.util.Comparator.comparingInt(ImportError::row)
                .thenComparing(e -> COLUMNS.indexOf(e.column()))).toList();
        return new RejectedInputException("import-rejected", "导入未通过校验",
                "党员特长导入未通过校验：共 " + sorted.size() + " 处错误，未导入任何数据", sorted, Map.of("entity", "member-skills"));
    }
}
