package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.Labelled;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.organ.Organs;
import org.ronghe.directory.organ.PartyOrgs;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Call categories, organs with their duties, and the party organisation tree as spreadsheets. */
final class OrganSheets {

    private OrganSheets() {
    }

    record CategoryRow(String code, String name) {
    }

    @Component
    static class CategorySheet extends JdbcSheet<CategoryRow> {

        CategorySheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
            super(jdbc, batch);
        }

        public String entity() { return "categories"; }

        public String title() { return "诉求类别"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("类别编码", "唯一编码，如 SANITATION"), Column.required("类别名称", "如 环境卫生"));
        }

        public CategoryRow read(RowReader r) {
            CategoryRow row = new CategoryRow(r.code("类别编码", true), r.text("类别名称", true, 100));
            return r.hasErrors() ? null : row;
        }

        public String key(CategoryRow row) { return row.code(); }

        public void check(List<Numbered<CategoryRow>> rows, Checks checks) {
            checks.unique(rows, CategoryRow::code, "类别编码");
        }

        public Map<String, CategoryRow> existing(Collection<String> keys) {
            return load("SELECT code, name FROM category WHERE code IN (:keys)", keys,
                    (rs, n) -> new CategoryRow(rs.getString(1), rs.getString(2)));
        }

        public void insert(List<CategoryRow> rows) {
            batch("INSERT INTO category (code, name) VALUES (:code, :name)", rows, r -> values("code", r.code(), "name", r.name()));
        }

        public void update(List<CategoryRow> rows) {
            batch("UPDATE category SET name = :name WHERE code = :code", rows, r -> values("code", r.code(), "name", r.name()));
        }

        public Map<String, Object> auditState(CategoryRow r) { return values("name", r.name()); }

        public void export(DataScope scope, Consumer<CategoryRow> sink) {
            jdbc.sql("SELECT code, name FROM category ORDER BY code")
                    .query((rs, n) -> new CategoryRow(rs.getString(1), rs.getString(2))).list().forEach(sink);
        }

        public List<Object> cells(CategoryRow r) { return List.of(r.code(), r.name()); }
    }

    /** @param duties category codes, sorted, so the same duties in another order are no change */
    record OrganRow(String code, String name, Integer staffCount, List<String> duties) {
    }

    @Component
    static class OrganSheet extends JdbcSheet<OrganRow> {

        private final Organs organs;

        OrganSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Organs organs) {
            super(jdbc, batch);
            this.organs = organs;
        }

        public String entity() { return "organs"; }

        public String title() { return "机关单位"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("单位编码", "唯一编码"), Column.required("单位名称", "如 区民政局"),
                    Column.required("职工人数", "在编在岗人数，非负整数"),
                    Column.optionalText("职责类别编码", "负责办理的诉求类别编码，多个用顿号或逗号分隔"));
        }

        public OrganRow read(RowReader r) {
            String code = r.code("单位编码", true);
            String name = r.text("单位名称", true, 100);
            Integer staff = r.integer("职工人数", true, 0, 1_000_000);
            String duties = r.text("职责类别编码", false, 1000);
            List<String> list = duties == null ? List.of()
                    : Arrays.stream(duties.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).distinct().sorted().toList();
            return r.hasErrors() ? null : new OrganRow(code, name, staff, list);
        }

        public String key(OrganRow row) { return row.code(); }

        public void check(List<Numbered<OrganRow>> rows, Checks checks) {
            checks.unique(rows, OrganRow::code, "单位编码");
            Set<String> known = checks.existing("category", "code", rows.stream().flatMap(r -> r.value().duties().stream()).toList());
            for (Numbered<OrganRow> row : rows) {
                for (String duty : row.value().duties()) {
                    if (!known.contains(duty)) {
                        checks.error(row.row(), "职责类别编码", duty, "诉求类别编码不存在：" + duty);
                    }
                }
            }
        }

        public Map<String, OrganRow> existing(Collection<String> keys) {
            Map<String, List<String>> duties = new HashMap<>();
            if (!keys.isEmpty()) {
                jdbc.sql("""
                                SELECT o.code, d.category_code FROM organ_duty d JOIN organ o ON o.id = d.organ_id
                                WHERE o.code IN (:keys) ORDER BY d.category_code""")
                        .param("keys", keys)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                        .forEach(e -> duties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
            return load("SELECT code, name, staff_count FROM organ WHERE code IN (:keys)", keys,
                    (rs, n) -> new OrganRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                            List.copyOf(duties.getOrDefault(rs.getString(1), List.of()))));
        }

        public void insert(List<OrganRow> rows) {
            batch("INSERT INTO organ (code, name, staff_count) VALUES (:code, :name, :staff)", rows, this::params);
            writeDuties(rows);
        }

        public void update(List<OrganRow> rows) {
            batch("UPDATE organ SET name = :name, staff_count = :staff WHERE code = :code", rows, this::params);
            // Duties are configuration rather than business records: the new list replaces the old one.
            batch("DELETE FROM organ_duty WHERE organ_id = (SELECT id FROM organ WHERE code = :code)", rows, this::params);
            writeDuties(rows);
        }

        private void writeDuties(List<OrganRow> rows) {
            List<Map<String, Object>> duties = new ArrayList<>();
            rows.forEach(r -> r.duties().forEach(d -> duties.add(values("code", r.code(), "category", d))));
            if (!duties.isEmpty()) {
                for (List<Map<String, Object>> chunk : Checks.chunks(duties)) {
                    batch.batchUpdate("""
                            INSERT INTO organ_duty (organ_id, category_code)
                            VALUES ((SELECT id FROM organ WHERE code = :code), :category)""",
                            chunk.stream().map(m -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(m))
                                    .toArray(org.springframework.jdbc.core.namedparam.MapSqlParameterSource[]::new));
                }
            }
        }

        private Map<String, ?> params(OrganRow r) {
            return values("code", r.code(), "name", r.name(), "staff", r.staffCount());
        }

        public Map<String, Object> auditState(OrganRow r) {
            return values("name", r.name(), "staffCount", r.staffCount(), "duties", r.duties());
        }

        public void export(DataScope scope, Consumer<OrganRow> sink) {
            organs.all(scope, new Organs.Filter(null, null)).forEach(o -> sink.accept(new OrganRow(o.code(), o.name(),
                    o.staffCount(), o.duties().stream().map(Organs.Duty::code).sorted().toList())));
        }

        public List<Object> cells(OrganRow r) {
            return List.of(r.code(), r.name(), r.staffCount(), String.join("、", r.duties()));
        }
    }

    record PartyOrgRow(String code, String name, PartyOrgKind kind, String parent, String organ, String community,
                       LocalDate foundedOn, Integer termYears, LocalDate lastElectionOn, boolean hasCommittee,
                       LocalDate startsOn, LocalDate endsOn, LocalDate dissolvedOn) {
    }

    @Component
    static class PartyOrgSheet extends JdbcSheet<PartyOrgRow> {

        private final PartyOrgs partyOrgs;

        PartyOrgSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PartyOrgs partyOrgs) {
            super(jdbc, batch);
            this.partyOrgs = partyOrgs;
        }

        public String entity() { return "party-orgs"; }

        public String title() { return "党组织"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("组织编码", "唯一编码"), Column.required("组织名称", "如 区民政局机关第一党支部"),
                    Column.required("组织类别", Labelled.labels(PartyOrgKind.class)),
                    Column.optionalText("上级组织编码", "上级党组织的编码，可为本文件中的组织"),
                    Column.optionalText("所属单位编码", "机关党组织填写所属机关单位编码"),
                    Column.optionalText("所属社区编码", "社区党组织填写社区编码；单位与社区至少填一项"),
                    Column.optional("成立日期", "YYYY-MM-DD"),
                    Column.optional("任期年限", "党委 5 年，党总支、党支部 3 年；不填按类别默认"),
                    Column.optional("上次换届日期", "YYYY-MM-DD"),
                    Column.optional("是否设委员会", "是 / 否"),
                    Column.optional("开始日期", "临时党支部必填，YYYY-MM-DD"),
                    Column.optional("结束日期", "临时党支部必填，YYYY-MM-DD"),
                    Column.optional("撤销日期", "已撤销的组织填写，YYYY-MM-DD"));
        }

        public PartyOrgRow read(RowReader r) {
            String code = r.code("组织编码", true);
            String name = r.text("组织名称", true, 150);
            PartyOrgKind kind = r.choice("组织类别", PartyOrgKind.class, true);
            String parent = r.code("上级组织编码", false);
            String organ = r.code("所属单位编码", false);
            String community = r.code("所属社区编码", false);
            LocalDate founded = r.date("成立日期", false);
            Integer term = r.integer("任期年限", false, 1, 10);
            LocalDate elected = r.date("上次换届日期", false);
            Boolean committee = r.yesNo("是否设委员会", false);
            LocalDate starts = r.date("开始日期", false);
            LocalDate ends = r.date("结束日期", false);
            LocalDate dissolved = r.date("撤销日期", false);
            if (r.hasErrors()) {
                return null;
            }
            if (organ == null && community == null) {
                r.error("所属单位编码", "所属单位编码与所属社区编码至少填写一项");
            }
            if (code.equals(parent)) {
                r.error("上级组织编码", "上级组织不能是其本身");
            }
            if (kind == PartyOrgKind.TEMPORARY_BRANCH && (starts == null || ends == null)) {
                r.error(starts == null ? "开始日期" : "结束日期", "临时党支部须填写开始日期和结束日期");
            }
            if (starts != null && ends != null && ends.isBefore(starts)) {
                r.error("结束日期", "结束日期不能早于开始日期");
            }
            if (r.hasErrors()) {
                return null;
            }
            Integer termYears = term != null ? term : kind.elects() ? kind.defaultTermYears() : null;
            return new PartyOrgRow(code, name, kind, parent, organ, community, founded, termYears, elected,
                    Boolean.TRUE.equals(committee), starts, ends, dissolved);
        }

        public String key(PartyOrgRow row) { return row.code(); }

        public void check(List<Numbered<PartyOrgRow>> rows, Checks checks) {
            checks.unique(rows, PartyOrgRow::code, "组织编码");
            Set<String> inFile = new HashSet<>(rows.stream().map(r -> r.value().code()).toList());
            checks.references(rows, PartyOrgRow::parent, "上级组织编码", "party_org", inFile, "上级党组织");
            checks.references(rows, PartyOrgRow::organ, "所属单位编码", "organ", Set.of(), "机关单位");
            checks.references(rows, PartyOrgRow::community, "所属社区编码", "community", Set.of(), "社区");
            checkParents(rows, checks);
        }

        /** A parent may not be a party group, and following parents must never lead back to the row. */
        private void checkParents(List<Numbered<PartyOrgRow>> rows, Checks checks) {
            Map<String, String> parentOf = new HashMap<>();
            Map<String, PartyOrgKind> kindOf = new HashMap<>();
            record Stored(String code, String parent, PartyOrgKind kind) {
            }
            checks.jdbc().sql("SELECT p.code, pp.code, p.kind FROM party_org p LEFT JOIN party_org pp ON pp.id = p.parent_id")
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), PartyOrgKind.valueOf(rs.getString(3))))
                    .list().forEach(s -> {
                        parentOf.put(s.code(), s.parent());
                        kindOf.put(s.code(), s.kind());
                    });
            rows.forEach(r -> {
                parentOf.put(r.value().code(), r.value().parent());
                kindOf.put(r.value().code(), r.value().kind());
            });
            for (Numbered<PartyOrgRow> row : rows) {
                String parent = row.value().parent();
                if (parent != null && kindOf.get(parent) == PartyOrgKind.GROUP) {
                    checks.error(row.row(), "上级组织编码", parent, "党小组不能作为上级组织");
                }
                Set<String> seen = new HashSet<>();
                String at = row.value().code();
                while (at != null && seen.add(at)) {
                    at = parentOf.get(at);
                }
                if (at != null) {
                    checks.error(row.row(), "上级组织编码", parent, "上级关系形成循环");
                }
            }
        }

        public Map<String, PartyOrgRow> existing(Collection<String> keys) {
            return load("""
                    SELECT p.code, p.name, p.kind, pp.code, o.code, c.code, p.founded_on, p.term_years, p.last_election_on,
                           p.has_committee, p.starts_on, p.ends_on, p.dissolved_on
                    FROM party_org p LEFT JOIN party_org pp ON pp.id = p.parent_id
                    LEFT JOIN organ o ON o.id = p.organ_id LEFT JOIN community c ON c.id = p.community_id
                    WHERE p.code IN (:keys)""", keys,
                    (rs, n) -> new PartyOrgRow(rs.getString(1), rs.getString(2), PartyOrgKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            (Integer) rs.getObject(8, Integer.class), rs.getObject(9, LocalDate.class), rs.getBoolean(10),
                            rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class)));
        }

        public void insert(List<PartyOrgRow> rows) {
            // Parents may be later in the file: insert every row first, then link them.
            batch("""
                    INSERT INTO party_org (code, name, kind, organ_id, community_id, founded_on, term_years, last_election_on,
                                           has_committee, starts_on, ends_on, dissolved_on)
                    VALUES (:code, :name, :kind, (SELECT id FROM organ WHERE code = :organ),
                            (SELECT id FROM community WHERE code = :community), :founded, :term, :elected, :committee,
                            :starts, :ends, :dissolved)""", rows, this::params);
            batch("UPDATE party_org SET parent_id = (SELECT p.id FROM party_org p WHERE p.code = :parent) WHERE code = :code",
                    rows.stream().filter(r -> r.parent() != null).toList(), this::params);
        }

        public void update(List<PartyOrgRow> rows) {
            batch("""
                    UPDATE party_org SET name = :name, kind = :kind, organ_id = (SELECT id FROM organ WHERE code = :organ),
                           community_id = (SELECT id FROM community WHERE code = :community), founded_on = :founded,
                           term_years = :term, last_election_on = :elected, has_committee = :committee,
                           starts_on = :starts, ends_on = :ends, dissolved_on = :dissolved,
                           parent_id = (SELECT p.id FROM party_org p WHERE p.code = :parent)
                    WHERE code = :code""", rows, this::params);
        }

        private Map<String, ?> params(PartyOrgRow r) {
            return values("code", r.code(), "name", r.name(), "kind", r.kind().name(), "parent", r.parent(),
                    "organ", r.organ(), "community", r.community(), "founded", r.foundedOn(), "term", r.termYears(),
                    "elected", r.lastElectionOn(), "committee", r.hasCommittee(), "starts", r.startsOn(),
                    "ends", r.endsOn(), "dissolved", r.dissolvedOn());
        }

        public Map<String, Object> auditState(PartyOrgRow r) {
            Map<String, Object> state = new LinkedHashMap<>(params(r));
            state.remove("code");
            return state;
        }

        public void export(DataScope scope, Consumer<PartyOrgRow> sink) {
            partyOrgs.all(scope, new PartyOrgs.Filter(null, null, null, null)).forEach(p -> sink.accept(new PartyOrgRow(
                    p.code(), p.name(), p.kind(), p.parentCode(), p.organCode(), p.communityCode(), p.foundedOn(),
                    p.termYears(), p.lastElectionOn(), p.hasCommittee(), p.startsOn(), p.endsOn(), p.dissolvedOn())));
        }

        public List<Object> cells(PartyOrgRow r) {
            return Arrays.asList(r.code(), r.name(), r.kind().label(), r.parent(), r.organ(), r.community(), r.foundedOn(),
                    r.termYears(), r.lastElectionOn(), yesNo(r.hasCommittee()), r.startsOn(), r.endsOn(), r.dissolvedOn());
        }
    }
}
