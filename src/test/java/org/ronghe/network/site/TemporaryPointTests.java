package org.ronghe.network.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.platform.ConflictException;

/** A temporary point's days, without the platform: active from its start to its end, both included. */
class TemporaryPointTests {

    static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    static final Place PLACE = new Place(1L, "S1", "街道", 2L, "C1", "社区");

    static TemporaryPoint point(LocalDate starts, LocalDate ends) {
        return TemporaryPoint.open("TP", new TemporaryPoint.Details("采样点", PointKind.SAMPLING, PLACE, "广场", null, null, List.of(), starts,
                ends, "YJ2025001", List.of()), Instant.parse("2025-04-30T00:00:00Z"), "committee");
    }

    @Test
    void aPointIsActiveOnItsFirstAndLastDayAndNotAroundThem() {
        TemporaryPoint point = point(MAY_1, MAY_1.plusDays(6));
        assertThat(point.activeOn(MAY_1.minusDays(1))).isFalse();
        assertThat(point.activeOn(MAY_1)).isTrue();
        assertThat(point.activeOn(MAY_1.plusDays(6))).isTrue();
        assertThat(point.activeOn(MAY_1.plusDays(7))).isFalse();
    }

    @Test
    void anOpenEndedPointStaysActiveUntilClosedAndClosingEndsItThatDay() {
        TemporaryPoint point = point(MAY_1, null);
        assertThat(point.activeOn(MAY_1.plusYears(1))).isTrue();
        point.close(MAY_1.plusDays(10));
        assertThat(point.details().endsOn()).isEqualTo(MAY_1.plusDays(10));
        assertThat(point.activeOn(MAY_1.plusDays(10))).isTrue();
        assertThat(point.activeOn(MAY_1.plusDays(11))).isFalse();
        assertThatThrownBy(() -> point.close(MAY_1.plusDays(11))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aPointNotYetStartedIsNotClosedButItsDatesChanged() {
        TemporaryPoint point = point(MAY_1.plusDays(5), null);
        assertThatThrownBy(() -> point.close(MAY_1)).isInstanceOf(ConflictException.class).hasMessageContaining("尚未启用");
    }
}
