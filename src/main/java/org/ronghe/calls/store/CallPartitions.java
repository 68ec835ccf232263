package org.ronghe.calls.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the monthly partitions of {@code call} and {@code call_event} ahead of time on PostgreSQL (the
 * embedded H2 database has no partitions): at start and every night, the months from last month to three
 * months ahead. Creating a partition that exists is a no-op, so every node may do it.
 */
@Component
public class CallPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(CallPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean partitioned;

    CallPartitions(JdbcClient jdbc, DataSource dataSource, Clock clock) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        try (Connection connection = dataSource.getConnection()) {
            this.partitioned = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureAhead() {
        if (!partitioned) {
            return;
        }
        YearMonth now = YearMonth.now(clock);
        for (YearMonth month = now.minusMonths(1); !month.isAfter(now.plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
            ensure(month);
        }
    }

    /** The months that have partitions of their own, oldest first (empty on H2). */
    public List<YearMonth> months() {
        if (!partitioned) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                        WHERE p.relname = 'call' AND p.relnamespace = current_schema()::regnamespace AND c.relname <> 'call_default'
                        ORDER BY c.relname""")
                .query(String.class).list()
                .forEach(name -> months.add(YearMonth.parse(name.substring("call_".length()), SUFFIX)));
        return months;
    }

    void ensure(YearMonth month) {
        for (String table : List.of("call", "call_event")) {
            try {
                jdbc.sql("CREATE TABLE IF NOT EXISTS " + table + "_" + month.format(SUFFIX) + " PARTITION OF " + table
                        + " FOR VALUES FROM ('" + start(month) + "') TO ('" + start(month.plusMonths(1)) + "')").update();
            } catch (RuntimeException e) {
                // Rows of that month already sit in the default partition (or another node is creating it): say so, go on.
                log.warn("Could not create the partition of {} for {}: {}", table, month, e.getMessage());
            }
        }
    }

    private String start(YearMonth month) {
        ZoneId zone = clock.getZone();
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime().toString();
    }
}
