package org.ronghe.directory.transfer;

/** What an accepted import did. Importing the same file again reports only unchanged rows. */
public record ImportReport(String entity, int rows, int created, int updated, int unchanged) {
}
