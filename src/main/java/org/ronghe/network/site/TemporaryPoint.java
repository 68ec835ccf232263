package org.ronghe.network.site;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.ConflictException;

/**
 * A temporary point (临时点位): active on every day from its start to its end, both included; the end may
 * be open. Closing a point ends it today; it stays on record with its dates.
 */
public final class TemporaryPoint {

    private Long id;
    private final int version;
    private final String code;
    private Details details;
    private final Instant createdAt;
    private final String createdBy;

    /**
     * @param emergency the code of the emergency the point serves (free text: the emergency module may list them)
     */
    public record Details(String name, PointKind kind, Place place, String address, Double latitude, Double longitude,
                          List<String> services, LocalDate startsOn, LocalDate endsOn, String emergency, List<Staff> staff) {

        public Details {
            services = List.copyOf(services);
            staff = List.copyOf(staff);
        }

        Details endingOn(LocalDate end) {
            return new Details(name, kind, place, address, latitude, longitude, services, startsOn, end, emergency, staff);
        }
    }

    public TemporaryPoint(Long id, int version, String code, Details details, Instant createdAt, String createdBy) {
        this.id = id;
        this.version = version;
        this.code = code;
        this.details = details;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public static TemporaryPoint open(String code, Details details, Instant at, String by) {
        return new TemporaryPoint(null, 0, code, details, at, by);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(details.startsOn()) && (details.endsOn() == null || !day.isAfter(details.endsOn()));
    }

    public boolean ended(LocalDate today) {
        return details.endsOn() != null && details.endsOn().isBefore(today);
    }

    public void revise(Details revised, LocalDate today) {
        if (ended(today)) {
            throw new ConflictException("临时点位已结束，不能修改", Map.of("code", code));
        }
        details = revised;
    }

    /** Ends the point today (it was active today, and is no more from tomorrow). */
    public void close(LocalDate today) {
        if (ended(today)) {
            throw new ConflictException("临时点位已结束", Map.of("code", code));
        }
        if (details.startsOn().isAfter(today)) {
            throw new ConflictException("临时点位尚未启用，请修改起止日期", Map.of("code", code));
        }
        details = details.endingOn(today);
    }

    void assignId(long id) {
        this.id = id;
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public String code() {
        return code;
    }

    public Details details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
