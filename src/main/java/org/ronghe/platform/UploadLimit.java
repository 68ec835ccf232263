package org.ronghe.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The largest import file ({@code ronghe.import.max-size}), checked by the application below the
 * servlet container's multipart limit: the container then still reads the whole form (and so its
 * CSRF token), and the answer is 413 with a Chinese reason, a problem detail for the API and the
 * import page for a person, instead of the container's bare error.
 */
@Component
public class UploadLimit {

    private final DataSize max;

    UploadLimit(@Value("${ronghe.import.max-size:50MB}") DataSize max) {
        this.max = max;
    }

    public void check(MultipartFile file) {
        if (file.getSize() > max.toBytes()) {
            throw new MaxUploadSizeExceededException(max.toBytes());
        }
    }

    public long megabytes() {
        return max.toMegabytes();
    }
}
