package org.ronghe.partylife.commitment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.Texts;

/**
 * A member's 三亮 card for a year: the duties (清单) and commitments (承诺) they publish; their identity (亮身份)
 * is the directory's. Published once per member and year, then revised (each revision a new version) and its
 * commitments withdrawn one by one; nothing is deleted. A card may be published or changed for the current year
 * or the next; a past year's card is closed. Plain Java: every step is given its instant and the current year and
 * registers its events.
 */
public class CommitmentCard {

    public static final int MAX_DUTIES = 20;
    public static final int DUTY_LENGTH = 200;
    public static final int MAX_COMMITMENTS = 20;
    public static final int REASON_LENGTH = 500;
    public static final int KEY_LENGTH = 100;
    static final String REVISION_REASON = "修订承诺卡时撤回";

    /** A commitment as sent: {@code id} names one already on the card (a revision keeps, changes or drops it). */
    public record Item(Long id, String text, Commitment.Target target) {
    }

    /** The card's content as sent. */
    public record Draft(List<String> duties, List<Item> items) {
    }

    /** What happened, to the card or ({@code subject}) one of its commitments. */
    public record Event(String type, Commitment subject, Instant at, String actor, String note) {
    }

    private Long id;
    private int version;
    private int dutiesVersion;
    private final long memberId;
    private final int year;
    private List<String> duties;
    private boolean dutiesChanged;
    private final List<Commitment> commitments;
    private final Instant publishedAt;
    private final String publishedBy;
    private Instant revisedAt;
    private String revisedBy;
    private final List<Event> events = new ArrayList<>();

    CommitmentCard(Long id, int version, int dutiesVersion, long memberId, int year, List<String> duties, List<Commitment> commitments,
                   Instant publishedAt, String publishedBy, Instant revisedAt, String revisedBy) {
        this.id = id;
        this.version = version;
        this.dutiesVersion = dutiesVersion;
        this.memberId = memberId;
        this.year = year;
        this.duties = List.copyOf(duties);
        this.commitments = new ArrayList<>(commitments);
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.revisedAt = revisedAt;
        this.revisedBy = revisedBy;
    }

    /** Publishes a member's card for {@code year}, which must be {@code thisYear} or the next. */
    public static CommitmentCard publish(long memberId, int year, Draft draft, String actor, Instant now, int thisYear) {
        if (year < thisYear || year > thisYear + 1) {
            throw new IllegalArgumentException("承诺卡年度应为今年（" + thisYear + "）或明年（" + (thisYear + 1) + "）");
        }
        List<String> duties = duties(draft);
        List<Item> items = items(draft);
        CommitmentCard card = new CommitmentCard(null, 0, 0, memberId, year, duties, List.of(), now, actor, null, null);
        for (Item item : items) {
            if (item.id() != null) {
                throw new IllegalArgumentException("新发布的承诺卡不能引用已有的承诺（id " + item.id() + "）");
            }
            Commitment c = Commitment.fresh(card.commitments.size() + 1, item.text(), item.target());
            card.commitments.add(c);
            card.events.add(new Event("COMMITMENT_ADDED", c, now, actor, describe(c)));
        }
        card.dutiesChanged = true;
        card.events.add(0, new Event("CARD_PUBLISHED", null, now, actor,
                year + " 年度：清单 " + duties.size() + " 项，承诺 " + items.size() + " 项"));
        return card;
    }

