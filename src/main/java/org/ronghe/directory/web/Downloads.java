package org.ronghe.directory.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sets up a file download with a Chinese file name that every browser shows correctly. */
final class Downloads {

    private Downloads() {
    }

    static void prepare(HttpServletResponse response, String contentType, String title, String suffix, Clock clock) {
        response.setContentType(contentType);
        String filename = title + "-" + LocalDate.now(clock) + suffix;
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    }
}
