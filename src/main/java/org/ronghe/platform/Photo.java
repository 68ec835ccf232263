package org.ronghe.platform;

import java.util.Arrays;

/**
 * An optional photo (of a visit on the doorstep, of a meeting). Read as what its bytes are (JPEG, PNG or WebP),
 * never as what its name claims; at most {@link #MAX_BYTES}. Nothing is ever scored by photos.
 */
public record Photo(String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** @return the photo, or {@code null} when none was given */
    public static Photo of(byte[] content) {
        if (content == null || content.length == 0) {
            return null;
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("照片不能超过 5 MB（现为 " + (content.length / 1024 / 1024) + " MB），可不上传照片");
        }
        String type = starts(content, 0xFF, 0xD8, 0xFF) ? "image/jpeg"
                : starts(content, 0x89, 'P', 'N', 'G') ? "image/png"
                : content.length > 12 && starts(content, 'R', 'I', 'F', 'F') && new String(Arrays.copyOfRange(content, 8, 12),
                java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP") ? "image/webp" : null;
        if (type == null) {
            throw new IllegalArgumentException("照片应为 JPEG、PNG 或 WebP 图片；照片不是必需的，可不上传");
        }
        return new Photo(type, content);
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
