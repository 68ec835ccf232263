package org.ronghe.directory.transfer;

import org.ronghe.platform.RowReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.Gender;
import org.ronghe.platform.Labelled;
import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.PartyAffairsRole;
import org.ronghe.directory.Position;
import org.ronghe.directory.member.IdNumbers;
import org.ronghe.directory.member.Members;
import org.ronghe.platform.Masking;
import org.ronghe.platform.PersonalData;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Party members as a spreadsheet; the export is masked unless the exporting role may see personal data. */
@Component
class MemberSheet extends JdbcSheet<MemberSheet.MemberRow> {

    record MemberRow(String code, String name, Gender gender, LocalDate birthDate, String idNumber, String phone,
                     MemberStatus status, LocalDate joinedOn, String partyOrg, String organ, String community,
                     Position position, PartyAffairsRole partyAffairsRole) {
    }

    private final Members members;
    private final PersonalData personal;

    MemberSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Members members, PersonalData personal) {
        super(jdbc, batch);
        this.members = members;
        this.personal = personal;
    }

    public String entity() { return "members"; }

    public String title() { return "党员"; }

    public List<Column> columns() {
        return List.of(Column.requiredText("党员编号", "唯一编号"), Column.required("姓名", ""),
                Column.required("性别", "男 / 女"), Column.optional("出生日期", "YYYY-MM-DD，须与身份证号一致"),
                Column.optionalText("身份证号", "18 位居民身份证号"), Column.optionalText("手机号", "11 位手机号"),
                Column.required("党员类别", Labelled.labels(MemberStatus.class)),
                Column.optional("入党日期", "YYYY-MM-DD"),
                Column.requiredText("所在党组织编码", "党员组织关系所在的党支部编码"),
                Column.optionalText("工作单位编码", "在职党员的机关单位编码"),
                Column.optionalText("居住社区编码", "居住地社区编码（报到社区）"),
                Column.optional("党内职务", Labelled.labels(Position.class)),
                Column.optional("党务干部", Labelled.labels(PartyAffairsRole.class)));
    }

    public MemberRow read(RowReader r) {
        String code = r.code("党员编号", true);
        String name = r.text("姓名", true, 50);
        Gender gender = r.choice("性别", Gender.class, true);
        LocalDate birth = r.date("出生日期", false);
        String id = r.text("身份证号", false, 18);
        String phone = r.raw("手机号") != null && r.raw("手机号").contains("*") ? masked(r, "手机号") : r.phone("手机号", false);
        MemberStatus status = r.choice("党员类别", MemberStatus.class, true);
        LocalDate joined = r.date("入党日期", false);
        String partyOrg = r.code("所在党组织编码", true);
        String organ = r.code("工作单位编码", false);
        String community = r.code("居住社区编码", false);
        Position position = r.choice("党内职务", Position.class, false);
        PartyAffairsRole cadre = r.choice("党务干部", PartyAffairsRole.class, false);
        if (id != null) {
            id = id.toUpperCase();
            if (id.contains("*")) {
                masked(r, "身份证号");
            } else {
                String problem = IdNumbers.problem(id).orElse(null);
                if (problem != null) {
                    r.error("身份证号", problem);
                } else {
                    if (birth != null && !IdNumbers.birthDate(id).orElseThrow().equals(birth)) {
                        r.error("出生日期", "与身份证号中的出生日期不一致");
                    }
                    if (gender != null && IdNumbers.male(id) != (gender == Gender.M)) {
                        r.error("性别", "与身份证号中的性别不一致");
                    }
                    if (birth == null) {
                        birth = IdNumbers.birthDate(id).orElseThrow();
                    }
                }
            }
        }
        if (joined != null && birth != null && joined.isBefore(birth.plusYears(18))) {
            r.error("入党日期", "入党时应年满 18 周岁");
        }
        return r.hasErrors() ? null : new MemberRow(code, name, gender, birth, id, phone, status, joined, partyOrg,
                organ, community, position, cadre);
    }

    private static String masked(RowReader r, String column) {
        r.error(column, "为脱敏数据，不能导入；请由有权查看个人信息的账号导出原始数据");
        return null;
    }

    public String key(MemberRow row) { return row.code(); }

    public void check(List<Numbered<MemberRow>> rows, Checks checks) {
        checks.unique(rows, MemberRow::code, "党员编号");
        checks.unique(rows, MemberRow::idNumber, "身份证号");
        checks.references(rows, MemberRow::partyOrg, "所在党组织编码", "party_org", Set.of(), "党组织");
        checkNotTemporary(rows, checks);
        checks.references(rows, MemberRow::organ, "工作单位编码", "organ", Set.of(), "机关单位");
        checks.references(rows, MemberRow::community, "居住社区编码", "community", Set.of(), "社区");
        checkIdNumbersFree(rows, checks);
    }

    /** A temporary branch is nobody's home organisation: nobody is recruited into it or pays dues there. */
    private void checkNotTemporary(List<Numbered<MemberRow>> rows, Checks checks) {
        Set<String> temporary = new java.util.HashSet<>();
        List<String> codes = rows.stream().map(r -> r.value().partyOrg()).filter(java.util.Objects::nonNull).distinct().toList();
        for (List<String> chunk : Checks.chunks(codes)) {
            temporary.addAll(jdbc.sql("SELECT code FROM party_org WHERE code IN (:c) AND kind = 'TEMPORARY_BRANCH'")
                    .param("c", chunk).query(String.class).list());
        }
        for (Numbered<MemberRow> row : rows) {
            if (temporary.contains(row.value().partyOrg())) {
                checks.error(row.row(), "所在党组织编码", row.value().partyOrg(), org.ronghe.directory.TemporaryBranches.REFUSES_MEMBERS);
            }
        }
    }

    /**
     * An ID number may belong to one member only: one stored under another code is a clash. Stored ID
     * numbers are sealed, so they are found by their blind index (under every key, in case a key change
     * is under way).
     */
    private void checkIdNumbersFree(List<Numbered<MemberRow>> rows, Checks checks) {
        Map<String, String> idOfIndex = new HashMap<>();
        rows.stream().map(r -> r.value().idNumber()).filter(java.util.Objects::nonNull)
                .forEach(id -> personal.indexes(id).forEach(index -> idOfIndex.put(index, id)));
        Map<String, String> owner = new HashMap<>();
        for (List<String> chunk : Checks.chunks(List.copyOf(idOfIndex.keySet()))) {
            jdbc.sql("SELECT id_number_index, code FROM member WHERE id_number_index IN (:ids)").param("ids", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(e -> owner.put(idOfIndex.get(e.getKey()), e.getValue()));
        }
        for (Numbered<MemberRow> row : rows) {
            String stored = owner.get(row.value().idNumber());
            if (stored != null && !stored.equals(row.value().code())) {
                checks.error(row.row(), "身份证号", Masking.idNumber(row.value().idNumber()), "已登记在党员 " + stored + " 名下");
            }
        }
    }

    public Map<String, MemberRow> existing(Collection<String> keys) {
        return load("""
                SELECT m.code, m.name, m.gender, m.birth_date, m.id_number, m.phone, m.status, m.joined_on, p.code,
                       o.code, c.code, m.position, m.party_affairs_role
                FROM member m JOIN party_org p ON p.id = m.party_org_id
                LEFT JOIN organ o ON o.id = m.organ_id LEFT JOIN community c ON c.id = m.community_id
                WHERE m.code IN (:keys)""", keys,
                (rs, n) -> new MemberRow(rs.getString(1), rs.getString(2), Gender.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), personal.open(PersonalData.MEMBER_ID_NUMBER, rs.getString(5)),
                        personal.open(PersonalData.MEMBER_PHONE, rs.getString(6)),
                        MemberStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getString(10), rs.getString(11),
                        rs.getString(12) == null ? null : Position.valueOf(rs.getString(12)),
                        rs.getString(13) == null ? null : PartyAffairsRole.valueOf(rs.getString(13))));
    }

    public void insert(List<MemberRow> rows) {
        batch("""
                INSERT INTO member (code, name, gender, birth_date, id_number, id_number_index, phone, status, joined_on,
                                    party_org_id, organ_id, community_id, position, party_affairs_role)
                VALUES (:code, :name, :gender, :birth, :id, :idIndex, :phone, :status, :joined,
                        (SELECT id FROM party_org WHERE code = :partyOrg), (SELECT id FROM organ WHERE code = :organ),
                        (SELECT id FROM community WHERE code = :community), :position, :cadre)""", rows, this::params);
    }

    public void update(List<MemberRow> rows) {
        batch("""
                UPDATE member SET name = :name, gender = :gender, birth_date = :birth, id_number = :id,
                       id_number_index = :idIndex, phone = :phone,
                       status = :status, joined_on = :joined, party_org_id = (SELECT id FROM party_org WHERE code = :partyOrg),
                       organ_id = (SELECT id FROM organ WHERE code = :organ),
                       community_id = (SELECT id FROM community WHERE code = :community),
                       position = :position, party_affairs_role = :cadre
                WHERE code = :code""", rows, this::params);
    }

    private Map<String, ?> params(MemberRow r) {
        return values("code", r.code(), "name", r.name(), "gender", r.gender().name(), "birth", r.birthDate(),
                "id", personal.seal(PersonalData.MEMBER_ID_NUMBER, r.idNumber()), "idIndex", personal.index(r.idNumber()),
                "phone", personal.seal(PersonalData.MEMBER_PHONE, r.phone()), "status", r.status().name(), "joined", r.joinedOn(),
                "partyOrg", r.partyOrg(), "organ", r.organ(), "community", r.community(),
                "position", name(r.position()), "cadre", name(r.partyAffairsRole()));
    }

    public Map<String, Object> auditState(MemberRow r) {
        return values("name", r.name(), "gender", r.gender().name(), "birthDate", r.birthDate(),
                "idNumber", Masking.idNumber(r.idNumber()), "phone", Masking.phone(r.phone()), "status", r.status().name(),
                "joinedOn", r.joinedOn(), "partyOrg", r.partyOrg(), "organ", r.organ(), "community", r.community(),
                "position", name(r.position()), "partyAffairsRole", name(r.partyAffairsRole()));
    }

    public void export(DataScope scope, Consumer<MemberRow> sink) {
        members.forEach(scope, Members.Filter.none(), m -> sink.accept(new MemberRow(m.code(), m.name(), m.gender(),
                m.birthDate(), m.idNumber(), m.phone(), m.status(), m.joinedOn(), m.partyOrgCode(), m.organCode(),
                m.communityCode(), m.position(), m.partyAffairsRole())));
    }

    public List<Object> cells(MemberRow r) {
        return Arrays.asList(r.code(), r.name(), r.gender().label(), r.birthDate(), r.idNumber(), r.phone(),
                r.status().label(), r.joinedOn(), r.partyOrg(), r.organ(), r.community(), label(r.position()),
                label(r.partyAffairsRole()));
    }
}
