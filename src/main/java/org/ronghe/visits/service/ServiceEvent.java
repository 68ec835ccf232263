package org.ronghe.visits.service;

import java.time.Instant;

/**
 * One step in the life of a check-in, a service item or a service log, written in the same transaction
 * as the change it records.
 */
public record ServiceEvent(Type type, String from, String to, Instant at, String actor, String note) {

    /** What happened, in the past tense. */
    public enum Type {
        REPORTED("报到"),
        CHECK_IN_CONFIRMED("确认报到"),
        DECLINED("不予确认报到"),
        PUBLISHED("发布服务项目"),
        CLAIMED("认领"),
        DONE("完成"),
        WITHDRAWN("撤回"),
        LOGGED("登记服务时长"),
        LOG_CONFIRMED("确认服务时长"),
        REJECTED("退回服务时长");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
