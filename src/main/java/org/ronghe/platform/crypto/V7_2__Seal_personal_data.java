package org.ronghe.platform.crypto;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ronghe.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Seals the phone and ID numbers stored before encryption (SQL cannot: the key is not in the database). */
@Component
class V7_2__Seal_personal_data extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V7_2__Seal_personal_data.class);
    private final PersonalData data;
    private final DataKeys keys;

    V7_2__Seal_personal_data(PersonalData data, DataKeys keys) {
        this.data = data;
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        long sealed = Reseal.run(context.getConnection(), data, keys);
        if (sealed > 0) {
            log.info("Sealed {} phone and ID numbers with SM4 (data key {})", sealed, keys.currentId());
        }
    }
}
