package org.ronghe.partylife.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.MeetingKind;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * An item of one of a letter's two lists: what is to be done, its owner (一岗双责: a leading cadre of the organ
 * carries party duties beside business ones), its due date and the measure its fulfilment is computed by. Revised
 * and withdrawn by events; a withdrawn item stays, marked, and takes no further step. Plain Java.
 */
public class DutyItem {

    public static final int TEXT_LENGTH = 1000;
    public static final int REASON_LENGTH = 500;
    public static final int MAX_ITEMS = 100;

    /** What an item says: validated against its letter's year by {@link #check}. */
    public record Terms(String text, long ownerId, LocalDate dueOn, Measure measure, MeetingKind meetingKind, Integer target) {
    }

    /** A record attached as fulfilment: a meeting ({@code decision} 0) or one of its decisions. */
    public record Attachment(long meetingId, int decision, Instant at, String actor) {
    }

    private Long id;
    private final int version;
    private final long letterId;
    private final int position;
    private final DutyList list;
    private Terms terms;
    private boolean withdrawn;
    private String withdrawnReason;
    private final List<Attachment> attached = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    public DutyItem(Long id, int version, long letterId, int position, DutyList list, Terms terms, boolean withdrawn,
                    String withdrawnReason) {
        this.id = id;
        this.version = version;
        this.letterId = letterId;
        this.position = position;
        this.list = list;
        this.terms = terms;
        this.withdrawn = withdrawn;
        this.withdrawnReason = withdrawnReason;
    }

    /** A new item at the next position of a letter that takes items. */
    public static DutyItem add(ResponsibilityLetter letter, int position, DutyList list, Terms terms, String actor, Instant now) {
        if (!letter.takesItems()) {
            throw new ConflictException("责任书当前状态不能增加责任事项", Map.of("state", letter.state().name()));
        }
        if (position > MAX_ITEMS) {
            throw new ConflictException("一份责任书的责任事项不能超过 " + MAX_ITEMS + " 项", Map.of());
        }
        if (list == null) {
            throw new IllegalArgumentException("请选择责任清单（list）");
        }
        DutyItem item = new DutyItem(null, 0, letter.id(), position, list, check(terms, letter.year()), false, null);
        item.events.add(new Event("ITEM_ADDED", now, actor, list.label() + "第 " + position + " 项：" + shorten(terms.text())));
        return item;
    }

    /** New terms for the item, while it is not withdrawn. */
    public void revise(ResponsibilityLetter letter, Terms revised, String actor, Instant now) {
        open(letter, "修改");
        terms = check(revised, letter.year());
        events.add(new Event("ITEM_REVISED", now, actor, "第 " + position + " 项修改：" + shorten(revised.text())));
    }

    /** Withdraws the item, for a reason; it stays on the letter, marked. */
    public void withdraw(ResponsibilityLetter letter, String reason, String actor, Instant now) {
        open(letter, "撤回");
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请填写撤回理由（reason）");
        }
        Texts.check("撤回理由", why, REASON_LENGTH);
        withdrawn = true;
        withdrawnReason = why;
        events.add(new Event("ITEM_WITHDRAWN", now, actor, "第 " + position + " 项撤回：" + why));
    }

    /** Attaches a meeting of the organ, or one of its decisions, as fulfilment. {@code already}: what is attached now. */
    public void attach(ResponsibilityLetter letter, long meetingId, int decision, boolean already, String actor, Instant now) {
        open(letter, "附记录");
        if (already) {
            throw new ConflictException("该记录已附于本项", Map.of("meeting", meetingId));
        }
        attached.add(new Attachment(meetingId, decision, now, actor));
        events.add(new Event("RECORD_ATTACHED", now, actor, "第 " + position + " 项附会议 " + meetingId
                + (decision > 0 ? " 决定事项 " + decision : "")));
    }

    private void open(ResponsibilityLetter letter, String step) {
        if (!letter.takesItems()) {
            throw new ConflictException("责任书当前状态不能" + step + "责任事项", Map.of("state", letter.state().name()));
        }
        if (withdrawn) {
            throw new ConflictException("第 " + position + " 项已撤回，不能" + step, Map.of("position", position));
        }
    }

    static Terms check(Terms t, int year) {
        String text = t.text() == null ? "" : t.text().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("请填写责任事项内容（text）");
        }
        Texts.check("责任事项内容", text, TEXT_LENGTH);
        if (t.dueOn() == null) {
            throw new IllegalArgumentException("请填写完成时限（dueOn）");
        }
        if (t.dueOn().getYear() < year || t.dueOn().getYear() > year + 1) {
            throw new IllegalArgumentException("完成时限应在 " + year + " 年 1 月 1 日至 " + (year + 1) + " 年 12 月 31 日之间");
        }
        Measure measure = t.measure() == null ? Measure.RECORDS : t.measure();
        if (measure == Measure.RECORDS) {
            if (t.target() != null || t.meetingKind() != null) {
                throw new IllegalArgumentException("不设衡量方式的事项以所附记录为准，不填写目标值（target）和会议类型（meetingKind）");
            }
        } else {
            if (t.target() == null || t.target() < 1 || t.target() > Measure.MAX_TARGET) {
                throw new IllegalArgumentException(measure.label() + "须填写目标值（target），1 至 " + Measure.MAX_TARGET
                        + (measure == Measure.COMPLIANCE ? "（百分比）" : ""));
            }
            if (measure == Measure.MEETINGS && t.meetingKind() == null) {
                throw new IllegalArgumentException("按召开会议次数衡量须选择会议类型（meetingKind）");
            }
            if (measure != Measure.MEETINGS && t.meetingKind() != null) {
                throw new IllegalArgumentException("只有按召开会议次数衡量时才填写会议类型（meetingKind）");
            }
        }
        return new Terms(text, t.ownerId(), t.dueOn(), measure, t.meetingKind(), t.target());
    }

    private static String shorten(String text) {
        String t = text == null ? "" : text.trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    public void assignIdentity(long id) {
        this.id = id;
    }

    public void written() {
        events.clear();
        attached.clear();
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public long letterId() {
        return letterId;
    }

    public int position() {
        return position;
    }

    public DutyList list() {
        return list;
    }

    public Terms terms() {
        return terms;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public String withdrawnReason() {
        return withdrawnReason;
    }

    public List<Attachment> attached() {
        return Collections.unmodifiableList(attached);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
