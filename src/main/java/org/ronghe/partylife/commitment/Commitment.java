package org.ronghe.partylife.commitment;

import java.time.Instant;
import java.util.Objects;

/**
 * One commitment (承诺) of a card: its text, and the measurable target it may name — a count of a
 * {@link TargetKind}, or for {@link TargetKind#DECISION_DELIVERED} the meeting decision to deliver. Without a
 * target it is 不可量化 and never fulfilled. Withdrawn, it stays on the card, marked so. Part of
 * {@link CommitmentCard}, which guards every change.
 */
public class Commitment {

    public static final int TEXT_LENGTH = 500;
    public static final int MAX_COUNT = 1000;

    /** The target as promised: a kind and a count, or the decision (meeting id, decision number from 1). */
    public record Target(TargetKind kind, Integer count, Long meetingId, Integer decision) {

        /** How many of the kind make it fulfilled: one decision, or the count. */
        public int required() {
            return kind == TargetKind.DECISION_DELIVERED ? 1 : count;
        }

        public String describe() {
            return kind == TargetKind.DECISION_DELIVERED
                    ? kind.label() + "（会议 " + meetingId + " 第 " + decision + " 项）"
                    : kind.label() + " " + count + " " + kind.unit();
        }
    }

    private Long id;
    private int position;
    private String text;
    private Target target;
    private boolean withdrawn;
    private Instant withdrawnAt;
    private String withdrawnBy;
    private String withdrawnReason;
    /** Whether anything changed since it was read (or it is new): the store writes only those. */
    private boolean dirty;

    Commitment(Long id, int position, String text, Target target, boolean withdrawn, Instant withdrawnAt, String withdrawnBy,
               String withdrawnReason) {
        this.id = id;
        this.position = position;
        this.text = text;
        this.target = target;
        this.withdrawn = withdrawn;
        this.withdrawnAt = withdrawnAt;
        this.withdrawnBy = withdrawnBy;
        this.withdrawnReason = withdrawnReason;
    }

    static Commitment fresh(int position, String text, Target target) {
        Commitment c = new Commitment(null, position, text, target, false, null, null, null);
        c.dirty = true;
        return c;
    }

    /** @return whether the text or target changed */
    boolean revise(int position, String text, Target target) {
        boolean changed = !this.text.equals(text) || !Objects.equals(this.target, target);
        if (changed || this.position != position) {
            dirty = true;
        }
        this.position = position;
        this.text = text;
        this.target = target;
        return changed;
    }

    void withdraw(String reason, String actor, Instant now) {
        withdrawn = true;
        withdrawnAt = now;
        withdrawnBy = actor;
        withdrawnReason = reason;
        dirty = true;
    }

    static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    void assignIdentity(long id) {
        this.id = id;
    }

    void written() {
        dirty = false;
    }

    boolean dirty() {
        return dirty;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String text() {
        return text;
    }

    public Target target() {
        return target;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public String withdrawnReason() {
        return withdrawnReason;
    }
}
