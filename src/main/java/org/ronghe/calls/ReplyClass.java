package org.ronghe.calls;

/**
 * How long a category's calls may take to reply, by default: utilities 24 hours, general 7 working
 * days, complex 15 working days; any urgent call 2 hours. Acceptance: 2 working hours, urgent 30 minutes.
 * An emergency call (a resident's need in an emergency) must be accepted within 15 minutes and answered
 * within 2 hours, on the clock (not the working calendar).
 */
public enum ReplyClass {
    UTILITIES("水电气热等公用事业", new TimeLimit(24, TimeLimit.Unit.HOURS)),
    GENERAL("一般事项", new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS)),
    COMPLEX("复杂事项", new TimeLimit(15, TimeLimit.Unit.WORKING_DAYS));

    static final TimeLimit ACCEPT = new TimeLimit(2, TimeLimit.Unit.WORKING_HOURS);
    static final TimeLimit ACCEPT_URGENT = new TimeLimit(30, TimeLimit.Unit.MINUTES);
    static final TimeLimit REPLY_URGENT = new TimeLimit(2, TimeLimit.Unit.HOURS);
    static final TimeLimit ACCEPT_EMERGENCY = new TimeLimit(15, TimeLimit.Unit.MINUTES);
    static final TimeLimit REPLY_EMERGENCY = new TimeLimit(2, TimeLimit.Unit.HOURS);

    private final String label;
    private final TimeLimit reply;

    ReplyClass(String label, TimeLimit reply) {
        this.label = label;
        this.reply = reply;
    }

    public String label() {
        return label;
    }

    public Limits defaults(Urgency urgency) {
        return switch (urgency) {
            case NORMAL -> new Limits(ACCEPT, reply);
            case URGENT -> new Limits(ACCEPT_URGENT, REPLY_URGENT);
            case EMERGENCY -> new Limits(ACCEPT_EMERGENCY, REPLY_EMERGENCY);
        };
    }

    /** The limits of one category and urgency. */
    public record Limits(TimeLimit accept, TimeLimit reply) {
    }
}
