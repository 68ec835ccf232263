package org.ronghe.visits.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.ImportError;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.RowReader;
import org.ronghe.platform.SpreadsheetReader;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports households from XLSX or CSV, all or nothing: every bad cell of every row is reported with its
 * row and column, and a file with any error changes nothing. Rows are matched by household code: new codes
 * are added, known ones updated. A community's staff import their own community's households only.
 */
@Service
public class HouseholdImport {

    public static final List<String> COLUMNS = List.of("户编码", "社区编码", "网格编码", "小区", "楼栋", "地址", "户主姓名", "户主电话");
    private static final Set<String> REQUIRED = Set.of("户编码", "社区编码", "地址", "户主姓名");

    private final JdbcClient jdbc;
    private final Households households;
    private final VisitScopes scopes;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    HouseholdImport(JdbcClient jdbc, Households households, VisitScopes scopes, Audit audit, Clock clock,
                    TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.households = households;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record Report(int rows, int created, int updated) {
    }

    public Report importFile(CurrentUser user, byte[] content) {
        VisitScope scope = scopes.of(user);
        if (user.role() != org.ronghe.platform.Role.COMMITTEE_ADMIN && user.role() != org.ronghe.platform.Role.COMMUNITY_STAFF) {
            throw new org.springframework.security.access.AccessDeniedException("只有区直机关工委和社区工作人员可以导入住户");
        }
        SpreadsheetReader.Table table;
        try {
            table = SpreadsheetReader.read(content);
        } catch (SpreadsheetReader.UnreadableFileException e) {
            throw rejected(List.of(new ImportError(0, "", null, e.getMessage())));
        }
        List<ImportError> errors = new ArrayList<>();
        REQUIRED.stream().filter(c -> !table.headers().contains(c)).sorted()
                .forEach(c -> errors.add(new ImportError(1, c, null, "缺少必填列，请使用下载的模板")));
        if (errors.isEmpty() && table.rows().isEmpty()) {
            errors.add(new ImportError(2, "", null, "文件没有数据行"));
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        Map<String, long[]> communities = communities();
        Map<String, long[]> grids = grids();
        List<Households.Row> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (SpreadsheetReader.Table.Row row : table.rows()) {
            RowReader r = new RowReader(row.number(), row.cells(), errors);
            String code = r.code("户编码", true);
            String communityCode = r.code("社区编码", true);
            String gridCode = r.code("网格编码", false);
            String compound = r.text("小区", false, 100);
            String building = r.text("楼栋", false, 50);
            String address = r.text("地址", true, 200);
            String head = r.text("户主姓名", true, 50);
            String phone = r.phone("户主电话", false);
            long[] community = communityCode == null ? null : communities.get(communityCode);
            if (communityCode != null && community == null) {
                r.error("社区编码", "社区不存在");
            } else if (community != null && !scope.keepsHouseholdsOf(community[0])) {
                // A file reaching into another community is refused as a whole, like any write outside the scope.
                throw new org.ronghe.platform.OutOfScopeException("社区", communityCode);
            }
            long[] grid = gridCode == null ? null : grids.get(gridCode);
            if (gridCode != null && grid == null) {
                r.error("网格编码", "网格不存在");
            } else if (grid != null && community != null && grid[1] != community[0]) {
                r.error("网格编码", "网格不属于该社区");
            }
            if (code != null && !codes.add(code)) {
                r.error("户编码", "文件中重复出现");
            }
            if (!r.hasErrors()) {
                rows.add(new Households.Row(code, community[0], grid == null ? null : grid[0], compound, building, address, head, phone));
            }
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return transactions.execute(status -> apply(user, rows));
    }

    private Report apply(CurrentUser user, List<Households.Row> rows) {
        Map<String, Long> existing = new HashMap<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            existing.putAll(households.idsByCode(rows.subList(i, Math.min(rows.size(), i + 1000)).stream()
                    .map(Households.Row::code).toList()));
        }
        List<Households.Row> inserts = rows.stream().filter(r -> !existing.containsKey(r.code())).toList();
        List<Households.Row> updates = rows.stream().filter(r -> existing.containsKey(r.code())).toList();
        households.insert(inserts, clock.instant());
        households.update(updates);
        Set<Long> touched = new HashSet<>();
        rows.forEach(r -> touched.add(r.communityId()));
        // A household moved to another community leaves its old one: count that one again too.
        touched.addAll(jdbc.sql("SELECT community_id FROM household_tally").query(Long.class).list());
        households.recount(touched);
        audit.record(Audit.Entry.change("HOUSEHOLDS_IMPORTED", "household", null, null,
                Map.of("rows", rows.size(), "created", inserts.size(), "updated", updates.size(), "by", user.username())));
        return new Report(rows.size(), inserts.size(), updates.size());
    }

    private Map<String, long[]> communities() {
        Map<String, long[]> ids = new HashMap<>();
        jdbc.sql("SELECT code, id FROM community").query((rs, n) -> ids.put(rs.getString(1), new long[]{rs.getLong(2)})).list();
        return ids;
    }

    private Map<String, long[]> grids() {
        Map<String, long[]> ids = new HashMap<>();
        jdbc.sql("SELECT code, id, community_id FROM grid")
                .query((rs, n) -> ids.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)})).list();
        return ids;
    }

    private static RejectedInputException rejected(List<ImportError> errors) {
        List<ImportError> sorted = errors.stream().sorted(java.util.Comparator.comparingInt(ImportError::row)
                .thenComparing(e -> COLUMNS.indexOf(e.column()))).toList();
        return new RejectedInputException("import-rejected", "导入未通过校验",
                "住户导入未通过校验：共 " + sorted.size() + " 处错误，未导入任何数据", sorted, Map.of("entity", "households"));
    }
}
