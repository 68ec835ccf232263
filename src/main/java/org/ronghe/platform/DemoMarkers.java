package org.ronghe.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The marker rows that make each part of the demo district seed once: a part runs when the directory
 * is seeded ({@link #DIRECTORY}) and its own marker is absent, and sets its marker in the transaction
 * that finishes it (a second node starting at the same moment fails on the primary key and rolls back).
 */
@Component
public class DemoMarkers {

    /** Set by the directory's seeding: every later part of the demo district builds on it. */
    public static final String DIRECTORY = "demo.seeded";

    private final JdbcClient jdbc;

    DemoMarkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean has(String marker) {
        return jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = :n").param("n", marker).query(Long.class).single() > 0;
    }

    /** Whether a part of the demo district with this marker is still to be seeded. */
    public boolean due(String marker) {
        return has(DIRECTORY) && !has(marker);
    }

    public void set(String marker, String value) {
        jdbc.sql("INSERT INTO platform_setting (name, setting_value) VALUES (:n, :v)").param("n", marker).param("v", value).update();
    }
}
