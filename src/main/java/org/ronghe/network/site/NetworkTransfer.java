package org.ronghe.network.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.ImportError;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.RowReader;
import org.ronghe.platform.SpreadsheetReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports and exports centres and temporary points as XLSX or CSV, in the same columns both ways. An import
 * is all or nothing: every bad cell of every row is reported with its row and column, and a file with any
 * error changes nothing. Rows are matched by code: new codes are opened, known ones revised, and rows that
 * change nothing are not written again. Services are separated by 、 or ；, staff as 姓名/职责/电话 separated
 * by ；. A masked phone (as exports show it) keeps the phone on record for that person.
 */
@Service
public class NetworkTransfer {

    public static final List<String> CENTRE_COLUMNS = List.of("编码", "名称", "层级", "街道编码", "社区编码", "地址", "纬度", "经度",
            "服务项目", "开放时间", "工作人员", "状态");
    public static final List<String> POINT_COLUMNS = List.of("编码", "名称", "类型", "社区编码", "地址", "纬度", "经度", "服务项目",
            "开始日期", "结束日期", "应急事件编码", "工作人员");
    private static final Set<String> CENTRE_REQUIRED = Set.of("编码", "名称", "层级", "地址");
    private static final Set<String> POINT_REQUIRED = Set.of("编码", "名称", "类型", "社区编码", "地址", "开始日期");

