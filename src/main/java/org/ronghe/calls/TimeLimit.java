package org.ronghe.calls;

import java.time.Duration;
import java.time.Instant;

import org.ronghe.platform.WorkingTime;

/** A time limit in calendar or working time: 30 minutes, 24 hours, 2 working hours, 7 working days. */
public record TimeLimit(int amount, Unit unit) {

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("时限须为正数");
        }
    }

    public Instant from(Instant start, WorkingTime time) {
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_HOURS -> time.plus(start, Duration.ofHours(amount));
            case WORKING_DAYS -> time.endOfWorkingDays(start, amount);
        };
    }

    public boolean working() {
        return unit == Unit.WORKING_HOURS || unit == Unit.WORKING_DAYS;
    }

    public String label() {
        return amount + " " + unit.label();
    }

    public enum Unit {
        MINUTES("分钟"), HOURS("小时"), WORKING_HOURS("工作小时"), WORKING_DAYS("工作日");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
