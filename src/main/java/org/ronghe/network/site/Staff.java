package org.ronghe.network.site;

import org.ronghe.platform.Masking;

/**
 * One person on duty at a centre or a point.
 *
 * @param duty  what they do there (站长、值班、志愿者 …)
 * @param phone personal data: shown only to those who keep the site (see {@link NetworkScope#seesPhones})
 */
public record Staff(String name, String duty, String phone) {

    public Staff masked() {
        return new Staff(name, duty, Masking.phone(phone));
    }
}
