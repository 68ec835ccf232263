package org.ronghe.partylife.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ronghe.directory.DataScope;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes each duty item's fulfilment from the records, never from anything typed: the meetings of the kind held
 * by the organ's party organisations, the decisions of its meetings delivered, its meeting compliance (the
 * compliance page's own computation), or the records attached — from the first day of the letter's year to the
 * item's due date. Fulfilled, or else overdue after the due date, or else open. Four queries for any set of letters
 * (and three per year for compliance), whatever their number: the letter page, the lists and the figures all come
 * from here.
 */
@Component
public class DutyFulfilment {

    /** A record behind an item: a meeting, a decision of one, or the compliance page; {@code attached} by hand. */
    public record RecordLink(String kind, String label, LocalDate on, String href, boolean attached) {
    }

    /** An item with its computed status and the records that fulfil it. */
    public record ItemView(long id, long letterId, String organCode, int year, int position, DutyList list, String listLabel,
                           String text, String ownerCode, String ownerName, LocalDate dueOn, Measure measure, String measureLabel,
                           MeetingKind meetingKind, Integer target, String goal, Double achieved, ItemStatus status,
                           String statusLabel, List<RecordLink> records, String withdrawnReason) {
    }

    /** A letter's items not withdrawn, and how many are fulfilled and overdue. */
    public record Summary(int items, int fulfilled, int overdue) {

        static final Summary NONE = new Summary(0, 0, 0);
    }

    private static final PartyLifeScope EVERY_ORG = new PartyLifeScope(DataScope.everything(false), Set.of());

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplianceBook book;

