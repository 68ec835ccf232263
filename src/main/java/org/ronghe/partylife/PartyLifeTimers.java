package org.ronghe.partylife;

import java.time.Clock;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily reminders of meetings still missing before their period ends (db-scheduler, like the calls' upkeep). */
@Configuration(proxyBeanMethods = false)
class PartyLifeTimers {

    static final String REMINDERS = "meeting-reminders";

    @Bean
    RecurringTask<Void> meetingRemindersTask(Reminders reminders, Clock clock) {
        return Tasks.recurring(REMINDERS, Schedules.daily(clock.getZone(), LocalTime.of(6, 0)))
                .execute((instance, context) -> reminders.remind());
    }
}
