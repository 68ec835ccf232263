package org.ronghe.directory.findings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the rule findings from the records each time they are asked for, so they can never
 * drift from the data: nobody types a finding, and fixing the record clears it.
 */
@Service
public class Findings {

    private static final int SHORTEST_TERM_YEARS = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    Findings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Finding> of(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(branchSizes(scope));
        findings.addAll(terms(scope, today));
        findings.addAll(cadres(scope));
        findings.addAll(expiredTemporaryBranches(scope, today));
        findings.sort(Comparator.comparing(Finding::rule).thenComparing(Finding::subjectCode));
        return findings;
    }

    private List<Finding> branchSizes(DataScope scope) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"))
                .and("p.kind = 'BRANCH' AND p.dissolved_on IS NULL");
        return jdbc.sql("""
                        SELECT p.code, p.name, o.code AS organ_code, o.name AS organ_name, p.has_committee,
                               COUNT(m.id) AS members, SUM(CASE WHEN m.status = 'FULL' THEN 1 ELSE 0 END) AS full_members
                        FROM party_org p
                        LEFT JOIN organ o ON o.id = p.organ_id
                        LEFT JOIN member m ON m.party_org_id = p.id""" + where.sql() + """
                         GROUP BY p.id, p.code, p.name, o.code, o.name, p.has_committee
                        HAVING SUM(CASE WHEN m.status = 'FULL' THEN 1 ELSE 0 END) < :minFull OR COUNT(m.id) > :max
                            OR (SUM(CASE WHEN m.status = 'FULL' THEN 1 ELSE 0 END) >= :committeeFrom AND NOT p.has_committee)""")
                .paramSource(new MapSqlParameterSource(where.params().getValues())
                        .addValue("minFull", BranchRules.MIN_FULL_MEMBERS).addValue("max", BranchRules.MAX_MEMBERS)
                        .addValue("committeeFrom", BranchRules.COMMITTEE_FROM))
                .query((rs, n) -> new BranchRules.Branch(rs.getString("code"), rs.getString("name"),
                        rs.getString("organ_code"), rs.getString("organ_name"), rs.getLong("members"),
                        rs.getLong("full_members"), rs.getBoolean("has_committee")))
                .list().stream().flatMap(b -> BranchRules.check(b).stream()).toList();
    }

    private List<Finding> terms(DataScope scope, LocalDate today) {
        // Only organisations whose term could end within the warning window are read; the exact end is computed here.
        LocalDate latestStart = today.plusDays(BranchRules.TERM_WARNING_DAYS).minusYears(SHORTEST_TERM_YEARS);
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"))
                .and("p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND p.dissolved_on IS NULL AND p.term_years > 0")
                .and("COALESCE(p.last_election_on, p.founded_on) <= :latestStart", Map.of("latestStart", latestStart));
        return jdbc.sql("""
                        SELECT p.code, p.name, o.code AS organ_code, o.name AS organ_name, p.term_years,
                               COALESCE(p.last_election_on, p.founded_on) AS term_start
                        FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id""" + where.sql())
                .paramSource(where.params())
                .query((rs, n) -> new BranchRules.Term(rs.getString("code"), rs.getString("name"),
                        rs.getString("organ_code"), rs.getString("organ_name"),
                        rs.getObject("term_start", LocalDate.class).plusYears(rs.getInt("term_years"))))
                .list().stream().flatMap(t -> BranchRules.check(t, today).stream()).toList();
    }

    private List<Finding> cadres(DataScope scope) {
        SqlWhere where = new SqlWhere().and(scope.organs("o.id"))
                .and("o.staff_count > 0 AND COALESCE(k.cadres, 0) * 100 < o.staff_count");
        return jdbc.sql("""
                        SELECT o.code, o.name, o.staff_count, COALESCE(k.cadres, 0) AS cadres
                        FROM organ o
                        LEFT JOIN (SELECT organ_id, COUNT(*) AS cadres FROM member
                                   WHERE party_affairs_role IS NOT NULL GROUP BY organ_id) k ON k.organ_id = o.id""" + where.sql())
                .paramSource(where.params())
                .query((rs, n) -> new Finding(FindingRule.CADRES_UNDER_ONE_PERCENT, "organ", rs.getString("code"),
                        rs.getString("name"), rs.getString("code"), rs.getString("name"),
                        "党务干部 " + rs.getLong("cadres") + " 人 / 职工 " + rs.getInt("staff_count") + " 人",
                        "≥ " + (int) Math.ceil(rs.getInt("staff_count") / 100.0) + " 人"))
                .list();
    }

    private List<Finding> expiredTemporaryBranches(DataScope scope, LocalDate today) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"))
                .and("p.kind = 'TEMPORARY_BRANCH' AND p.dissolved_on IS NULL AND p.ends_on < :today",
                        Map.of("today", today));
        return jdbc.sql("SELECT p.code, p.name, o.code AS organ_code, o.name AS organ_name, p.ends_on "
                        + "FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id" + where.sql())
                .paramSource(where.params())
                .query((rs, n) -> new Finding(FindingRule.TEMPORARY_BRANCH_EXPIRED, "party-org", rs.getString("code"),
                        rs.getString("name"), rs.getString("organ_code"), rs.getString("organ_name"),
                        "期限 " + rs.getObject("ends_on", LocalDate.class) + "，已超 "
                                + ChronoUnit.DAYS.between(rs.getObject("ends_on", LocalDate.class), today) + " 天",
                        "到期撤销"))
                .list();
    }
}
