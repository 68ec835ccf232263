package org.ronghe.platform.crypto;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a data key other than the one the database was sealed with: the database
 * keeps a check value per key id (an HMAC, from which the key cannot be found). Without this a node
 * started with a wrong or freshly generated key would seal values that no other node can open.
 */
@Component
class DataKeyCheck implements InitializingBean {

    private final JdbcClient jdbc;
    private final DataKeys keys;

    DataKeyCheck(JdbcClient jdbc, DataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void afterPropertiesSet() {
        for (int id : keys.ids()) {
            String name = "data-key-check." + id;
            String expected = keys.checkValue(id);
            String stored = jdbc.sql("SELECT setting_value FROM platform_setting WHERE name = :n").param("n", name)
                    .query(String.class).optional().orElse(null);
            if (stored == null) {
                jdbc.sql("INSERT INTO platform_setting (name, setting_value) VALUES (:n, :v)").param("n", name)
                        .param("v", expected).update();
            } else if (!stored.equals(expected)) {
                throw new IllegalStateException("Data key " + id + " is not the key this database was sealed with: "
                        + "set RONGHE_DATA_KEY to the key in use (see docs/security.md)");
            }
        }
    }
}
