package org.ronghe.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one district this installation serves, named by {@code ronghe.district.code} and
 * {@code ronghe.district.name}; created at the first start so streets can be imported into it.
 */
@Component
@Order(10)
public class District implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final String code;
    private final String name;

    District(JdbcClient jdbc, @Value("${ronghe.district.code:440103}") String code,
             @Value("${ronghe.district.name:荔湾区}") String name) {
        this.jdbc = jdbc;
        this.code = code;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        id();
    }

    public String code() {
        return code;
    }

    /** The district's row id, creating the row on first use. */
    public long id() {
        return jdbc.sql("SELECT id FROM district WHERE code = :c").param("c", code).query(Long.class).optional()
                .orElseGet(() -> {
                    jdbc.sql("INSERT INTO district (code, name) VALUES (:c, :n)").param("c", code).param("n", name).update();
                    return jdbc.sql("SELECT id FROM district WHERE code = :c").param("c", code).query(Long.class).single();
                });
    }
}
