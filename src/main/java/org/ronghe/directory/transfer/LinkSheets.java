package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.link.Leaders;
import org.ronghe.directory.link.Liaisons;
import org.ronghe.directory.link.Pairings;
import org.ronghe.platform.Masking;
import org.ronghe.platform.PersonalData;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** District leaders, their liaisons with streets, and organ–community pairings as spreadsheets. */
final class LinkSheets {

    private LinkSheets() {
    }

    record LeaderRow(String code, String name, String title, String phone) {
    }

    @Component
    static class LeaderSheet extends JdbcSheet<LeaderRow> {

        private final Leaders leaders;
        private final PersonalData personal;

        LeaderSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Leaders leaders, PersonalData personal) {
            super(jdbc, batch);
            this.leaders = leaders;
            this.personal = personal;
        }

        public String entity() { return "leaders"; }

        public String title() { return "区领导"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("领导编码", "唯一编码"), Column.required("姓名", ""),
                    Column.required("职务", "如 区委副书记"), Column.optionalText("手机号", "11 位手机号"));
        }

        public LeaderRow read(RowReader r) {
            LeaderRow row = new LeaderRow(r.code("领导编码", true), r.text("姓名", true, 50), r.text("职务", true, 100),
                    r.phone("手机号", false));
            return r.hasErrors() ? null : row;
        }

        public String key(LeaderRow row) { return row.code(); }

        public void check(List<Numbered<LeaderRow>> rows, Checks checks) {
            checks.unique(rows, LeaderRow::code, "领导编码");
        }

        public Map<String, LeaderRow> existing(Collection<String> keys) {
            return load("SELECT code, name, title, phone FROM leader WHERE code IN (:keys)", keys,
                    (rs, n) -> new LeaderRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            personal.open(PersonalData.LEADER_PHONE, rs.getString(4))));
        }

        public void insert(List<LeaderRow> rows) {
            batch("INSERT INTO leader (code, name, title, phone) VALUES (:code, :name, :title, :phone)", rows, this::params);
        }

        public void update(List<LeaderRow> rows) {
            batch("UPDATE leader SET name = :name, title = :title, phone = :phone WHERE code = :code", rows, this::params);
        }

        private Map<String, ?> params(LeaderRow r) {
            return values("code", r.code(), "name", r.name(), "title", r.title(),
                    "phone", personal.seal(PersonalData.LEADER_PHONE, r.phone()));
        }

        public Map<String, Object> auditState(LeaderRow r) {
            return values("name", r.name(), "title", r.title(), "phone", Masking.phone(r.phone()));
        }

        public void export(DataScope scope, Consumer<LeaderRow> sink) {
            leaders.all(scope, null).forEach(l -> sink.accept(new LeaderRow(l.code(), l.name(), l.title(), l.phone())));
        }

        public List<Object> cells(LeaderRow r) { return Arrays.asList(r.code(), r.name(), r.title(), r.phone()); }
    }

    record LiaisonRow(String leader, String street, LocalDate since, LocalDate endedOn) {
    }

    @Component
    static class LiaisonSheet extends JdbcSheet<LiaisonRow> {

        private final Liaisons liaisons;

        LiaisonSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Liaisons liaisons) {
            super(jdbc, batch);
            this.liaisons = liaisons;
        }

        public String entity() { return "liaisons"; }

        public String title() { return "挂点街道"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("领导编码", "已导入的区领导编码"), Column.requiredText("街道编码", "已导入的街道编码"),
                    Column.optional("开始日期", "YYYY-MM-DD"), Column.optional("结束日期", "挂点结束时填写，YYYY-MM-DD"));
        }

        public LiaisonRow read(RowReader r) {
            LiaisonRow row = new LiaisonRow(r.code("领导编码", true), r.code("街道编码", true), r.date("开始日期", false),
                    r.date("结束日期", false));
            if (!r.hasErrors() && row.since() != null && row.endedOn() != null && row.endedOn().isBefore(row.since())) {
                r.error("结束日期", "结束日期不能早于开始日期");
            }
            return r.hasErrors() ? null : row;
        }

        public String key(LiaisonRow row) { return pair(row.leader(), row.street()); }

        public void check(List<Numbered<LiaisonRow>> rows, Checks checks) {
            checks.unique(rows, this::key, "街道编码");
            checks.references(rows, LiaisonRow::leader, "领导编码", "leader", Set.of(), "区领导");
            checks.references(rows, LiaisonRow::street, "街道编码", "street", Set.of(), "街道");
        }

        public Map<String, LiaisonRow> existing(Collection<String> keys) {
            return load("""
                    SELECT d.code, s.code, l.since, l.ended_on FROM liaison l
                    JOIN leader d ON d.id = l.leader_id JOIN street s ON s.id = l.street_id
                    WHERE CONCAT(d.code, '|', s.code) IN (:keys)""", keys,
                    (rs, n) -> new LiaisonRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
        }

        public void insert(List<LiaisonRow> rows) {
            batch("""
                    INSERT INTO liaison (leader_id, street_id, since, ended_on)
                    VALUES ((SELECT id FROM leader WHERE code = :leader), (SELECT id FROM street WHERE code = :street),
                            :since, :ended)""", rows, this::params);
        }

        public void update(List<LiaisonRow> rows) {
            batch("""
                    UPDATE liaison SET since = :since, ended_on = :ended
                    WHERE leader_id = (SELECT id FROM leader WHERE code = :leader)
                      AND street_id = (SELECT id FROM street WHERE code = :street)""", rows, this::params);
        }

        private Map<String, ?> params(LiaisonRow r) {
            return values("leader", r.leader(), "street", r.street(), "since", r.since(), "ended", r.endedOn());
        }

        public Map<String, Object> auditState(LiaisonRow r) { return values("since", r.since(), "endedOn", r.endedOn()); }

        public void export(DataScope scope, Consumer<LiaisonRow> sink) {
            liaisons.all(scope, new Liaisons.Filter(null, null, true)).forEach(l -> sink.accept(
                    new LiaisonRow(l.leaderCode(), l.streetCode(), l.since(), l.endedOn())));
        }

        public List<Object> cells(LiaisonRow r) { return Arrays.asList(r.leader(), r.street(), r.since(), r.endedOn()); }
    }

    record PairingRow(String organ, String community, LocalDate since, LocalDate endedOn) {
    }

    @Component
    static class PairingSheet extends JdbcSheet<PairingRow> {

        private final Pairings pairings;

        PairingSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Pairings pairings) {
            super(jdbc, batch);
            this.pairings = pairings;
        }

        public String entity() { return "pairings"; }

        public String title() { return "结对共建"; }

        public List<Column> columns() {
            return List.of(Column.requiredText("单位编码", "已导入的机关单位编码"), Column.requiredText("社区编码", "已导入的社区编码"),
                    Column.optional("开始日期", "YYYY-MM-DD"), Column.optional("结束日期", "结对结束时填写，YYYY-MM-DD"));
        }

        public PairingRow read(RowReader r) {
            PairingRow row = new PairingRow(r.code("单位编码", true), r.code("社区编码", true), r.date("开始日期", false),
                    r.date("结束日期", false));
            if (!r.hasErrors() && row.since() != null && row.endedOn() != null && row.endedOn().isBefore(row.since())) {
                r.error("结束日期", "结束日期不能早于开始日期");
            }
            return r.hasErrors() ? null : row;
        }

        public String key(PairingRow row) { return pair(row.organ(), row.community()); }

        public void check(List<Numbered<PairingRow>> rows, Checks checks) {
            checks.unique(rows, this::key, "社区编码");
            checks.references(rows, PairingRow::organ, "单位编码", "organ", Set.of(), "机关单位");
            checks.references(rows, PairingRow::community, "社区编码", "community", Set.of(), "社区");
        }

        public Map<String, PairingRow> existing(Collection<String> keys) {
            return load("""
                    SELECT o.code, c.code, r.since, r.ended_on FROM pairing r
                    JOIN organ o ON o.id = r.organ_id JOIN community c ON c.id = r.community_id
                    WHERE CONCAT(o.code, '|', c.code) IN (:keys)""", keys,
                    (rs, n) -> new PairingRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
        }

        public void insert(List<PairingRow> rows) {
            batch("""
                    INSERT INTO pairing (organ_id, community_id, since, ended_on)
                    VALUES ((SELECT id FROM organ WHERE code = :organ), (SELECT id FROM community WHERE code = :community),
                            :since, :ended)""", rows, this::params);
        }

        public void update(List<PairingRow> rows) {
            batch("""
                    UPDATE pairing SET since = :since, ended_on = :ended
                    WHERE organ_id = (SELECT id FROM organ WHERE code = :organ)
                      AND community_id = (SELECT id FROM community WHERE code = :community)""", rows, this::params);
        }

        private Map<String, ?> params(PairingRow r) {
            return values("organ", r.organ(), "community", r.community(), "since", r.since(), "ended", r.endedOn());
        }

        public Map<String, Object> auditState(PairingRow r) { return values("since", r.since(), "endedOn", r.endedOn()); }

        public void export(DataScope scope, Consumer<PairingRow> sink) {
            pairings.all(scope, new Pairings.Filter(null, null, null, true)).forEach(p -> sink.accept(
                    new PairingRow(p.organCode(), p.communityCode(), p.since(), p.endedOn())));
        }

        public List<Object> cells(PairingRow r) { return Arrays.asList(r.organ(), r.community(), r.since(), r.endedOn()); }
    }
}
