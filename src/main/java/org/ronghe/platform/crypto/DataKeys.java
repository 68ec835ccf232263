package org.ronghe.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data keys: 128-bit SM4 keys, each with a small number as its id. The first is current (new
 * values are sealed with it); the others still open what they sealed, until a re-encryption has
 * moved everything to the current key. From {@code RONGHE_DATA_KEY} ({@code hex} or
 * {@code id:hex,id:hex}), else from a key file that is generated on first use (for the embedded
 * default; several nodes must share one key, so production sets the variable).
 */
@Component
public class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    static final int KEY_BYTES = 16;

    private final Map<Integer, byte[]> keys;
    private final int currentId;

    DataKeys(@Value("${RONGHE_DATA_KEY:}") String configured,
             @Value("${ronghe.data-key-file:./data/ronghe-data.key}") String keyFile) {
        this.keys = parse(configured.isBlank() ? fromFile(Path.of(keyFile)) : configured);
        this.currentId = keys.keySet().iterator().next();
    }

    /** Keys from a specification like {@code RONGHE_DATA_KEY}'s, without a key file (tools and benchmarks). */
    public static DataKeys of(String spec) {
        return new DataKeys(spec, "");
    }

    public int currentId() {
        return currentId;
    }

    public List<Integer> ids() {
        return new ArrayList<>(keys.keySet());
    }

    /** The SM4 key with this id, or {@code null} when it is not configured. */
    byte[] key(int id) {
        return keys.get(id);
    }

    /** A key for another purpose (blind indexes, the audit chain, the key check), derived from a data key with HMAC-SM3. */
    public byte[] derived(int id, String purpose) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("data key " + id + " is not configured (RONGHE_DATA_KEY)");
        }
        return hmacSm3(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** What the database keeps to recognise a key without holding it (see {@link DataKeyCheck}). */
    public String checkValue(int id) {
        return HexFormat.of().formatHex(derived(id, "ronghe key check"));
    }

    public static byte[] hmacSm3(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static Map<Integer, byte[]> parse(String spec) {
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        String[] parts = spec.strip().split("\\s*,\\s*");
        for (String part : parts) {
            int colon = part.indexOf(':');
            int id = colon < 0 ? 1 : Integer.parseInt(part.substring(0, colon).strip());
            String hex = (colon < 0 ? part : part.substring(colon + 1)).strip();
            byte[] key;
            try {
                key = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("RONGHE_DATA_KEY: key " + id + " is not hexadecimal");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("RONGHE_DATA_KEY: key " + id + " must be 32 hex digits (128 bits), not "
                        + hex.length());
            }
            if (id < 1 || id > 999 || keys.put(id, key) != null) {
                throw new IllegalStateException("RONGHE_DATA_KEY: key ids must be distinct numbers from 1 to 999");
            }
        }
        return keys;
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            String spec = "1:" + HexFormat.of().formatHex(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, spec + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            log.warn("Generated the data key {} (SM4, encrypts phone and ID numbers). Keep it with the database "
                    + "backups; nodes sharing a database must share the key: set RONGHE_DATA_KEY.", file.toAbsolutePath());
            return spec;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the data key file " + file.toAbsolutePath()
                    + "; set RONGHE_DATA_KEY", e);
        }
    }
}
