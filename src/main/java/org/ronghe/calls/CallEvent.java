package org.ronghe.calls;

import java.time.Instant;

/**
 * One step in a call's timeline, written in the same transaction as the change it records.
 *
 * @param organId the organ the step concerns, if any (the dispatched lead, the organ that checked in …)
 */
public record CallEvent(Type type, Instant at, String actor, CallState from, CallState to, Long organId, String note) {

    /** What happened, in the past tense. */
    public enum Type {
        RAISED("提出诉求"),
        DISPATCHED("派单"),
        REROUTED("改派"),
        ACCEPTED("签收"),
        RETURNED("退单"),
        REPLIED("办结答复"),
        RATED("评价"),
        CLOSED_UNRATED("逾期未评价自动关闭"),
        REOPENED("重办"),
        EXTENSION_REQUESTED("申请延期"),
        EXTENSION_APPROVED("同意延期"),
        EXTENSION_REFUSED("不同意延期"),
        WHISTLED("吹哨"),
        CHECKED_IN("吹哨报到"),
        CHECK_IN_MISSED("吹哨未按时报到"),
        ACCEPT_OVERDUE("超时未签收"),
        URGED("催办"),
        ESCALATED("督办"),
        ESCALATED_AGAIN("再次督办");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
