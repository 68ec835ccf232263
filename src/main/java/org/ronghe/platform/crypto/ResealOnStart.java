package org.ronghe.platform.crypto;

import java.sql.Connection;

import javax.sql.DataSource;

import org.ronghe.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After a new data key was put first in {@code RONGHE_DATA_KEY}: started once with
 * {@code --ronghe.data-key.reseal=true}, seals every stored value again under the new key (see docs/security.md).
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "ronghe.data-key.reseal", havingValue = "true")
class ResealOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResealOnStart.class);
    private final DataSource dataSource;
    private final PersonalData data;
    private final DataKeys keys;

    ResealOnStart(DataSource dataSource, PersonalData data, DataKeys keys) {
        this.dataSource = dataSource;
        this.data = data;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long sealed = Reseal.run(connection, data, keys);
            log.info("Sealed {} phone and ID numbers again under data key {} in {} ms", sealed, keys.currentId(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
