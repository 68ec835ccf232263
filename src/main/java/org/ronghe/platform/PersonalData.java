package org.ronghe.platform;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ronghe.platform.crypto.DataKeys;
import org.ronghe.platform.crypto.Sm4Gcm;
import org.springframework.stereotype.Component;

/**
 * Phone and ID numbers at rest: sealed with SM4 (see {@link Sm4Gcm} for the stored form) under the
 * current data key, opened only for the rows a page or export shows. A value that must be found by
 * equality (an ID number registered twice) also gets a blind index: HMAC-SM3 of the normalised value.
 * Plain text from before encryption still opens as itself until the re-encryption step seals it.
 */
@Component
public class PersonalData {

    /** The sealed columns; each name is bound into its values (a value copied to another column does not open). */
    public static final String MEMBER_ID_NUMBER = "member.id_number";
    public static final String MEMBER_PHONE = "member.phone";
    public static final String LEADER_PHONE = "leader.phone";
    public static final String CALL_CONTACT_PHONE = "call.contact_phone";
    public static final String HOUSEHOLD_PHONE = "household.head_phone";
    /** The phones of the staff on duty at service centres and temporary points (module network). */
    public static final String NETWORK_STAFF_PHONE = "network_staff.phone";

    private static final String INDEX_PURPOSE = "ronghe blind index";
    private final DataKeys keys;
    private final Map<Integer, byte[]> indexKeys = new ConcurrentHashMap<>();

    public PersonalData(DataKeys keys) {
        this.keys = keys;
    }

    /** @param column the table and column, e.g. {@code member.phone}: bound into the ciphertext */
    public String seal(String column, String plain) {
        return plain == null || plain.isEmpty() ? plain : Sm4Gcm.seal(keys, column, plain);
    }

    public String open(String column, String stored) {
        return Sm4Gcm.isSealed(stored) ? Sm4Gcm.open(keys, column, stored) : stored;
    }

    /** Whether a stored value is sealed with the current key (else the re-encryption step seals it again). */
    public boolean current(String stored) {
        return stored == null || stored.isEmpty() || Sm4Gcm.keyId(stored) == keys.currentId();
    }

    /** The blind index of a value under the current key (64 hex digits), {@code null} for none. */
    public String index(String value) {
        return value == null || value.isBlank() ? null : index(keys.currentId(), value);
    }

    /** The blind index under every configured key, for a lookup while a key change is under way. */
    public List<String> indexes(String value) {
        return keys.ids().stream().map(id -> index(id, value)).toList();
    }

    private String index(int keyId, String value) {
        byte[] normalised = value.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] key = indexKeys.computeIfAbsent(keyId, id -> keys.derived(id, INDEX_PURPOSE));
        return HexFormat.of().formatHex(DataKeys.hmacSm3(key, normalised));
    }
}
