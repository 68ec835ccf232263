package org.ronghe.network.site;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ronghe.platform.Labelled;
import org.ronghe.platform.RejectedInputException;

/**
 * Checks a form or request field by field and keeps a Chinese message for every bad one, so one answer
 * lists everything to correct (422 with {@code errors: [{field, message}]}).
 */
public final class Checks {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,32}");
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    /** Opening hours name at least one time range, e.g. "周一至周五 9:00-17:30", or say 24 小时. */
    static final Pattern HOURS = Pattern.compile(".*([01]?\\d|2[0-4])[:：][0-5]\\d\\s*[-–—~至到]\\s*([01]?\\d|2[0-4])[:：][0-5]\\d.*|.*24\\s*小时.*");
    public static final int MAX_SERVICES = 20;
    public static final int MAX_STAFF = 20;

    private final List<Map<String, String>> errors = new ArrayList<>();

    public void error(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    List<Map<String, String>> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public String text(String field, String value, boolean required, int max) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                error(field, "不能为空");
            }
            return null;
        }
        if (v.length() > max) {
            error(field, "不能超过 " + max + " 个字符");
            return null;
        }
        return v;
    }

    public String code(String field, String value, boolean required) {
        String v = text(field, value, required, 32);
        if (v != null && !CODE.matcher(v).matches()) {
            error(field, "编码只能包含字母、数字、点、横线和下划线");
            return null;
        }
        return v;
    }

    public <E extends Enum<E> & Labelled> E choice(String field, String value, Class<E> type, boolean required) {
        String v = text(field, value, required, 20);
        if (v == null) {
            return null;
        }
        return Labelled.parse(type, v).orElseGet(() -> {
            error(field, "应为以下之一：" + Labelled.labels(type));
            return null;
        });
    }

    public Double coordinate(String field, Double value, double limit) {
        if (value == null) {
            return null;
        }
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            error(field, "应在 " + (int) -limit + " 到 " + (int) limit + " 之间");
            return null;
        }
        return value;
    }

    /** Latitude and longitude come together or not at all. */
    public void both(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            error(latitude == null ? "latitude" : "longitude", "经度和纬度须同时填写");
        }
    }

    public LocalDate date(String field, String value, boolean required) {
        String v = text(field, value, required, 10);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(field, "日期格式应为 YYYY-MM-DD");
            return null;
        }
    }

    public String phone(String field, String value) {
        String v = text(field, value, false, 20);
        if (v != null && !PHONE.matcher(v).matches()) {
            error(field, "应为 11 位手机号或带区号的固定电话");
            return null;
        }
        return v;
    }

    public String hours(String field, String value) {
        String v = text(field, value, false, 100);
        if (v != null && !HOURS.matcher(v).matches()) {
            error(field, "应写明开放时段，如“周一至周五 9:00-17:30”或“24 小时”");
            return null;
        }
        return v;
    }

    public List<String> services(String field, List<String> values) {
        List<String> kept = new ArrayList<>();
        if (values == null) {
            return kept;
        }
        if (values.size() > MAX_SERVICES) {
            error(field, "服务项目不能超过 " + MAX_SERVICES + " 项");
            return kept;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = text(field + "[" + i + "]", values.get(i), false, 30);
            if (v != null && v.matches(".*[、;；\\n\\r].*")) {
                error(field + "[" + i + "]", "每项服务单独填写，不能含顿号或分号");
            } else if (v != null && !kept.contains(v)) {
                kept.add(v);
            }
        }
        return kept;
    }

    public List<Staff> staff(String field, List<Staff> values) {
        List<Staff> kept = new ArrayList<>();
        if (values == null) {
            return kept;
        }
        if (values.size() > MAX_STAFF) {
            error(field, "工作人员不能超过 " + MAX_STAFF + " 名");
            return kept;
        }
        for (int i = 0; i < values.size(); i++) {
            Staff s = values.get(i);
            if (s == null) {
                error(field + "[" + i + "]", "不能为空");
                continue;
            }
            String name = text(field + "[" + i + "].name", s.name(), true, 50);
            String duty = text(field + "[" + i + "].duty", s.duty(), false, 50);
            String phone = phone(field + "[" + i + "].phone", s.phone());
            if (name != null) {
                kept.add(new Staff(name, duty, phone));
            }
        }
        return kept;
    }

    /** Refuses the whole input, naming every bad field, when any check failed. */
    public void verify(String what) {
        if (!errors.isEmpty()) {
            throw new RejectedInputException("invalid-input", "输入有误", what + "未保存：共 " + errors.size() + " 处问题",
                    errors, Map.of());
        }
    }
}
