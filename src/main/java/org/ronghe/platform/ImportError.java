package org.ronghe.platform;

/**
 * One problem in an import file.
 *
 * @param row    the row as the spreadsheet shows it (the header is row 1)
 * @param column the column header, in Chinese as in the template
 */
public record ImportError(int row, String column, String value, String message) {
}