    /**
     * Revises the card to the draft: commitments named by id are kept (changed if their text or target differ),
     * those without an id are added, active ones not named are withdrawn. @return whether anything changed
     */
    public boolean revise(Draft draft, String actor, Instant now, int thisYear) {
        open(thisYear);
        List<String> newDuties = duties(draft);
        List<Item> items = items(draft);
        Map<Long, Commitment> byId = new LinkedHashMap<>();
        commitments.forEach(c -> byId.put(c.id(), c));
        Set<Long> named = new HashSet<>();
        List<Event> happened = new ArrayList<>();
        List<Commitment> added = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.id() == null) {
                Commitment c = Commitment.fresh(i + 1, item.text(), item.target());
                added.add(c);
                happened.add(new Event("COMMITMENT_ADDED", c, now, actor, describe(c)));
                continue;
            }
            Commitment c = byId.get(item.id());
            if (c == null) {
                throw new IllegalArgumentException("承诺不属于这张承诺卡：" + item.id());
            }
            if (!named.add(item.id())) {
                throw new IllegalArgumentException("同一承诺不能列出两次：" + item.id());
            }
            if (c.withdrawn()) {
                throw new ConflictException("承诺已撤回，不能再修改：" + item.id(), Map.of("commitment", item.id()));
            }
            String before = describe(c);
            if (c.revise(i + 1, item.text(), item.target())) {
                happened.add(new Event("COMMITMENT_REVISED", c, now, actor, before + " → " + describe(c)));
            }
        }
        for (Commitment c : commitments) {
            if (!c.withdrawn() && !named.contains(c.id())) {
                c.withdraw(REVISION_REASON, actor, now);
                happened.add(new Event("COMMITMENT_WITHDRAWN", c, now, actor, REVISION_REASON + "：" + Commitment.cut(c.text())));
            }
        }
        boolean dutiesDiffer = !newDuties.equals(duties);
        boolean moved = commitments.stream().anyMatch(Commitment::dirty);
        if (!dutiesDiffer && happened.isEmpty() && !moved) {
            return false;
        }
        commitments.addAll(added);
        version++;
        if (dutiesDiffer) {
            duties = newDuties;
            dutiesVersion = version;
            dutiesChanged = true;
        }
        revisedAt = now;
        revisedBy = actor;
        events.add(new Event("CARD_REVISED", null, now, actor, "第 " + version + " 版" + (dutiesDiffer ? "：清单 " + duties.size() + " 项" : "")));
        events.addAll(happened);
        return true;
    }

    /** Withdraws one active commitment, with the reason. */
    public Commitment withdraw(long commitmentId, String reason, String actor, Instant now, int thisYear) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请说明撤回承诺的理由（reason）");
        }
        Texts.check("撤回理由", why, REASON_LENGTH);
        Commitment c = commitments.stream().filter(x -> x.id() != null && x.id() == commitmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("承诺", String.valueOf(commitmentId)));
        if (c.withdrawn()) {
            throw new ConflictException("承诺已撤回", Map.of("commitment", commitmentId));
        }
        open(thisYear);
        c.withdraw(why, actor, now);
        version++;
        revisedAt = now;
        revisedBy = actor;
        events.add(new Event("COMMITMENT_WITHDRAWN", c, now, actor, why));
        return c;
    }

    private void open(int thisYear) {
        if (year < thisYear) {
            throw new ConflictException(year + " 年度已经结束，该年度的承诺卡不能再修改", Map.of("year", year));
        }
    }

    private static List<String> duties(Draft draft) {
        List<String> duties = new ArrayList<>();
        for (String duty : draft == null || draft.duties() == null ? List.<String>of() : draft.duties()) {
            if (duty != null && !duty.isBlank()) {
                duties.add(Texts.check("清单事项", duty.trim(), DUTY_LENGTH));
            }
        }
        if (duties.size() > MAX_DUTIES) {
            throw new IllegalArgumentException("清单不能超过 " + MAX_DUTIES + " 项");
        }
        return duties;
    }

    private static List<Item> items(Draft draft) {
        List<Item> items = new ArrayList<>();
        for (Item item : draft == null || draft.items() == null ? List.<Item>of() : draft.items()) {
            if (item == null) {
                continue;
            }
            String text = item.text() == null ? "" : item.text().trim();
            if (text.isEmpty()) {
                if (item.target() != null || item.id() != null) {
                    throw new IllegalArgumentException("请填写承诺内容（text）");
                }
                continue;
            }
            Texts.check("承诺内容", text, Commitment.TEXT_LENGTH);
            items.add(new Item(item.id(), text, target(item.target())));
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("请至少填写一项承诺（commitments）");
        }
        if (items.size() > MAX_COMMITMENTS) {
            throw new IllegalArgumentException("承诺不能超过 " + MAX_COMMITMENTS + " 项");
        }
        return items;
    }

    /** A target is a kind with a count from 1, or a decision; a count or decision without a kind is refused. */
    private static Commitment.Target target(Commitment.Target t) {
        if (t == null) {
            return null;
        }
        if (t.kind() == null) {
            if (t.count() != null || t.meetingId() != null || t.decision() != null) {
                throw new IllegalArgumentException("填写了目标数量或会议决定，但未选择目标类型（target）");
            }
            return null;
        }
        if (t.kind() == TargetKind.DECISION_DELIVERED) {
            if (t.meetingId() == null || t.decision() == null) {
                throw new IllegalArgumentException("“落实会议决定事项”须指明会议（meeting）和决定事项序号（decision）");
            }
            if (t.meetingId() < 1 || t.decision() < 1) {
                throw new IllegalArgumentException("会议编号和决定事项序号应为正整数");
            }
            if (t.count() != null && t.count() != 1) {
                throw new IllegalArgumentException("“落实会议决定事项”的目标只能是 1 项");
            }
            return new Commitment.Target(t.kind(), null, t.meetingId(), t.decision());
        }
        if (t.meetingId() != null || t.decision() != null) {
            throw new IllegalArgumentException("只有“落实会议决定事项”可以指明会议决定");
        }
        if (t.count() == null) {
            throw new IllegalArgumentException("请填写目标数量（count）：" + t.kind().label() + "多少" + t.kind().unit());
        }
        if (t.count() < 1 || t.count() > Commitment.MAX_COUNT) {
            throw new IllegalArgumentException("目标数量应在 1 至 " + Commitment.MAX_COUNT + " 之间");
        }
        return new Commitment.Target(t.kind(), t.count(), null, null);
    }

    private static String describe(Commitment c) {
        return Commitment.cut(c.text()) + (c.target() == null ? "（不可量化）" : "（" + c.target().describe() + "）");
    }

    void assignIdentity(long id) {
        this.id = id;
    }

    void written() {
        events.clear();
        dutiesChanged = false;
        commitments.forEach(Commitment::written);
    }

    boolean dutiesChanged() {
        return dutiesChanged;
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    int dutiesVersion() {
        return dutiesVersion;
    }

    public long memberId() {
        return memberId;
    }

    public int year() {
        return year;
    }

    public List<String> duties() {
        return duties;
    }

    public List<Commitment> commitments() {
        return Collections.unmodifiableList(commitments);
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant revisedAt() {
        return revisedAt;
    }

    public String revisedBy() {
        return revisedBy;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
