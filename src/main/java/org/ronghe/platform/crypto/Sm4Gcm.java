package org.ronghe.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One value sealed with SM4 in GCM mode: {@code sm4gcm:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>},
 * a fresh 96-bit IV per value, a 128-bit tag, and the column's name as associated data, so a value
 * copied into another column does not open. The prefix versions the format.
 */
public final class Sm4Gcm {

    public static final String PREFIX = "sm4gcm:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4Gcm() {
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The key id of a sealed value, or -1 for anything else (plain text from before encryption). */
    public static int keyId(String stored) {
        if (!isSealed(stored)) {
            return -1;
        }
        int end = stored.indexOf(':', PREFIX.length());
        try {
            return end < 0 ? -1 : Integer.parseInt(stored, PREFIX.length(), end, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String seal(DataKeys keys, String column, String plain) {
        int id = keys.currentId();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] input = plain.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher cipher = cipher(true, keys.key(id), iv, column);
        byte[] out = new byte[IV_BYTES + cipher.getOutputSize(input.length)];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        int n = cipher.processBytes(input, 0, input.length, out, IV_BYTES);
        try {
            cipher.doFinal(out, IV_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return PREFIX + id + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    public static String open(DataKeys keys, String column, String stored) {
        int id = keyId(stored);
        byte[] key = id < 0 ? null : keys.key(id);
        if (key == null) {
            throw new IllegalStateException("cannot open a value of " + column + ": data key " + id + " is not configured");
        }
        byte[] in = Base64.getUrlDecoder().decode(stored.substring(stored.indexOf(':', PREFIX.length()) + 1));
        byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
        GCMModeCipher cipher = cipher(false, key, iv, column);
        byte[] out = new byte[cipher.getOutputSize(in.length - IV_BYTES)];
        int n = cipher.processBytes(in, IV_BYTES, in.length - IV_BYTES, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("a value of " + column + " does not open: changed, moved or sealed with another key", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] iv, String column) {
        // The basic multiplier: no per-key tables to build, which for values this short costs more than it saves
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, column.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }
}
