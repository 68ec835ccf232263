package org.ronghe.partylife.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.partylife.ledger.Ledger;
import org.ronghe.partylife.ledger.LedgerDocx;
import org.ronghe.partylife.ledger.LedgerXlsx;
import org.springframework.http.HttpHeaders;

/**
 * Sends a ledger as a file. The file is written in full before the first byte goes out, so a failure is still an
 * error answer rather than half a workbook. The name is Chinese ("XX党支部 2026年度 组织生活台账.xlsx") in
 * {@code filename*} (RFC 5987, UTF-8, percent-encoded), with a plain ASCII {@code filename} for clients that know no
 * better (RFC 6266).
 */
final class LedgerDownloads {

    enum Format {
        XLSX(".xlsx", LedgerXlsx.CONTENT_TYPE), DOCX(".docx", LedgerDocx.CONTENT_TYPE);

        final String suffix;
        final String contentType;

        Format(String suffix, String contentType) {
            this.suffix = suffix;
            this.contentType = contentType;
        }
    }

    private LedgerDownloads() {
    }

    static void send(Ledger ledger, Format format, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == Format.XLSX) {
            LedgerXlsx.write(ledger, out);
        } else {
            LedgerDocx.write(ledger, out);
        }
        response.setContentType(format.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(
                "ledger-" + ledger.orgCode().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + ledger.year() + format.suffix,
                ledger.title() + format.suffix));
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    static String contentDisposition(String ascii, String name) {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Every byte of the UTF-8 name outside RFC 5987's attr-char as %XX. */
    static String rfc5987(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
