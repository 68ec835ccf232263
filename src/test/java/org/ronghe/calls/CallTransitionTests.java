package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call's own rules, without Spring or a database: every transition it allows, every one it
 * refuses (naming the state it is in), and the timers keyed by the generation of its deadlines.
 */
class CallTransitionTests {

    static final long CIVIL_AFFAIRS = 1;
    static final long GENERAL_OFFICE = 2;
    static final long PEOPLES_CONGRESS = 3;
    static final Instant T0 = Instant.parse("2027-03-01T01:00:00Z");

    static Deadlines deadlines(Instant from) {
        return new Deadlines(from.plus(Duration.ofHours(2)), from.plus(Duration.ofDays(9)), from.plus(Duration.ofDays(7)),
                from.plus(Duration.ofDays(10)));
    }

    static Call raised() {
        return Call.raise(new Call.Details("楼道堆放杂物", "消防通道被堵", "ELDERLY", Urgency.NORMAL, Origin.COMMUNITY),
                new Call.Place(1, 1, null, null, null, null),
                new Call.Raiser("community", "440103001001", "李女士", "13800138000", null), T0);
    }

    /** A call brought into the given state by the ordinary steps; a closed call was rated satisfied. */
    static Call in(CallState state) {
        Call call = raised();
        if (state == CallState.RAISED) {
            return call;
        }
        call.dispatch(CIVIL_AFFAIRS, Set.of(), deadlines(T0), T0.plusSeconds(60), "committee");
        switch (state) {
            case RETURNED -> call.giveBack(CIVIL_AFFAIRS, "不属本单位职责", T0.plusSeconds(120), "secretary");
            case ACCEPTED -> call.accept(CIVIL_AFFAIRS, T0.plusSeconds(120), "secretary");
            case REPLIED -> {
                call.accept(CIVIL_AFFAIRS, T0.plusSeconds(120), "secretary");
                call.reply(CIVIL_AFFAIRS, "已清理", T0.plusSeconds(180), "secretary");
            }
            case CLOSED -> {
                call.accept(CIVIL_AFFAIRS, T0.plusSeconds(120), "secretary");
                call.reply(CIVIL_AFFAIRS, "已清理", T0.plusSeconds(180), "secretary");
                call.rate(Rating.SATISFIED, true, null, T0.plusSeconds(240), "community");
            }
            default -> {
            }
        }
        assertThat(call.state()).isEqualTo(state);
        return call;
    }

    static List<CallEvent.Type> types(Call call) {
        return call.events().stream().map(CallEvent::type).toList();
    }

    /** Each step, and the states that allow it. */
    enum Step {
        DISPATCH(EnumSet.of(CallState.RAISED, CallState.RETURNED, CallState.DISPATCHED), "派单",
                c -> c.dispatch(GENERAL_OFFICE, Set.of(), deadlines(T0), T0.plusSeconds(900), "committee")),
        ACCEPT(EnumSet.of(CallState.DISPATCHED), "签收", c -> c.accept(CIVIL_AFFAIRS, T0.plusSeconds(900), "secretary")),
        RETURN(EnumSet.of(CallState.DISPATCHED), "退单",
                c -> c.giveBack(CIVIL_AFFAIRS, "不属本单位职责", T0.plusSeconds(900), "secretary")),
        REPLY(EnumSet.of(CallState.ACCEPTED), "办结答复", c -> c.reply(CIVIL_AFFAIRS, "已处理", T0.plusSeconds(900), "secretary")),
        RATE(EnumSet.of(CallState.REPLIED), "评价", c -> c.rate(Rating.BASICALLY_SATISFIED, true, null, T0.plusSeconds(900), "community")),
        REOPEN(EnumSet.noneOf(CallState.class), "重办", c -> c.reopen("仍未解决", deadlines(T0), T0.plusSeconds(900), "community")),
        EXTEND(EnumSet.of(CallState.ACCEPTED), "申请延期",
                c -> c.requestExtension(CIVIL_AFFAIRS, T0.plus(Duration.ofDays(30)), "需协调产权单位", T0.plusSeconds(900), "secretary")),
        WHISTLE(EnumSet.of(CallState.RAISED, CallState.DISPATCHED, CallState.RETURNED, CallState.ACCEPTED), "吹哨",
                c -> c.whistle(List.of(PEOPLES_CONGRESS), T0.plusSeconds(2700), T0.plusSeconds(900), "street"));

