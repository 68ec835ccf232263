package org.ronghe.calls.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimerSerializerTests {

    private final TimerSerializer serializer = TimerSerializer.INSTANCE;

    @Test
    void aCheckInTimerReadsBackWithItsOrganAndDueTime() {
        TimerData written = new TimerData(TimerData.Kind.CHECK_IN, 42, 3, 7L, Instant.parse("2026-03-02T09:30:00Z"));

        byte[] stored = serializer.serialize(written);

        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("v1|CHECK_IN|42|3|7|1772443800000");
        assertThat(serializer.deserialize(TimerData.class, stored)).isEqualTo(written);
    }

    @Test
    void anUrgingTimerWithoutOrganReadsBackWithEmptyFields() {
        TimerData written = new TimerData(TimerData.Kind.URGE, 9, 1, null, null);

        assertThat(serializer.deserialize(TimerData.class, serializer.serialize(written))).isEqualTo(written);
    }

    @Test
    void dataOfAnotherFormatIsRejectedRatherThanMisread() {
        byte[] foreign = "v2|URGE|9|1||".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serializer.deserialize(TimerData.class, foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a timer");
    }
}
