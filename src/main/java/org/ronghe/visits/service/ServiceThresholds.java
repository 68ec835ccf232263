package org.ronghe.visits.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The thresholds as stored (shipped with defaults by the migration), changed by the work committee only. */
@Service
public class ServiceThresholds {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    ServiceThresholds(JdbcClient jdbc, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Thresholds current() {
        Map<String, Integer> values = new HashMap<>();
        jdbc.sql("SELECT name, threshold_value FROM service_threshold").query((rs, n) -> values.put(rs.getString(1), rs.getInt(2))).list();
        return new Thresholds(values.getOrDefault("hoursPerYear", Thresholds.DEFAULTS.hoursPerYear()),
                values.getOrDefault("serviceLogsPerQuarter", Thresholds.DEFAULTS.serviceLogsPerQuarter()));
    }

    @Transactional
    public Thresholds update(CurrentUser user, Integer hoursPerYear, Integer serviceLogsPerQuarter) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以修改服务阈值");
        }
        Thresholds before = current();
        Thresholds after = new Thresholds(hoursPerYear == null ? before.hoursPerYear() : hoursPerYear,
                serviceLogsPerQuarter == null ? before.serviceLogsPerQuarter() : serviceLogsPerQuarter);
        if (after.equals(before)) {
            return before;
        }
        var now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        for (String name : Thresholds.NAMES) {
            int value = name.equals("hoursPerYear") ? after.hoursPerYear() : after.serviceLogsPerQuarter();
            int updated = jdbc.sql("UPDATE service_threshold SET threshold_value = :v, updated_at = :t, updated_by = :u WHERE name = :n")
                    .param("v", value).param("t", now).param("u", user.username()).param("n", name).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO service_threshold (name, threshold_value, updated_at, updated_by) VALUES (:n, :v, :t, :u)")
                        .param("v", value).param("t", now).param("u", user.username()).param("n", name).update();
            }
        }
        audit.record(Audit.Entry.change("SERVICE_THRESHOLDS_CHANGED", "service_threshold", null,
                Map.of("hoursPerYear", before.hoursPerYear(), "serviceLogsPerQuarter", before.serviceLogsPerQuarter()),
                Map.of("hoursPerYear", after.hoursPerYear(), "serviceLogsPerQuarter", after.serviceLogsPerQuarter())));
        return after;
    }
}