        final Set<CallState> allowedIn;
        final String label;
        final Consumer<Call> action;

        Step(Set<CallState> allowedIn, String label, Consumer<Call> action) {
            this.allowedIn = allowedIn;
            this.label = label;
            this.action = action;
        }
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void eachStepIsAllowedOnlyInItsStatesAndOtherwiseNamesTheCurrentState(Step step) {
        for (CallState state : CallState.values()) {
            Call call = in(state);
            int before = call.events().size();
            if (step.allowedIn.contains(state)) {
                step.action.accept(call);
                assertThat(call.events()).as(step + " in " + state).hasSizeGreaterThan(before);
            } else {
                assertThatThrownBy(() -> step.action.accept(call)).as(step + " in " + state)
                        .isInstanceOfSatisfying(CallStateException.class, e -> {
                            assertThat(e.current()).isEqualTo(state);
                            assertThat(e.getMessage()).startsWith("诉求当前状态为「" + state.label() + "」，不能" + step.label);
                            assertThat(e.properties()).isEqualTo(Map.of("state", state.name()));
                        });
                assertThat(call.state()).isEqualTo(state);
                assertThat(call.events()).hasSize(before);
            }
        }
    }

    @Test
    void theOrdinaryStoryRaiseDispatchAcceptReplyRateClose() {
        Call call = in(CallState.CLOSED);
        assertThat(types(call)).containsExactly(CallEvent.Type.RAISED, CallEvent.Type.DISPATCHED, CallEvent.Type.ACCEPTED,
                CallEvent.Type.REPLIED, CallEvent.Type.RATED);
        assertThat(call.events()).extracting(CallEvent::to).containsExactly(CallState.RAISED, CallState.DISPATCHED,
                CallState.ACCEPTED, CallState.REPLIED, CallState.CLOSED);
        assertThat(call.rating()).isEqualTo(Rating.SATISFIED);
        assertThat(call.solved()).isTrue();
        assertThat(call.closedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(call.events().get(4).note()).isEqualTo("满意，已解决");
    }

    @Test
    void aReRouteBeforeAcceptanceRetiresTheFormerLeadAndStartsANewDispatch() {
        Call call = in(CallState.DISPATCHED);
        int generation = call.generation();
        call.dispatch(GENERAL_OFFICE, Set.of(PEOPLES_CONGRESS), deadlines(T0.plusSeconds(600)), T0.plusSeconds(600), "committee");
        assertThat(call.state()).isEqualTo(CallState.DISPATCHED);
        assertThat(call.leadOrganId()).isEqualTo(GENERAL_OFFICE);
        assertThat(call.generation()).isGreaterThan(generation);
        assertThat(call.handler(CIVIL_AFFAIRS)).isEmpty();
        assertThat(call.handler(GENERAL_OFFICE)).get().extracting(Call.Handler::role).isEqualTo(HandlerRole.LEAD);
        assertThat(call.handler(PEOPLES_CONGRESS)).get().extracting(Call.Handler::role).isEqualTo(HandlerRole.CO);
        assertThat(call.assignmentsToWrite()).hasSize(2);
        assertThat(call.assignmentsToWrite().get(0).reroutedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(types(call)).endsWith(CallEvent.Type.REROUTED);
        assertThatThrownBy(() -> call.accept(CIVIL_AFFAIRS, T0.plusSeconds(700), "secretary")).isInstanceOf(NotLeadException.class);
    }

    @Test
    void aReturnedCallHasNoLeadAndItsTimersNoLongerApply() {
        Call call = in(CallState.DISPATCHED);
        int generation = call.generation();
        call.giveBack(CIVIL_AFFAIRS, "  不属本单位职责 ", T0.plusSeconds(600), "secretary");
        assertThat(call.leadOrganId()).isNull();
        assertThat(call.state().inQueue()).isTrue();
        assertThat(call.events().get(call.events().size() - 1).note()).isEqualTo("不属本单位职责");
        assertThat(call.acceptOverdue(generation, T0.plusSeconds(9000))).isFalse();
        assertThat(call.escalate(generation, T0.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void returningNeedsAReasonAndReplyingNeedsAText() {
        Call dispatched = in(CallState.DISPATCHED);
        assertThatThrownBy(() -> dispatched.giveBack(CIVIL_AFFAIRS, " ", T0, "secretary")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("退单须说明理由");
        Call accepted = in(CallState.ACCEPTED);
        assertThatThrownBy(() -> accepted.reply(CIVIL_AFFAIRS, "", T0, "secretary")).isInstanceOf(IllegalArgumentException.class);
        Call replied = in(CallState.REPLIED);
        assertThatThrownBy(() -> replied.rate(null, true, null, T0, "community")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Call.raise(new Call.Details(" ", null, "ELDERLY", Urgency.NORMAL, Origin.COMMUNITY),
                new Call.Place(1, 1, null, null, null, null), new Call.Raiser("community", null, null, null, null), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheLeadOrganAcceptsReturnsRepliesAndAsksForMoreTime() {
        Call dispatched = in(CallState.DISPATCHED);
        assertThatThrownBy(() -> dispatched.accept(GENERAL_OFFICE, T0, "other")).isInstanceOf(NotLeadException.class);
        assertThatThrownBy(() -> dispatched.giveBack(GENERAL_OFFICE, "不是我的", T0, "other")).isInstanceOf(NotLeadException.class);
        Call accepted = in(CallState.ACCEPTED);
        assertThatThrownBy(() -> accepted.reply(GENERAL_OFFICE, "好了", T0, "other")).isInstanceOf(NotLeadException.class);
        assertThatThrownBy(() -> accepted.requestExtension(GENERAL_OFFICE, T0.plus(Duration.ofDays(30)), "忙", T0, "other"))
                .isInstanceOf(NotLeadException.class);
    }

    @Test
    void anUnsatisfiedCallerMayReopenTwiceThenNoMore() {
        Call call = in(CallState.REPLIED);
        for (int reopen = 1; reopen <= Call.MAX_REOPENS; reopen++) {
            call.rate(Rating.UNSATISFIED, false, "没解决", T0.plus(Duration.ofDays(reopen)), "community");
            int generation = call.generation();
            call.reopen("仍未解决", deadlines(T0.plus(Duration.ofDays(reopen))), T0.plus(Duration.ofDays(reopen)), "community");
            assertThat(call.state()).isEqualTo(CallState.DISPATCHED);
            assertThat(call.leadOrganId()).isEqualTo(CIVIL_AFFAIRS);
            assertThat(call.round()).isEqualTo(1 + reopen);
            assertThat(call.reopens()).isEqualTo(reopen);
            assertThat(call.rating()).isNull();
            assertThat(call.generation()).isGreaterThan(generation);
            assertThat(call.assignment().acceptBy()).isEqualTo(deadlines(T0.plus(Duration.ofDays(reopen))).acceptBy());
            call.accept(CIVIL_AFFAIRS, T0.plus(Duration.ofDays(reopen)).plusSeconds(60), "secretary");
            call.reply(CIVIL_AFFAIRS, "再次处理", T0.plus(Duration.ofDays(reopen)).plusSeconds(120), "secretary");
        }
        call.rate(Rating.UNSATISFIED, false, "还是没解决", T0.plus(Duration.ofDays(5)), "community");
        assertThatThrownBy(() -> call.reopen("第三次", deadlines(T0), T0.plus(Duration.ofDays(5)), "community"))
                .isInstanceOfSatisfying(CallStateException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("诉求当前状态为「已关闭」，不能重办：已重办 2 次"));
    }

    @Test
    void aSatisfiedOrUnratedCallCannotBeReopened() {
        assertThatThrownBy(() -> in(CallState.CLOSED).reopen("再看看", deadlines(T0), T0, "community"))
                .hasMessage("诉求当前状态为「已关闭」，不能重办：只有评价为不满意的诉求可以重办");
        Call unrated = in(CallState.REPLIED);
        assertThat(unrated.closeUnrated(unrated.generation(), T0.plus(Duration.ofDays(3)))).isTrue();
        assertThat(unrated.rating()).isNull();
        assertThat(types(unrated)).endsWith(CallEvent.Type.CLOSED_UNRATED);
        assertThatThrownBy(() -> unrated.reopen("再看看", deadlines(T0), T0, "community")).isInstanceOf(CallStateException.class);
    }

    @Test
    void theAutoCloseOfAnOlderReplyDoesNothingOnceTheCallIsRatedOrReopened() {
        Call call = in(CallState.REPLIED);
        int generation = call.generation();
        call.rate(Rating.UNSATISFIED, false, null, T0.plus(Duration.ofDays(1)), "community");
        assertThat(call.closeUnrated(generation, T0.plus(Duration.ofDays(3)))).isFalse();
        call.reopen("仍未解决", deadlines(T0), T0.plus(Duration.ofDays(1)), "community");
        assertThat(call.closeUnrated(generation, T0.plus(Duration.ofDays(3)))).isFalse();
        assertThat(call.state()).isEqualTo(CallState.DISPATCHED);
    }

    @Test
    void timersApplyOnlyToTheCurrentGenerationAndWhileTheCallAwaitsItsReply() {
        Call call = in(CallState.DISPATCHED);
        int generation = call.generation();
        assertThat(call.acceptOverdue(generation - 1, T0)).isFalse();
        assertThat(call.acceptOverdue(generation, T0.plus(Duration.ofHours(3)))).isTrue();
        call.accept(CIVIL_AFFAIRS, T0.plus(Duration.ofHours(4)), "secretary");
        assertThat(call.acceptOverdue(generation, T0.plus(Duration.ofHours(5)))).isFalse();
        assertThat(call.urge(generation, T0.plus(Duration.ofDays(7)))).isTrue();
        assertThat(call.escalate(generation, T0.plus(Duration.ofDays(9)))).isTrue();
        assertThat(call.escalateAgain(generation, T0.plus(Duration.ofDays(10)))).isTrue();
        call.reply(CIVIL_AFFAIRS, "已处理", T0.plus(Duration.ofDays(11)), "secretary");
        assertThat(call.escalate(generation, T0.plus(Duration.ofDays(12)))).isFalse();
        assertThat(call.escalate(call.generation(), T0.plus(Duration.ofDays(12)))).isFalse();
        assertThat(types(call)).containsSubsequence(CallEvent.Type.ACCEPT_OVERDUE, CallEvent.Type.URGED,
                CallEvent.Type.ESCALATED, CallEvent.Type.ESCALATED_AGAIN, CallEvent.Type.REPLIED);
        assertThat(call.events()).filteredOn(e -> e.type() == CallEvent.Type.ESCALATED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("system");
                    assertThat(e.organId()).isEqualTo(CIVIL_AFFAIRS);
                });
    }

    @Test
    void anOverdueCallIsOneWaitingPastItsAcceptLimitOrItsReplyDeadline() {
        Call call = in(CallState.DISPATCHED);
        Deadlines d = deadlines(T0);
        assertThat(call.overdue(d.acceptBy().minusSeconds(1))).isFalse();
        assertThat(call.overdue(d.acceptBy().plusSeconds(1))).isTrue();
        call.accept(CIVIL_AFFAIRS, d.acceptBy().plusSeconds(2), "secretary");
        assertThat(call.overdue(d.replyBy().minusSeconds(1))).isFalse();
        assertThat(call.overdue(d.replyBy().plusSeconds(1))).isTrue();
        call.reply(CIVIL_AFFAIRS, "已处理", d.replyBy().plusSeconds(2), "secretary");
        assertThat(call.overdue(d.replyBy().plus(Duration.ofDays(1)))).isFalse();
        assertThat(raised().overdue(T0.plus(Duration.ofDays(100)))).isFalse();
    }

    @Test
    void theLeadAsksOncePerDispatchForMoreTimeAndTheDispatcherDecides() {
        Call call = in(CallState.ACCEPTED);
        Instant replyBy = call.assignment().replyBy();
        assertThatThrownBy(() -> call.requestExtension(CIVIL_AFFAIRS, replyBy, "需协调", T0, "secretary"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("延期后的期限须晚于原办结期限");
        assertThatThrownBy(() -> call.requestExtension(CIVIL_AFFAIRS, replyBy.plus(Duration.ofDays(3)), " ", T0, "secretary"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> call.decideExtension(true, deadlines(T0), T0, "committee"))
                .isInstanceOf(CallStateException.class).hasMessageEndingWith("没有待审批的延期申请");
        call.requestExtension(CIVIL_AFFAIRS, replyBy.plus(Duration.ofDays(3)), "需协调产权单位", T0.plusSeconds(600), "secretary");
        assertThatThrownBy(() -> call.requestExtension(CIVIL_AFFAIRS, replyBy.plus(Duration.ofDays(4)), "再延", T0, "secretary"))
                .isInstanceOf(CallStateException.class).hasMessageEndingWith("本次办理已申请过延期");
        int generation = call.generation();
        Deadlines longer = new Deadlines(call.assignment().acceptBy(), replyBy.plus(Duration.ofDays(3)),
                replyBy.plus(Duration.ofDays(1)), replyBy.plus(Duration.ofDays(4)));
        assertThat(call.decideExtension(true, longer, T0.plusSeconds(900), "committee")).contains(longer.replyBy());
        assertThat(call.assignment().replyBy()).isEqualTo(longer.replyBy());
        assertThat(call.assignment().urgeAt()).isEqualTo(longer.urgeAt());
        assertThat(call.generation()).isGreaterThan(generation);
        assertThat(call.escalate(generation, replyBy)).isFalse();
        assertThat(call.extension().state()).isEqualTo(Call.Extension.State.APPROVED);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadline() {
        Call call = in(CallState.ACCEPTED);
        Instant replyBy = call.assignment().replyBy();
        int generation = call.generation();
        call.requestExtension(CIVIL_AFFAIRS, replyBy.plus(Duration.ofDays(3)), "需协调", T0, "secretary");
        assertThat(call.decideExtension(false, null, T0, "committee")).isEmpty();
        assertThat(call.assignment().replyBy()).isEqualTo(replyBy);
        assertThat(call.generation()).isEqualTo(generation);
        assertThat(types(call)).endsWith(CallEvent.Type.EXTENSION_REFUSED);
    }

    @Test
    void aWhistleSummonsOrgansOnceUntilTheyCheckInOrMissIt() {
        Call call = in(CallState.ACCEPTED);
        Instant due = T0.plusSeconds(2700);
        assertThat(call.whistle(List.of(GENERAL_OFFICE, PEOPLES_CONGRESS), due, T0.plusSeconds(900), "street"))
                .containsExactly(GENERAL_OFFICE, PEOPLES_CONGRESS);
        assertThat(call.handler(GENERAL_OFFICE)).get().extracting(Call.Handler::role).isEqualTo(HandlerRole.WHISTLED);
        assertThatThrownBy(() -> call.whistle(List.of(GENERAL_OFFICE), due, T0.plusSeconds(1000), "street"))
                .isInstanceOf(IllegalArgumentException.class);
        call.checkIn(GENERAL_OFFICE, T0.plusSeconds(1200), "sec-jg002");
        assertThat(call.events().get(call.events().size() - 1).note()).isEqualTo("按时报到");
        assertThatThrownBy(() -> call.checkIn(GENERAL_OFFICE, T0.plusSeconds(1300), "sec-jg002"))
                .isInstanceOf(CallStateException.class).hasMessageEndingWith("该单位已报到");
        assertThatThrownBy(() -> call.checkIn(99, T0.plusSeconds(1300), "sec-x"))
                .isInstanceOf(CallStateException.class).hasMessageEndingWith("该单位未被吹哨召集");
        assertThat(call.checkInMissed(GENERAL_OFFICE, due, due.plusSeconds(1))).isFalse();
        assertThat(call.checkInMissed(PEOPLES_CONGRESS, due.minusSeconds(60), due.plusSeconds(1))).isFalse();
        assertThat(call.checkInMissed(PEOPLES_CONGRESS, due, due.plusSeconds(1))).isTrue();
        assertThat(call.checkInMissed(PEOPLES_CONGRESS, due, due.plusSeconds(2))).isFalse();
        call.checkIn(PEOPLES_CONGRESS, due.plusSeconds(60), "sec-jg003");
        assertThat(call.events().get(call.events().size() - 1).note()).isEqualTo("逾时报到");
        // a missed organ may be summoned again, with a new limit
        Call again = in(CallState.ACCEPTED);
        again.whistle(List.of(PEOPLES_CONGRESS), due, T0.plusSeconds(900), "street");
        again.checkInMissed(PEOPLES_CONGRESS, due, due.plusSeconds(1));
        assertThat(again.whistle(List.of(PEOPLES_CONGRESS), due.plusSeconds(3600), due.plusSeconds(60), "street"))
                .containsExactly(PEOPLES_CONGRESS);
        assertThat(again.handler(PEOPLES_CONGRESS)).get().satisfies(h -> {
            assertThat(h.missed()).isFalse();
            assertThat(h.checkInBy()).isEqualTo(due.plusSeconds(3600));
        });
    }

    @Test
    void aCheckInTimerStillMatchesItsLimitAfterTheCallWasStoredAndReadBack() {
        Instant due = Instant.parse("2027-03-01T01:30:00.123456789Z");
        Call.Handler stored = new Call.Handler(PEOPLES_CONGRESS, HandlerRole.WHISTLED, T0,
                due.truncatedTo(java.time.temporal.ChronoUnit.MICROS), null, false, true, false);
        Call call = Call.restore(new Call.Snapshot(7L, 3, CallState.ACCEPTED, raised().details(), raised().place(),
                raised().raiser(), T0, CIVIL_AFFAIRS, 1, 1, null, null, null, null, null, 0, Call.Extension.NONE,
                List.of(stored)));
        assertThat(call.checkInMissed(PEOPLES_CONGRESS, due, due.plusSeconds(60))).isTrue();
    }

    @Test
    void aTimerRunTwiceAfterACrashUrgesAndEscalatesOnlyOnce() {
        Call call = in(CallState.ACCEPTED);
        int generation = call.generation();
        Instant later = T0.plus(Duration.ofDays(7));
        assertThat(call.urge(generation, later)).isTrue();
        assertThat(call.urge(generation, later.plusSeconds(5))).isFalse();
        assertThat(call.escalate(generation, later.plus(Duration.ofDays(2)))).isTrue();
        assertThat(call.escalate(generation, later.plus(Duration.ofDays(2)))).isFalse();
        assertThat(types(call).stream().filter(t -> t == CallEvent.Type.URGED)).hasSize(1);
        assertThat(types(call).stream().filter(t -> t == CallEvent.Type.ESCALATED)).hasSize(1);
    }
}
