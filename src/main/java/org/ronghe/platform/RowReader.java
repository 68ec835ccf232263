package org.ronghe.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;


/**
 * Reads one data row of an import file field by field, recording a Chinese error for every bad
 * cell rather than stopping at the first, so one pass reports everything wrong in the file.
 */
public final class RowReader {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,32}");
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyyMMdd")};

    private final int row;
    private final Map<String, String> cells;
    private final List<ImportError> errors;
    private final int errorsBefore;

    public RowReader(int row, Map<String, String> cells, List<ImportError> errors) {
        this.row = row;
        this.cells = cells;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    /** Whether any cell of this row has been reported as bad. */
    public boolean hasErrors() {
        return errors.size() > errorsBefore;
    }

    public int row() {
        return row;
    }

    public String raw(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public void error(String column, String message) {
        errors.add(new ImportError(row, column, raw(column), message));
    }

    public String text(String column, boolean required, int maxLength) {
        String value = raw(column);
        if (value == null) {
            if (required) {
                error(column, "不能为空");
            }
            return null;
        }
        if (value.length() > maxLength) {
            error(column, "不能超过 " + maxLength + " 个字符");
            return null;
        }
        return value;
    }

    public String code(String column, boolean required) {
        String value = text(column, required, 32);
        if (value != null && !CODE.matcher(value).matches()) {
            error(column, "编码只能包含字母、数字、点、横线和下划线");
            return null;
        }
        return value;
    }

    public Integer integer(String column, boolean required, int min, int max) {
        String value = text(column, required, 12);
        if (value == null) {
            return null;
        }
        try {
            int n = new java.math.BigDecimal(value).intValueExact();
            if (n < min || n > max) {
                error(column, "应在 " + min + " 到 " + max + " 之间");
                return null;
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            error(column, "应为整数");
            return null;
        }
    }

    public Double decimal(String column, boolean required, double min, double max) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (d < min || d > max) {
                error(column, "应在 " + min + " 到 " + max + " 之间");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            error(column, "应为数字");
            return null;
        }
    }

    public LocalDate date(String column, boolean required) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        error(column, "日期格式应为 YYYY-MM-DD");
        return null;
    }

    public Boolean yesNo(String column, boolean required) {
        String value = text(column, required, 5);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "是", "Y", "y", "true", "TRUE", "1" -> true;
            case "否", "N", "n", "false", "FALSE", "0" -> false;
            default -> {
                error(column, "应为“是”或“否”");
                yield null;
            }
        };
    }

    public <E extends Enum<E> & Labelled> E choice(String column, Class<E> type, boolean required) {
        String value = text(column, required, 20);
        if (value == null) {
            return null;
        }
        Optional<E> parsed = Labelled.parse(type, value);
        if (parsed.isEmpty()) {
            error(column, "应为以下之一：" + Labelled.labels(type));
            return null;
        }
        return parsed.get();
    }

    public String phone(String column, boolean required) {
        String value = text(column, required, 20);
        if (value != null && !value.matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
            error(column, "应为 11 位手机号或带区号的固定电话");
            return null;
        }
        return value;
    }
}
