package org.ronghe.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class SignInAttemptsTests {

    static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    final OffsetDateTime now = OffsetDateTime.parse("2026-11-26T09:00:00+08:00");

    @Test
    void theFifthWrongPasswordInARowLocksTheAccountForTenMinutes() {
        SignInAttempts attempts = SignInAttempts.NONE;
        for (int i = 0; i < 4; i++) {
            attempts = attempts.afterFailure(now, 5, TEN_MINUTES);
            assertThat(attempts.lockedAt(now)).isFalse();
        }
        attempts = attempts.afterFailure(now, 5, TEN_MINUTES);
        assertThat(attempts.lockedAt(now)).isTrue();
        assertThat(attempts.lockedAt(now.plusMinutes(9))).isTrue();
        assertThat(attempts.lockedAt(now.plusMinutes(10))).isFalse();
    }

    @Test
    void aMistakeAfterTheLockRanOutStartsTheCountAfresh() {
        SignInAttempts locked = new SignInAttempts(5, now.minusSeconds(1));
        SignInAttempts next = locked.afterFailure(now, 5, TEN_MINUTES);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockedAt(now)).isFalse();
    }
}
