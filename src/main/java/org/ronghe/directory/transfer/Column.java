package org.ronghe.directory.transfer;

/**
 * A column of an import/export sheet.
 *
 * @param header   the Chinese header, as in the template
 * @param required whether every row must fill it
 * @param hint     how to fill it, shown in the template's instructions
 * @param text     whether spreadsheets must keep it as text (codes, ID and phone numbers)
 */
public record Column(String header, boolean required, String hint, boolean text) {

    static Column required(String header, String hint) {
        return new Column(header, true, hint, false);
    }

    static Column optional(String header, String hint) {
        return new Column(header, false, hint, false);
    }

    static Column requiredText(String header, String hint) {
        return new Column(header, true, hint, true);
    }

    static Column optionalText(String header, String hint) {
        return new Column(header, false, hint, true);
    }
}