    DutyFulfilment(NamedParameterJdbcTemplate jdbc, ComplianceBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    private static final String FROM = " " + """
             FROM duty_item i JOIN responsibility_letter l ON l.id = i.letter_id JOIN organ o ON o.id = l.organ_id""";
    private static final String OF_ORGAN = " " + """
             JOIN party_org p ON p.organ_id = l.organ_id
             JOIN meeting g ON g.party_org_id = p.id AND g.held_on >= l.starts_on AND g.held_on <= i.due_on""";

    /** The items of the letters in scope the filter selects (of the letters named, if any), in the letters' order. */
    public List<ItemView> items(ResponsibilityScope scope, Letters.Filter filter, Collection<Long> letters) {
        SqlWhere where = where(scope, filter, letters);
        record Item(long id, long letterId, String organCode, int year, int position, DutyList list, String text, String ownerCode,
                    String ownerName, LocalDate dueOn, Measure measure, MeetingKind kind, Integer target, boolean withdrawn, String reason) {
        }
        List<Item> items = jdbc.query("""
                        SELECT i.id, i.letter_id, o.code AS organ_code, l.letter_year, i.position, i.list_kind, i.text, m.code AS owner_code,
                               m.name AS owner_name, i.due_on, i.measure, i.meeting_kind, i.target, i.withdrawn, i.withdrawn_reason"""
                        + FROM + " JOIN member m ON m.id = i.owner_id" + where.sql()
                        + " ORDER BY l.letter_year DESC, o.code, i.letter_id, i.list_kind DESC, i.position", where.params(),
                (rs, n) -> {
                    String kind = rs.getString("meeting_kind");
                    return new Item(rs.getLong("id"), rs.getLong("letter_id"), rs.getString("organ_code"), rs.getInt("letter_year"),
                            rs.getInt("position"), DutyList.valueOf(rs.getString("list_kind")), rs.getString("text"),
                            rs.getString("owner_code"), rs.getString("owner_name"), rs.getObject("due_on", LocalDate.class),
                            Measure.valueOf(rs.getString("measure")), kind == null ? null : MeetingKind.valueOf(kind),
                            (Integer) rs.getObject("target", Integer.class), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"));
                });
        if (items.isEmpty()) {
            return List.of();
        }
        Map<Long, List<RecordLink>> computed = new HashMap<>();
        Map<Long, List<RecordLink>> attached = new HashMap<>();
        SqlWhere meetings = where(scope, filter, letters).and("i.measure = 'MEETINGS' AND i.withdrawn = FALSE AND g.kind = i.meeting_kind");
        jdbc.query("SELECT i.id AS item_id, g.id AS meeting_id, p.name AS org_name, g.kind, g.held_on" + FROM + OF_ORGAN + meetings.sql()
                + " ORDER BY g.held_on, g.id", meetings.params(), rs -> {
            LocalDate on = rs.getObject("held_on", LocalDate.class);
            computed.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(new RecordLink("MEETING",
                    rs.getString("org_name") + MeetingKind.valueOf(rs.getString("kind")).label(), on,
                    "/meetings/" + rs.getLong("meeting_id"), false));
        });
        SqlWhere decisions = where(scope, filter, letters).and("i.measure = 'DECISIONS' AND i.withdrawn = FALSE");
        jdbc.query("SELECT i.id AS item_id, g.id AS meeting_id, d.position, d.text, g.held_on" + FROM + OF_ORGAN
                + " JOIN meeting_decision d ON d.meeting_id = g.id AND d.delivered = TRUE" + decisions.sql()
                + " ORDER BY g.held_on, g.id, d.position", decisions.params(), rs -> {
            computed.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(new RecordLink("DECISION",
                    "已落实：" + rs.getString("text"), rs.getObject("held_on", LocalDate.class), "/meetings/" + rs.getLong("meeting_id"), false));
        });
        SqlWhere records = where(scope, filter, letters);
        jdbc.query("""
                SELECT r.item_id, r.meeting_id, r.decision_position, g.kind, g.held_on, p.name AS org_name, d.text
                FROM duty_item_record r JOIN duty_item i ON i.id = r.item_id JOIN responsibility_letter l ON l.id = i.letter_id
                JOIN organ o ON o.id = l.organ_id JOIN meeting g ON g.id = r.meeting_id JOIN party_org p ON p.id = g.party_org_id
                LEFT JOIN meeting_decision d ON d.meeting_id = r.meeting_id AND d.position = r.decision_position"""
                + records.sql() + " ORDER BY r.attached_at, r.meeting_id", records.params(), rs -> {
            String label = rs.getInt("decision_position") > 0 ? "决定事项：" + rs.getString("text")
                    : rs.getString("org_name") + MeetingKind.valueOf(rs.getString("kind")).label();
            attached.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>()).add(new RecordLink(
                    rs.getInt("decision_position") > 0 ? "DECISION" : "MEETING", label, rs.getObject("held_on", LocalDate.class),
                    "/meetings/" + rs.getLong("meeting_id"), true));
        });
        Map<Integer, Map<String, Double>> rates = complianceRates(items.stream().filter(i -> i.measure() == Measure.COMPLIANCE
                && !i.withdrawn()).map(i -> Map.entry(i.year(), i.organCode())).toList());
        LocalDate today = book.today();
        List<ItemView> views = new ArrayList<>(items.size());
        for (Item i : items) {
            List<RecordLink> links = new ArrayList<>(computed.getOrDefault(i.id(), List.of()));
            List<RecordLink> byHand = attached.getOrDefault(i.id(), List.of());
            Double achieved;
            boolean fulfilled;
            String goal;
            switch (i.measure()) {
                case MEETINGS -> {
                    achieved = (double) links.size();
                    fulfilled = links.size() >= i.target();
                    goal = "召开" + i.kind().label() + "不少于 " + i.target() + " 次";
                }
                case DECISIONS -> {
                    achieved = (double) links.size();
                    fulfilled = links.size() >= i.target();
                    goal = "会议决定事项落实不少于 " + i.target() + " 项";
                }
                case COMPLIANCE -> {
                    Double rate = rates.getOrDefault(i.year(), Map.of()).get(i.organCode());
                    achieved = rate == null ? null : Math.round(rate * 1000) / 10.0;
                    fulfilled = rate != null && rate * 100 >= i.target();
                    goal = "组织生活合规率不低于 " + i.target() + "%";
                    links.add(new RecordLink("COMPLIANCE", "组织生活合规率 " + (achieved == null ? "—" : achieved + "%"), null,
                            "/compliance?organ=" + i.organCode() + "&year=" + i.year(), false));
                }
                default -> {
                    achieved = (double) byHand.size();
                    fulfilled = !byHand.isEmpty();
                    goal = "附工作记录";
                }
            }
            links.addAll(byHand);
            ItemStatus status = i.withdrawn() ? ItemStatus.WITHDRAWN : fulfilled ? ItemStatus.FULFILLED
                    : today.isAfter(i.dueOn()) ? ItemStatus.OVERDUE : ItemStatus.OPEN;
            views.add(new ItemView(i.id(), i.letterId(), i.organCode(), i.year(), i.position(), i.list(), i.list().label(), i.text(),
                    i.ownerCode(), i.ownerName(), i.dueOn(), i.measure(), i.measure().label(), i.kind(), i.target(), goal, achieved,
                    status, status.label(), List.copyOf(links), i.reason()));
        }
        return views;
    }

    /** Per letter: its items not withdrawn, fulfilled and overdue. */
    public static Map<Long, Summary> summaries(List<ItemView> items) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (ItemView i : items) {
            if (i.status() == ItemStatus.WITHDRAWN) {
                continue;
            }
            int[] c = counts.computeIfAbsent(i.letterId(), k -> new int[3]);
            c[0]++;
            c[1] += i.status() == ItemStatus.FULFILLED ? 1 : 0;
            c[2] += i.status() == ItemStatus.OVERDUE ? 1 : 0;
        }
        Map<Long, Summary> summaries = new HashMap<>();
        counts.forEach((letter, c) -> summaries.put(letter, new Summary(c[0], c[1], c[2])));
        return summaries;
    }

