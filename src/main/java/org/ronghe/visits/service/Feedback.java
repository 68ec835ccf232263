package org.ronghe.visits.service;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.ronghe.platform.Xlsx;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The quarterly feedback sheet (基层评议反馈) an organ receives about its members' community service:
 * for every member, the check-in, the confirmed service in the quarter and the year, the items served,
 * the community's remarks and the findings against the thresholds. Computed from the records each time;
 * nobody types it. Read by the work committee (any organ, or all organs' totals) and an organ's secretary
 * (their own organ only).
 */
@Service
public class Feedback {

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final ServiceThresholds thresholds;
    private final Clock clock;

    Feedback(NamedParameterJdbcTemplate jdbc, Directory directory, ServiceThresholds thresholds, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public record Row(String memberCode, String memberName, CheckIn.State checkIn, String checkInLabel, String communityCode,
                      String communityName, Instant confirmedAt, int logs, BigDecimal hoursInQuarter, BigDecimal hoursYearToDate,
                      List<String> items, List<String> remarks, List<String> findings) {
    }

    public record Totals(int members, int checkedIn, int notCheckedIn, int logs, BigDecimal hoursInQuarter,
                         BigDecimal hoursYearToDate, int withFindings) {
    }

    public record OrganTotals(String organCode, String organName, Totals totals) {
    }

    /** One organ's sheet, or (organ null) every organ's totals. */
    public record Sheet(String organCode, String organName, String quarter, String quarterLabel, Thresholds thresholds,
                        Totals totals, List<Row> rows, List<OrganTotals> organs) {
    }

    /** The sheet the reader asked for: an organ's, or every organ's totals when the committee names none. */
    public Sheet sheet(CurrentUser user, String organCode, String quarterText) {
        Quarter quarter = quarterText == null || quarterText.isBlank() ? Quarter.of(LocalDate.now(clock)) : Quarter.parse(quarterText);
        String code = organCode == null || organCode.isBlank() ? null : organCode.trim();
        if (user.role() == Role.ORGAN_SECRETARY) {
            if (code == null) {
                code = user.scopeCode();
            } else if (directory.organ(code).isPresent() && !code.equals(user.scopeCode())) {
                throw new OutOfScopeException("机关单位", code);
            }
        } else if (!user.role().seesWholeTree()) {
            throw new AccessDeniedException("只有区直机关工委和本单位党组书记可以查看服务反馈表");
        }
        Thresholds t = thresholds.current();
        if (code == null) {
            Map<Long, List<Row>> byOrgan = compute(null, quarter, t);
            List<OrganTotals> organs = new ArrayList<>();
            List<Row> all = new ArrayList<>();
            for (Directory.OrganRef organ : directory.organs()) {
                List<Row> rows = byOrgan.getOrDefault(organ.id(), List.of());
                all.addAll(rows);
                organs.add(new OrganTotals(organ.code(), organ.name(), totals(rows)));
            }
            return new Sheet(null, null, quarter.toString(), quarter.label(), t, totals(all), List.of(), organs);
        }
        String wanted = code;
        Directory.OrganRef organ = directory.organ(wanted).orElseThrow(() -> new NotFoundException("机关单位", wanted));
        List<Row> rows = compute(organ.id(), quarter, t).getOrDefault(organ.id(), List.of());
        return new Sheet(organ.code(), organ.name(), quarter.toString(), quarter.label(), t, totals(rows), rows, List.of());
    }

    /** The sheet as a workbook: the totals first, then one line per member (or per organ). */
    public void xlsx(Sheet sheet, OutputStream out) {
        if (sheet.organCode() == null) {
            Xlsx.write(out, sheet.quarter(), List.of("机关单位编码", "机关单位", "党员人数", "已报到", "未报到", "本季度服务次数",
                    "本季度服务时长", "本年累计时长", "有问题提示人数"), sink -> {
                sink.accept(totalsLine("合计", "", sheet.totals()));
                sheet.organs().forEach(o -> sink.accept(totalsLine(o.organCode(), o.organName(), o.totals())));
            });
            return;
        }
        Totals t = sheet.totals();
        Xlsx.write(out, sheet.quarter(), List.of("党员编码", "姓名", "报到状态", "报到社区", "确认报到时间", "本季度服务次数",
                "本季度服务时长", "本年累计时长", "服务项目", "社区评语", "问题提示"), sink -> {
            sink.accept(List.of("合计", sheet.organName() + " " + sheet.quarterLabel(), "已报到 " + t.checkedIn() + " / " + t.members(),
                    "未报到 " + t.notCheckedIn(), "", t.logs(), t.hoursInQuarter(), t.hoursYearToDate(), "", "",
                    "有问题提示 " + t.withFindings() + " 人"));
            for (Row r : sheet.rows()) {
                List<Object> line = new ArrayList<>();
                line.add(r.memberCode());
                line.add(r.memberName());
                line.add(r.checkInLabel());
                line.add(r.communityName() == null ? "" : r.communityName());
                line.add(r.confirmedAt() == null ? "" : r.confirmedAt().atZone(clock.getZone()).toLocalDateTime().toString().replace('T', ' '));
                line.add(r.logs());
                line.add(r.hoursInQuarter());
                line.add(r.hoursYearToDate());
                line.add(String.join("；", r.items()));
                line.add(String.join("；", r.remarks()));
                line.add(String.join("；", r.findings()));
                sink.accept(line);
            }
        });
    }

    private static List<Object> totalsLine(String code, String name, Totals t) {
        return List.of(code, name, t.members(), t.checkedIn(), t.notCheckedIn(), t.logs(), t.hoursInQuarter(),
                t.hoursYearToDate(), t.withFindings());
    }

    private static Totals totals(List<Row> rows) {
        int checkedIn = (int) rows.stream().filter(r -> r.checkIn() == CheckIn.State.CONFIRMED).count();
        return new Totals(rows.size(), checkedIn, rows.size() - checkedIn, rows.stream().mapToInt(Row::logs).sum(),
                rows.stream().map(Row::hoursInQuarter).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add),
                rows.stream().map(Row::hoursYearToDate).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add),
                (int) rows.stream().filter(r -> !r.findings().isEmpty()).count());
    }

    /** Four set-based queries over the organ's members (or every member), grouped by organ. */
    private Map<Long, List<Row>> compute(Long organId, Quarter quarter, Thresholds thresholds) {
        String members = organId == null ? "m.organ_id IS NOT NULL" : "m.organ_id = :organ";
        Instant quarterEnd = quarter.last().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        MapSqlParameterSource params = new MapSqlParameterSource("organ", organId).addValue("qs", quarter.first())
                .addValue("qe", quarter.last()).addValue("ys", quarter.yearStart());

        record CheckInSeen(CheckIn.State state, String communityCode, String communityName, Instant decidedAt) {
        }
        Map<Long, CheckInSeen> checkIns = new HashMap<>();
        jdbc.query("""
                SELECT ci.member_id, ci.state, c.code, c.name, ci.decided_at FROM service_checkin ci
                JOIN member m ON m.id = ci.member_id JOIN community c ON c.id = ci.community_id
                WHERE ci.active_member_id IS NOT NULL AND """ + " " + members, params, rs -> {
            checkIns.put(rs.getLong(1), new CheckInSeen(CheckIn.State.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                    ServiceEvents.instant(rs, "decided_at")));
        });
        record Served(int logs, BigDecimal quarterHours, BigDecimal yearHours) {
        }
        Map<Long, Served> served = new HashMap<>();
        jdbc.query("""
                SELECT l.member_id, SUM(CASE WHEN l.served_on >= :qs THEN 1 ELSE 0 END) AS q_logs,
                       SUM(CASE WHEN l.served_on >= :qs THEN l.hours ELSE 0 END) AS q_hours, SUM(l.hours) AS y_hours
                FROM service_log l JOIN member m ON m.id = l.member_id
                WHERE l.state = 'CONFIRMED' AND l.served_on >= :ys AND l.served_on <= :qe AND """ + " " + members
                + " GROUP BY l.member_id", params, rs -> {
            served.put(rs.getLong(1), new Served(rs.getInt(2), scaled(rs.getBigDecimal(3)), scaled(rs.getBigDecimal(4))));
        });
        Map<Long, LinkedHashSet<String>> items = new HashMap<>();
        Map<Long, List<String>> remarks = new HashMap<>();
        jdbc.query("""
                SELECT l.member_id, i.title, l.remark FROM service_log l JOIN member m ON m.id = l.member_id
                LEFT JOIN service_item i ON i.id = l.item_id
                WHERE l.state = 'CONFIRMED' AND l.served_on >= :qs AND l.served_on <= :qe AND """ + " " + members
                + " ORDER BY l.member_id, l.served_on, l.id", params, rs -> {
            long member = rs.getLong(1);
            if (rs.getString(2) != null) {
                items.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
            if (rs.getString(3) != null) {
                remarks.computeIfAbsent(member, k -> new ArrayList<>()).add(rs.getString(3));
            }
        });
        Map<Long, List<Row>> rows = new LinkedHashMap<>();
        Served none = new Served(0, BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(1));
        jdbc.query("SELECT m.id, m.code, m.name, m.organ_id FROM member m WHERE " + members + " ORDER BY m.code", params, rs -> {
            long id = rs.getLong(1);
            CheckInSeen checkIn = checkIns.get(id);
            // A check-in confirmed after the quarter did not count in it.
            boolean confirmed = checkIn != null && checkIn.state() == CheckIn.State.CONFIRMED
                    && checkIn.decidedAt() != null && checkIn.decidedAt().isBefore(quarterEnd);
            boolean reported = checkIn != null;
            CheckIn.State state = checkIn == null ? null : confirmed ? CheckIn.State.CONFIRMED : CheckIn.State.REPORTED;
            Served s = served.getOrDefault(id, none);
            rows.computeIfAbsent(rs.getLong(4), k -> new ArrayList<>()).add(new Row(rs.getString(2), rs.getString(3), state,
                    state == null ? "未报到" : state.label(), checkIn == null ? null : checkIn.communityCode(),
                    checkIn == null ? null : checkIn.communityName(), confirmed ? checkIn.decidedAt() : null, s.logs(),
                    s.quarterHours(), s.yearHours(), List.copyOf(items.getOrDefault(id, new LinkedHashSet<>())),
                    remarks.getOrDefault(id, List.of()),
                    thresholds.findings(reported, confirmed, s.logs(), s.yearHours(), quarter)));
        });
        return rows;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(1) : value.setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
