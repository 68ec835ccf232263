package org.ronghe.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests can move forward; it follows real time from wherever it was set. */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock clock = new TestClock(zone);
        clock.offset = offset;
        return clock;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        TimerDriver timerDriver(com.github.kagkarlsson.scheduler.testhelper.ManualScheduler scheduler, TestClock clock) {
            return new TimerDriver(scheduler, clock);
        }
    }
}