    /** Each organ's compliance rate per year: one organ's roll-up, or the whole district's grouped by organ. */
    private Map<Integer, Map<String, Double>> complianceRates(List<Map.Entry<Integer, String>> organYears) {
        Map<Integer, Set<String>> byYear = new HashMap<>();
        organYears.forEach(e -> byYear.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
        Map<Integer, Map<String, Double>> rates = new HashMap<>();
        byYear.forEach((year, organs) -> {
            Map<String, Double> rate = new HashMap<>();
            if (organs.size() == 1) {
                String organ = organs.iterator().next();
                Double r = book.rollup(EVERY_ORG, organ, year).rate();
                if (r != null) {
                    rate.put(organ, r);
                }
            } else {
                Map<String, org.ronghe.partylife.Compliance.Tally> tallies = new HashMap<>();
                for (ComplianceBook.OrgSummary s : book.rollup(EVERY_ORG, null, year).orgs()) {
                    if (s.organCode() != null && organs.contains(s.organCode())) {
                        tallies.merge(s.organCode(), s.tally(), org.ronghe.partylife.Compliance.Tally::plus);
                    }
                }
                tallies.forEach((organ, t) -> {
                    if (t.rate() != null) {
                        rate.put(organ, t.rate());
                    }
                });
            }
            rates.put(year, rate);
        });
        return rates;
    }

    /** @param letters the letters to read, or {@code null} for every letter the filter selects */
    private static SqlWhere where(ResponsibilityScope scope, Letters.Filter filter, Collection<Long> letters) {
        SqlWhere where = Letters.where(scope, filter);
        if (letters != null) {
            where.and(letters.isEmpty() ? "1 = 0" : "l.id IN (:f_letters)", Map.of("f_letters", letters.isEmpty() ? List.of(0L) : letters));
        }
        return where;
    }
}
