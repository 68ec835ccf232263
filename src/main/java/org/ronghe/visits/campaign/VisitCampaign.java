package org.ronghe.visits.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ronghe.platform.Texts;

/**
 * A visit campaign (访千家进万户): a period, the organs taking part (or, for a liaison campaign, the district
 * leaders with their streets) and a target of households per visitor. Open until it is closed; a closed
 * campaign takes no more visits.
 */
public final class VisitCampaign {

    public enum Kind {
        /** The members of the participating organs visit the households of the organs' paired communities. */
        PAIRING("结对走访"),
        /** The district leaders visit the households of the streets they liaise with. */
        LIAISON("领导挂点走访");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum State { OPEN, CLOSED }

    public record Event(String type, Instant at, String actor) {
    }

    static final int MAX_TARGET = 500;

    private Long id;
    private final String name;
    private final Kind kind;
    // a campaign of the platform's own era: a date like 1970-01-01 or 9999-12-31 is a slip, not a plan
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final int targetPerVisitor;
    private final boolean revisits;
    private final Set<Long> organs;
    private State state;
    private final List<Event> events = new ArrayList<>();

    private VisitCampaign(Long id, String name, Kind kind, LocalDate startsOn, LocalDate endsOn, int targetPerVisitor, boolean revisits,
                          Set<Long> organs, State state) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.targetPerVisitor = targetPerVisitor;
        this.revisits = revisits;
        this.organs = Set.copyOf(organs);
        this.state = state;
    }

    public static VisitCampaign open(String name, Kind kind, LocalDate startsOn, LocalDate endsOn, int targetPerVisitor, boolean revisits,
                                     Set<Long> organs, String actor, Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请填写走访活动名称");
        }
        Texts.check("活动名称", name.trim(), 100);
        if (kind == null) {
            throw new IllegalArgumentException("请选择走访类型：结对走访或领导挂点走访");
        }
        if (startsOn == null || endsOn == null) {
            throw new IllegalArgumentException("请填写活动的开始和结束日期");
        }
        if (startsOn.isBefore(EARLIEST) || endsOn.isAfter(LATEST)) {
            throw new IllegalArgumentException("活动日期应在 " + EARLIEST + " 至 " + LATEST + " 之间");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("结束日期不能早于开始日期");
        }
        if (targetPerVisitor < 1 || targetPerVisitor > MAX_TARGET) {
            throw new IllegalArgumentException("每人走访户数须在 1 至 " + MAX_TARGET + " 之间");
        }
        if (kind == Kind.PAIRING && organs.isEmpty()) {
            throw new IllegalArgumentException("请选择参加走访的机关单位");
        }
        VisitCampaign campaign = new VisitCampaign(null, name.trim(), kind, startsOn, endsOn, targetPerVisitor, revisits,
                kind == Kind.PAIRING ? organs : Set.of(), State.OPEN);
        campaign.events.add(new Event("OPENED", now, actor));
        return campaign;
    }

    public static VisitCampaign restore(long id, String name, Kind kind, LocalDate startsOn, LocalDate endsOn, int targetPerVisitor,
                                        boolean revisits, Set<Long> organs, State state) {
        return new VisitCampaign(id, name, kind, startsOn, endsOn, targetPerVisitor, revisits, organs, state);
    }

    public void close(String actor, Instant now) {
        if (state != State.OPEN) {
            throw new IllegalStateException("走访活动已结束");
        }
        state = State.CLOSED;
        events.add(new Event("CLOSED", now, actor));
    }

    /** Whether a visit on this day may count towards the campaign. */
    public boolean takesVisitOn(LocalDate day) {
        return state == State.OPEN && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    void identify(long id) {
        this.id = id;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public Kind kind() { return kind; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public int targetPerVisitor() { return targetPerVisitor; }
    public boolean revisits() { return revisits; }
    public Set<Long> organs() { return organs; }
    public State state() { return state; }
    public List<Event> events() { return events; }
}
