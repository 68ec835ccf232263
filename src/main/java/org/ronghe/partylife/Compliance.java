package org.ronghe.partylife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compliance of one party organisation in one calendar year, computed from its meetings: for each rule that
 * applies to it and each period of the rule, whether the meeting was held (with quorum and the 第一议题
 * study), held without quorum, held without the first item, missing (the period ended without one), open
 * (the period is still running and nothing held yet) or not due (the period lies ahead, or outside the
 * organisation's life). Plain Java.
 */
public final class Compliance {

    private Compliance() {
    }

    public enum Status {
        HELD("按要求召开"), NO_FIRST_ITEM("未学习第一议题"), NO_QUORUM("未达法定人数"), MISSING("未召开"), OPEN("进行中"),
        NOT_DUE("未到期");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Held, well or not, or missed: the period counts among those due. */
        public boolean due() {
            return this == HELD || this == NO_FIRST_ITEM || this == NO_QUORUM || this == MISSING;
        }

        /** Held with quorum: what the compliance rate counts. */
        public boolean quorate() {
            return this == HELD || this == NO_FIRST_ITEM;
        }
    }

    /** A party organisation as compliance needs it; {@code from}/{@code until} bound its life (either may be open). */
    public record Org(long id, String code, String name, String kind, boolean hasCommittee, LocalDate from, LocalDate until,
                      String organCode) {
    }

    /**
     * A frequency rule: meetings of this kind are due once per period of the cadence, for organisations of this kind;
     * with {@code secretaryYearly}, one of them a year is also due from the organisation's secretary (书记讲党课).
     */
    public record Rule(String orgKind, MeetingKind kind, Cadence cadence, boolean active, boolean secretaryYearly) {

        public Rule(String orgKind, MeetingKind kind, Cadence cadence, boolean active) {
            this(orgKind, kind, cadence, active, false);
        }

        public boolean appliesTo(Org org) {
            return active && orgKind.equals(org.kind()) && (kind != MeetingKind.COMMITTEE_MEETING || org.hasCommittee());
        }
    }

    public record Cell(String period, LocalDate start, LocalDate end, Status status, String statusLabel, int meetings) {
    }

    /** @param key the kind, or the kind with {@code _BY_SECRETARY} for the secretary's yearly line */
    public record Line(MeetingKind kind, String kindLabel, Cadence cadence, String cadenceLabel, List<Cell> cells, String key) {
    }

    /** Counts of periods by status; {@code rate} is the share of due periods held with quorum, or null when none is due. */
    public record Tally(int due, int held, int noFirstItem, int noQuorum, int missing, int open) {

        public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

        public Double rate() {
            return due == 0 ? null : (double) (held + noFirstItem) / due;
        }

        public Tally plus(Tally o) {
            return new Tally(due + o.due, held + o.held, noFirstItem + o.noFirstItem, noQuorum + o.noQuorum, missing + o.missing,
                    open + o.open);
        }

        static Tally of(List<Line> lines) {
            int due = 0, held = 0, noFirst = 0, noQuorum = 0, missing = 0, open = 0;
            for (Line line : lines) {
                for (Cell c : line.cells()) {
                    due += c.status().due() ? 1 : 0;
                    held += c.status() == Status.HELD ? 1 : 0;
                    noFirst += c.status() == Status.NO_FIRST_ITEM ? 1 : 0;
                    noQuorum += c.status() == Status.NO_QUORUM ? 1 : 0;
                    missing += c.status() == Status.MISSING ? 1 : 0;
                    open += c.status() == Status.OPEN ? 1 : 0;
                }
            }
            return new Tally(due, held, noFirst, noQuorum, missing, open);
        }
    }

    /** @param meetings the organisation's meetings of the year (others are ignored) */
    public static List<Line> lines(Org org, List<Rule> rules, List<Meetings.Held> meetings, int year, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.appliesTo(org)) {
                continue;
            }
            List<Meetings.Held> ofKind = meetings.stream().filter(m -> m.partyOrgId() == org.id() && m.kind() == rule.kind()).toList();
            lines.add(new Line(rule.kind(), rule.kind().label(), rule.cadence(), rule.cadence().label(),
                    cells(org, rule.cadence(), ofKind, year, today), rule.kind().name()));
            if (rule.secretaryYearly()) {
                List<Meetings.Held> bySecretary = ofKind.stream().filter(Meetings.Held::bySecretary).toList();
                lines.add(new Line(rule.kind(), "书记讲" + rule.kind().label(), Cadence.YEARLY, Cadence.YEARLY.label(),
                        cells(org, Cadence.YEARLY, bySecretary, year, today), rule.kind().name() + "_BY_SECRETARY"));
            }
        }
        return lines;
    }

    private static List<Cell> cells(Org org, Cadence cadence, List<Meetings.Held> meetings, int year, LocalDate today) {
        List<Cell> cells = new ArrayList<>();
        for (Cadence.Period period : cadence.periods(year)) {
            List<Meetings.Held> in = meetings.stream().filter(m -> period.holds(m.heldOn())).toList();
            Status status = status(org, period, in, today);
            cells.add(new Cell(period.code(), period.start(), period.end(), status, status.label(), in.size()));
        }
        return cells;
    }

    public static Tally tally(List<Line> lines) {
        return Tally.of(lines);
    }

    static Status status(Org org, Cadence.Period period, List<Meetings.Held> in, LocalDate today) {
        boolean alive = (org.from() == null || !period.end().isBefore(org.from()))
                && (org.until() == null || !period.start().isAfter(org.until()));
        if (!alive || period.start().isAfter(today)) {
            return Status.NOT_DUE;
        }
        if (in.stream().anyMatch(m -> m.quorate() && m.firstItemStudy())) {
            return Status.HELD;
        }
        if (in.stream().anyMatch(Meetings.Held::quorate)) {
            return Status.NO_FIRST_ITEM;
        }
        if (!in.isEmpty()) {
            return Status.NO_QUORUM;
        }
        return period.end().isBefore(today) ? Status.MISSING : Status.OPEN;
    }
}
