package org.ronghe.network.site;

import java.time.Instant;
import java.util.List;

import org.ronghe.platform.ConflictException;

/**
 * A party-mass service centre (党群服务中心) or station (驿站). Open until closed; closing keeps the
 * record (and its history) and a closed centre is no longer changed.
 */
public final class ServiceCentre {

    public enum State { OPEN, CLOSED }

    private Long id;
    private final int version;
    private final String code;
    private Details details;
    private State state;
    private final Instant createdAt;
    private final String createdBy;
    private Instant closedAt;

    /** What a form or an import sets; the place is resolved from the codes it names. */
    public record Details(String name, CentreLevel level, Place place, String address, Double latitude, Double longitude,
                          List<String> services, String openingHours, List<Staff> staff) {

        public Details {
            services = List.copyOf(services);
            staff = List.copyOf(staff);
        }
    }

    public ServiceCentre(Long id, int version, String code, Details details, State state, Instant createdAt, String createdBy,
                         Instant closedAt) {
        this.id = id;
        this.version = version;
        this.code = code;
        this.details = details;
        this.state = state;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.closedAt = closedAt;
    }

    public static ServiceCentre open(String code, Details details, Instant at, String by) {
        return new ServiceCentre(null, 0, code, details, State.OPEN, at, by, null);
    }

    public void revise(Details revised) {
        if (state == State.CLOSED) {
            throw new ConflictException("服务中心已关闭，不能修改", java.util.Map.of("code", code));
        }
        details = revised;
    }

    public void close(Instant at) {
        if (state == State.CLOSED) {
            throw new ConflictException("服务中心已关闭", java.util.Map.of("code", code));
        }
        state = State.CLOSED;
        closedAt = at;
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

    public State state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
