package org.ronghe.emergency;

import java.time.Instant;
import java.util.Map;

import org.ronghe.platform.ConflictException;

/**
 * A temporary party branch (临时党支部) at a site of an emergency: requested, approved by the level above (the
 * parent organisation's secretary, or the committee), dissolved at stand-down. Under the 支部工作条例 it recruits
 * nobody, collects no dues and holds no elections: those operations are refused in every state.
 */
public class TemporaryBranch {

    public enum State {
        REQUESTED, APPROVED, DISSOLVED
    }

    private final Long id;
    private final long emergencyId;
    private final String name;
    private State state;
    private String approvedBy;
    private Instant approvedAt;
    private Instant dissolvedAt;

    public TemporaryBranch(Long id, long emergencyId, String name, State state, String approvedBy, Instant approvedAt, Instant dissolvedAt) {
        this.id = id;
        this.emergencyId = emergencyId;
        this.name = name;
        this.state = state;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.dissolvedAt = dissolvedAt;
    }

    public void approve(String actor, Instant now) {
        if (state != State.REQUESTED) {
            throw new ConflictException("临时党支部「" + name + "」" + (state == State.APPROVED ? "已经批准" : "已撤销") + "，不能再批准",
                    Map.of("state", state.name()));
        }
        state = State.APPROVED;
        approvedBy = actor;
        approvedAt = now;
    }

    /** At stand-down: an approved branch dissolves, a request never approved lapses; the record stays. */
    public void dissolve(Instant now) {
        if (state == State.DISSOLVED) {
            throw new ConflictException("临时党支部「" + name + "」已撤销", Map.of("state", state.name()));
        }
        state = State.DISSOLVED;
        dissolvedAt = now;
    }

    /** 发展党员: never in a temporary branch. */
    public void recruit() {
        throw new ConflictException("临时党支部不发展党员：「" + name + "」的党员发展工作由其原党组织负责", Map.of("operation", "recruit"));
    }

    /** 收缴党费: never in a temporary branch. */
    public void collectDues() {
        throw new ConflictException("临时党支部不收缴党费：「" + name + "」的党员在原党组织交纳党费", Map.of("operation", "collectDues"));
    }

    /** 换届选举: never in a temporary branch; its secretary is appointed by the approving organisation. */
    public void elect() {
        throw new ConflictException("临时党支部不进行换届选举：「" + name + "」的书记由批准组建的党组织指定", Map.of("operation", "elect"));
    }

    public Long id() {
        return id;
    }

    public long emergencyId() {
        return emergencyId;
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant dissolvedAt() {
        return dissolvedAt;
    }
}
