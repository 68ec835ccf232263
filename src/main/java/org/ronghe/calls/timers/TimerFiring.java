package org.ronghe.calls.timers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.calls.Call;
import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallEvent;
import org.ronghe.calls.directive.Directives;
import org.ronghe.calls.store.Calls;
import org.ronghe.calls.store.Notices;
import org.ronghe.directory.Directory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a timer fires: the call (or directive) decides whether the timer still applies,
 * records the event, and the notices go to whoever must act — the organ, or the leader who liaises
 * with the call's street. One transaction per firing.
 */
@Component
public class TimerFiring {

    private final Calls calls;
    private final Notices notices;
    private final Directory directory;
    private final Directives directives;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;

    TimerFiring(Calls calls, Notices notices, Directory directory, Directives directives, Clock clock,
                TransactionTemplate transactions, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.calls = calls;
        this.notices = notices;
        this.directory = directory;
        this.directives = directives;
        this.clock = clock;
        this.transactions = transactions;
    }

    public void fire(TimerData timer) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            switch (timer.kind()) {
                case DIRECTIVE_URGE -> directives.urge(timer.subject(), now);
                case DIRECTIVE_DUE -> directives.miss(timer.subject(), now);
                default -> calls.find(timer.subject()).ifPresent(call -> fire(call, timer, now));
            }
        });
    }

    /** Applies a timer to a call already loaded; used by the scheduler and by the demo district's simulation. */
    public static List<Notices.Notice> apply(Call call, TimerData timer, Instant now, Directory directory) {
        boolean happened = switch (timer.kind()) {
            case ACCEPT_DUE -> call.acceptOverdue(timer.generation(), now);
            case URGE -> call.urge(timer.generation(), now);
            case ESCALATE -> call.escalate(timer.generation(), now);
            case ESCALATE_AGAIN -> call.escalateAgain(timer.generation(), now);
            case AUTO_CLOSE -> call.closeUnrated(timer.generation(), now);
            case CHECK_IN -> call.checkInMissed(timer.organ(), timer.due(), now);
            default -> false;
        };
        List<Notices.Notice> sent = new ArrayList<>();
        if (!happened) {
            return sent;
        }
        long callId = timer.subject();
        switch (timer.kind()) {
            case ACCEPT_DUE -> sent.add(Notices.Notice.toOrgan(Notices.Kind.ACCEPT_OVERDUE, callId, call.leadOrganId(), now));
            case URGE -> sent.add(Notices.Notice.toOrgan(Notices.Kind.URGED, callId, call.leadOrganId(), now));
            case ESCALATE -> sent.add(Notices.Notice.toOrgan(Notices.Kind.ESCALATED, callId, call.leadOrganId(), now));
            case ESCALATE_AGAIN -> directory.liaisonLeaders(call.place().streetId()).forEach(leader ->
                    sent.add(Notices.Notice.toLeader(Notices.Kind.ESCALATED_AGAIN, callId, leader, now)));
            case CHECK_IN -> {
                sent.add(Notices.Notice.toOrgan(Notices.Kind.CHECK_IN_MISSED, callId, timer.organ(), now));
                directory.liaisonLeaders(call.place().streetId()).forEach(leader ->
                        sent.add(Notices.Notice.toLeader(Notices.Kind.CHECK_IN_MISSED, callId, leader, now)));
            }
            default -> {
            }
        }
        return sent;
    }

    private void fire(Call call, TimerData timer, Instant now) {
        List<Notices.Notice> sent = apply(call, timer, now, directory);
        List<CallEvent> events = List.copyOf(call.events());
        if (events.isEmpty()) {
            return;
        }
        calls.save(call);
        notices.add(sent);
        // A call closed unrated closes the loop of a problem heard on a visit too (its follow-up falls due).
        events.forEach(event -> publisher.publishEvent(new CallChanged(call.id(), event.type(), call.state(), call.details().origin(), call.solved())));
    }
}