    private final NetworkDesk desk;
    private final ServiceCentres centres;
    private final TemporaryPoints points;
    private final SiteRecords records;
    private final NetworkScope scope;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NetworkTransfer(NetworkDesk desk, ServiceCentres centres, TemporaryPoints points, SiteRecords records, NetworkScope scope,
                    Audit audit, Clock clock, TransactionTemplate transactions) {
        this.desk = desk;
        this.centres = centres;
        this.points = points;
        this.records = records;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record Report(int rows, int created, int updated, int unchanged) {
    }

    // ------------------------------------------------------------------ export

    /** A centre as a row of the import's columns, the phones as the reader may see them. */
    public static List<?> row(ServiceCentre c, boolean phones) {
        ServiceCentre.Details d = c.details();
        return Arrays.asList(c.code(), d.name(), d.level().label(), d.place().streetCode(), d.place().communityCode(), d.address(),
                d.latitude(), d.longitude(), String.join("、", d.services()), d.openingHours(), staffCell(d.staff(), phones),
                c.state() == ServiceCentre.State.OPEN ? "开放" : "已关闭");
    }

    public static List<?> row(TemporaryPoint p, boolean phones) {
        TemporaryPoint.Details d = p.details();
        return Arrays.asList(p.code(), d.name(), d.kind().label(), d.place().communityCode(), d.address(), d.latitude(), d.longitude(),
                String.join("、", d.services()), d.startsOn().toString(), d.endsOn() == null ? null : d.endsOn().toString(),
                d.emergency(), staffCell(d.staff(), phones));
    }

    static String staffCell(List<Staff> staff, boolean phones) {
        return String.join("；", staff.stream().map(s -> s.name() + "/" + (s.duty() == null ? "" : s.duty()) + "/"
                + (s.phone() == null ? "" : phones ? s.phone() : s.masked().phone())).toList());
    }

    // ------------------------------------------------------------------ import

    public Report importCentres(CurrentUser user, byte[] content) {
        scope.mayWrite(user);
        SpreadsheetReader.Table table = table(content, CENTRE_REQUIRED, CENTRE_COLUMNS, "服务中心");
        List<ImportError> errors = new ArrayList<>();
        List<ServiceCentre> opened = new ArrayList<>();
        List<ServiceCentre> revised = new ArrayList<>();
        List<Map<String, Object>> before = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int unchanged = 0;
        for (SpreadsheetReader.Table.Row row : table.rows()) {
            RowReader r = new RowReader(row.number(), row.cells(), errors);
            String code = r.code("编码", true);
            Checks checks = new Checks();
            ServiceCentre existing = code == null ? null : centres.find(code).orElse(null);
            NetworkDesk.CentreForm form = new NetworkDesk.CentreForm(code, r.raw("名称"), r.raw("层级"), r.raw("街道编码"),
                    r.raw("社区编码"), r.raw("地址"), r.decimal("纬度", false, -90, 90), r.decimal("经度", false, -180, 180),
                    services(r.raw("服务项目")), r.raw("开放时间"),
                    staff(r, existing == null ? List.of() : existing.details().staff()));
            ServiceCentre.Details details = desk.centreDetails(checks, form);
            report(r, checks, CENTRE_FIELDS);
            if (code != null && !codes.add(code)) {
                r.error("编码", "文件中重复出现");
            }
            if (r.hasErrors()) {
                continue;
            }
            inScope(user, details.place(), code);
            if (existing == null) {
                opened.add(ServiceCentre.open(code, details, clock.instant(), user.username()));
            } else if (existing.details().equals(details)) {
                unchanged++;
            } else {
                if (existing.state() == ServiceCentre.State.CLOSED) {
                    r.error("编码", "服务中心已关闭，不能修改");
                    continue;
                }
                inScope(user, existing.details().place(), code);
                before.add(NetworkDesk.centreState(existing));
                existing.revise(details);
                revised.add(existing);
            }
        }
        refuseIfAny(errors, CENTRE_COLUMNS, "服务中心", "service-centres");
        int same = unchanged;
        return transactions.execute(status -> {
            for (ServiceCentre c : opened) {
                centres.insert(c, null);
                records.event(SiteRecords.CENTRE, c.id(), "OPENED", clock.instant(), user.username(), "导入");
                audit.record(Audit.Entry.change("SERVICE_CENTRE_OPENED", "service_centre", c.code(), null, NetworkDesk.centreState(c)));
            }
            for (int i = 0; i < revised.size(); i++) {
                ServiceCentre c = revised.get(i);
                centres.update(c);
                records.event(SiteRecords.CENTRE, c.id(), "REVISED", clock.instant(), user.username(), "导入");
                audit.record(Audit.Entry.change("SERVICE_CENTRE_REVISED", "service_centre", c.code(), before.get(i),
                        NetworkDesk.centreState(c)));
            }
            return new Report(table.rows().size(), opened.size(), revised.size(), same);
        });
    }

    public Report importPoints(CurrentUser user, byte[] content) {
        scope.mayWrite(user);
        SpreadsheetReader.Table table = table(content, POINT_REQUIRED, POINT_COLUMNS, "临时点位");
        List<ImportError> errors = new ArrayList<>();
        List<TemporaryPoint> opened = new ArrayList<>();
        List<TemporaryPoint> revised = new ArrayList<>();
        List<Map<String, Object>> before = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        int unchanged = 0;
        for (SpreadsheetReader.Table.Row row : table.rows()) {
            RowReader r = new RowReader(row.number(), row.cells(), errors);
            String code = r.code("编码", true);
            Checks checks = new Checks();
            TemporaryPoint existing = code == null ? null : points.find(code).orElse(null);
            LocalDate starts = r.date("开始日期", true);
            LocalDate ends = r.date("结束日期", false);
            NetworkDesk.PointForm form = new NetworkDesk.PointForm(code, r.raw("名称"), r.raw("类型"), r.raw("社区编码"), r.raw("地址"),
                    r.decimal("纬度", false, -90, 90), r.decimal("经度", false, -180, 180), services(r.raw("服务项目")),
                    starts == null ? null : starts.toString(), ends == null ? null : ends.toString(), r.raw("应急事件编码"),
                    staff(r, existing == null ? List.of() : existing.details().staff()));
            TemporaryPoint.Details details = desk.pointDetails(checks, form);
            report(r, checks, POINT_FIELDS);
            if (code != null && !codes.add(code)) {
                r.error("编码", "文件中重复出现");
            }
            if (r.hasErrors()) {
                continue;
            }
            inScope(user, details.place(), code);
            if (existing == null) {
                opened.add(TemporaryPoint.open(code, details, clock.instant(), user.username()));
            } else if (existing.details().equals(details)) {
                unchanged++;
            } else {
                if (existing.ended(today)) {
                    r.error("编码", "临时点位已结束，不能修改");
                    continue;
                }
                inScope(user, existing.details().place(), code);
                before.add(NetworkDesk.pointState(existing));
                existing.revise(details, today);
                revised.add(existing);
            }
        }
        refuseIfAny(errors, POINT_COLUMNS, "临时点位", "temporary-points");
        int same = unchanged;
        return transactions.execute(status -> {
            for (TemporaryPoint p : opened) {
                points.insert(p, null);
                records.event(SiteRecords.POINT, p.id(), "OPENED", clock.instant(), user.username(), "导入");
                audit.record(Audit.Entry.change("TEMPORARY_POINT_OPENED", "temporary_point", p.code(), null, NetworkDesk.pointState(p)));
            }
            for (int i = 0; i < revised.size(); i++) {
                TemporaryPoint p = revised.get(i);
                points.update(p);
                records.event(SiteRecords.POINT, p.id(), "REVISED", clock.instant(), user.username(), "导入");
                audit.record(Audit.Entry.change("TEMPORARY_POINT_REVISED", "temporary_point", p.code(), before.get(i),
                        NetworkDesk.pointState(p)));
            }
            return new Report(table.rows().size(), opened.size(), revised.size(), same);
        });
    }

    private static final Map<String, String> CENTRE_FIELDS = Map.of("name", "名称", "level", "层级", "street", "街道编码",
            "community", "社区编码", "address", "地址", "latitude", "纬度", "longitude", "经度", "services", "服务项目",
            "openingHours", "开放时间", "staff", "工作人员");
    private static final Map<String, String> POINT_FIELDS = Map.of("name", "名称", "kind", "类型", "community", "社区编码",
            "address", "地址", "latitude", "纬度", "longitude", "经度", "services", "服务项目", "startsOn", "开始日期",
            "endsOn", "结束日期", "emergency", "应急事件编码");

    /** The checks' field errors as the row's column errors (a cell already reported by the reader is not reported twice). */
    private static void report(RowReader r, Checks checks, Map<String, String> columns) {
        for (Map<String, String> e : checks.errors()) {
            String field = e.get("field");
            String base = field.replaceAll("\\[.*$", "");
            String column = base.equals("staff") ? "工作人员" : columns.getOrDefault(base, "编码");
            r.error(column, e.get("message"));
        }
    }

    /** A file reaching into another street or community is refused as a whole, like any write outside the scope. */
    private void inScope(CurrentUser user, Place place, String code) {
        if (place != null && !scope.keeps(user, place)) {
            throw new OutOfScopeException("服务阵地", code);
        }
    }

    private static List<String> services(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("[、;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** 姓名/职责/电话；…  A masked phone keeps the phone on record for the person of that name. */
    private static List<Staff> staff(RowReader r, List<Staff> onRecord) {
        String cell = r.raw("工作人员");
        if (cell == null) {
            return List.of();
        }
        List<Staff> staff = new ArrayList<>();
        for (String entry : cell.split("[；;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("/", -1);
            if (parts.length > 3) {
                r.error("工作人员", "每名工作人员写作“姓名/职责/电话”，以分号分隔");
                continue;
            }
            String name = parts[0].strip();
            String duty = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
            String phone = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : null;
            if (phone != null && phone.contains("*")) {
                String masked = phone;
                phone = onRecord.stream().filter(s -> s.name().equals(name) && s.phone() != null && s.masked().phone().equals(masked))
                        .map(Staff::phone).findFirst().orElse(null);
                if (phone == null) {
                    r.error("工作人员", name + " 的电话已脱敏，请填写完整号码");
                    continue;
                }
            }
            staff.add(new Staff(name, duty, phone));
        }
        return staff;
    }

    private static SpreadsheetReader.Table table(byte[] content, Set<String> required, List<String> columns, String what) {
        SpreadsheetReader.Table table;
        try {
            table = SpreadsheetReader.read(content);
        } catch (SpreadsheetReader.UnreadableFileException e) {
            throw rejected(List.of(new ImportError(0, "", null, e.getMessage())), columns, what, "");
        }
        List<ImportError> errors = new ArrayList<>();
        required.stream().filter(c -> !table.headers().contains(c)).sorted()
                .forEach(c -> errors.add(new ImportError(1, c, null, "缺少必填列，请使用下载的模板")));
        if (errors.isEmpty() && table.rows().isEmpty()) {
            errors.add(new ImportError(2, "", null, "文件没有数据行"));
        }
        refuseIfAny(errors, columns, what, "");
        return table;
    }

    private static void refuseIfAny(List<ImportError> errors, List<String> columns, String what, String entity) {
        if (!errors.isEmpty()) {
            throw rejected(errors, columns, what, entity);
        }
    }

    private static RejectedInputException rejected(List<ImportError> errors, List<String> columns, String what, String entity) {
        List<ImportError> sorted = errors.stream().sorted(Comparator.comparingInt(ImportError::row)
                .thenComparing(e -> columns.indexOf(e.column()))).toList();
        return new RejectedInputException("import-rejected", "导入未通过校验",
                what + "导入未通过校验：共 " + sorted.size() + " 处错误，未导入任何数据", sorted, Map.of("entity", entity));
    }

    /** Writes rows to a sheet producer (exports). */
    public static <T> Consumer<Consumer<List<?>>> rows(Consumer<Consumer<T>> source, java.util.function.Function<T, List<?>> row) {
        return sink -> source.accept(t -> sink.accept(row.apply(t)));
    }
}
