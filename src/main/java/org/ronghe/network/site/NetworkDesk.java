package org.ronghe.network.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Masking;
import org.ronghe.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, revises and closes centres and temporary points: checks the input (every bad field named in
 * Chinese), the place it names and the writer's right to that place, then writes the record, its event
 * row and its audit entry in one transaction. A create repeated with the same Idempotency-Key answers the
 * first record.
 */
@Service
public class NetworkDesk {

    private final ServiceCentres centres;
    private final TemporaryPoints points;
    private final SiteRecords records;
    private final NetworkScope scope;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    NetworkDesk(ServiceCentres centres, TemporaryPoints points, SiteRecords records, NetworkScope scope, Directory directory, Audit audit,
                Clock clock, TransactionTemplate transactions) {
        this.centres = centres;
        this.points = points;
        this.records = records;
        this.scope = scope;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A centre as a form or request gives it; on a revision the code is the centre's own and may be left out. */
    public record CentreForm(String code, String name, String level, String street, String community, String address,
                             Double latitude, Double longitude, List<String> services, String openingHours, List<Staff> staff) {
    }

    /** A temporary point as a form or request gives it; dates as YYYY-MM-DD, the end may be left open. */
    public record PointForm(String code, String name, String kind, String community, String address, Double latitude,
                            Double longitude, List<String> services, String startsOn, String endsOn, String emergency,
                            List<Staff> staff) {
    }

    /** @param replayed the same Idempotency-Key was seen before: this is the record it created */
    public record Created(long id, boolean replayed) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ centres

    public Created openCentre(CurrentUser user, CentreForm form, String idempotencyKey) {
        scope.mayWrite(user);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            Optional<Long> existing = centres.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        Checks checks = new Checks();
        String code = checks.code("code", form == null ? null : form.code(), true);
        ServiceCentre.Details details = centreDetails(checks, form);
        if (code != null && centres.find(code).isPresent()) {
            checks.error("code", "编码已被使用");
        }
        checks.verify("服务中心");
        scope.mayWrite(user, details.place(), "服务中心", placeKey(details.place()));
        ServiceCentre centre = ServiceCentre.open(code, details, clock.instant(), user.username());
        try {
            return new Created(transactions.execute(status -> {
                centres.insert(centre, key);
                records.event(SiteRecords.CENTRE, centre.id(), "OPENED", clock.instant(), user.username(), null);
                audit.record(Audit.Entry.change("SERVICE_CENTRE_OPENED", "service_centre", code, null, centreState(centre)));
                return centre.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return (key == null ? Optional.<Long>empty() : centres.idForKey(user.username(), key)).map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException("编码已被使用", Map.of("code", code)));
        }
    }

    public ServiceCentre reviseCentre(CurrentUser user, long id, CentreForm form) {
        scope.mayWrite(user);
        ServiceCentre centre = centres.find(id).orElseThrow(() -> new NotFoundException("服务中心", String.valueOf(id)));
        scope.mayWrite(user, centre.details().place(), "服务中心", centre.code());
        Checks checks = new Checks();
        if (form != null && form.code() != null && !form.code().strip().equals(centre.code())) {
            checks.error("code", "编码不能修改");
        }
        ServiceCentre.Details details = centreDetails(checks, form);
        checks.verify("服务中心");
        // Moving a centre is a write to both places.
        scope.mayWrite(user, details.place(), "服务中心", placeKey(details.place()));
        Map<String, Object> before = centreState(centre);
        centre.revise(details);
        transactions.executeWithoutResult(status -> {
            centres.update(centre);
            records.event(SiteRecords.CENTRE, centre.id(), "REVISED", clock.instant(), user.username(), null);
            audit.record(Audit.Entry.change("SERVICE_CENTRE_REVISED", "service_centre", centre.code(), before, centreState(centre)));
        });
        return centres.find(id).orElseThrow();
    }

    public ServiceCentre closeCentre(CurrentUser user, long id, String reason) {
        scope.mayWrite(user);
        ServiceCentre centre = centres.find(id).orElseThrow(() -> new NotFoundException("服务中心", String.valueOf(id)));
        scope.mayWrite(user, centre.details().place(), "服务中心", centre.code());
        Checks checks = new Checks();
        String why = checks.text("reason", reason, false, 500);
        checks.verify("关闭");
        Map<String, Object> before = centreState(centre);
        centre.close(clock.instant());
        transactions.executeWithoutResult(status -> {
            centres.update(centre);
            records.event(SiteRecords.CENTRE, centre.id(), "CLOSED", clock.instant(), user.username(), why);
            audit.record(Audit.Entry.change("SERVICE_CENTRE_CLOSED", "service_centre", centre.code(), before, centreState(centre)));
        });
        return centres.find(id).orElseThrow();
    }

    /** Checks a centre's fields and resolves its place; errors are collected in {@code checks}. */
    ServiceCentre.Details centreDetails(Checks checks, CentreForm form) {
        CentreForm f = form == null ? new CentreForm(null, null, null, null, null, null, null, null, null, null, null) : form;
        String name = checks.text("name", f.name(), true, 100);
        CentreLevel level = checks.choice("level", f.level(), CentreLevel.class, true);
        String address = checks.text("address", f.address(), true, 200);
        Double lat = checks.coordinate("latitude", f.latitude(), 90);
        Double lon = checks.coordinate("longitude", f.longitude(), 180);
        checks.both(f.latitude(), f.longitude());
        List<String> services = checks.services("services", f.services());
        String hours = checks.hours("openingHours", f.openingHours());
        List<Staff> staff = checks.staff("staff", f.staff());
        Place place = level == null ? null : centrePlace(checks, level, f.street(), f.community());
        return new ServiceCentre.Details(name, level, place, address, lat, lon, services, hours, staff);
    }

    Place centrePlace(Checks checks, CentreLevel level, String street, String community) {
        String streetCode = checks.code("street", street, level == CentreLevel.STREET);
        String communityCode = checks.code("community", community, level.inCommunity());
        if (level == CentreLevel.DISTRICT) {
            if (streetCode != null || communityCode != null) {
                checks.error(streetCode != null ? "street" : "community", "区级服务中心不属于街道或社区");
            }
            return Place.DISTRICT;
        }
        if (level == CentreLevel.STREET) {
            if (communityCode != null) {
                checks.error("community", "街道服务中心不属于社区");
            }
            return streetCode == null ? null : directory.street(streetCode)
                    .map(s -> new Place(s.id(), s.code(), s.name(), null, null, null))
                    .orElseGet(() -> {
                        checks.error("street", "街道不存在");
                        return null;
                    });
        }
        return communityCode == null ? null : communityPlace(checks, communityCode, streetCode);
    }

    Place communityPlace(Checks checks, String communityCode, String streetCode) {
        Optional<Directory.CommunityRef> found = directory.community(communityCode);
        if (found.isEmpty()) {
            checks.error("community", "社区不存在");
            return null;
        }
        Directory.CommunityRef c = found.get();
        if (streetCode != null && !streetCode.equals(c.streetCode())) {
            checks.error("street", "社区不属于该街道");
        }
        return new Place(c.streetId(), c.streetCode(), c.streetName(), c.id(), c.code(), c.name());
    }

    // ------------------------------------------------------------------ temporary points

    public Created openPoint(CurrentUser user, PointForm form, String idempotencyKey) {
        scope.mayWrite(user);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            Optional<Long> existing = points.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        Checks checks = new Checks();
        String code = checks.code("code", form == null ? null : form.code(), true);
        TemporaryPoint.Details details = pointDetails(checks, form);
        if (code != null && points.find(code).isPresent()) {
            checks.error("code", "编码已被使用");
        }
        checks.verify("临时点位");
        scope.mayWrite(user, details.place(), "临时点位", placeKey(details.place()));
        TemporaryPoint point = TemporaryPoint.open(code, details, clock.instant(), user.username());
        try {
            return new Created(transactions.execute(status -> {
                points.insert(point, key);
                records.event(SiteRecords.POINT, point.id(), "OPENED", clock.instant(), user.username(), null);
                audit.record(Audit.Entry.change("TEMPORARY_POINT_OPENED", "temporary_point", code, null, pointState(point)));
                return point.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return (key == null ? Optional.<Long>empty() : points.idForKey(user.username(), key)).map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException("编码已被使用", Map.of("code", code)));
        }
    }

    public TemporaryPoint revisePoint(CurrentUser user, long id, PointForm form) {
        scope.mayWrite(user);
        TemporaryPoint point = points.find(id).orElseThrow(() -> new NotFoundException("临时点位", String.valueOf(id)));
        scope.mayWrite(user, point.details().place(), "临时点位", point.code());
        Checks checks = new Checks();
        if (form != null && form.code() != null && !form.code().strip().equals(point.code())) {
            checks.error("code", "编码不能修改");
        }
        TemporaryPoint.Details details = pointDetails(checks, form);
        checks.verify("临时点位");
        scope.mayWrite(user, details.place(), "临时点位", placeKey(details.place()));
        Map<String, Object> before = pointState(point);
        point.revise(details, today());
        transactions.executeWithoutResult(status -> {
            points.update(point);
            records.event(SiteRecords.POINT, point.id(), "REVISED", clock.instant(), user.username(), null);
            audit.record(Audit.Entry.change("TEMPORARY_POINT_REVISED", "temporary_point", point.code(), before, pointState(point)));
        });
        return points.find(id).orElseThrow();
    }

    public TemporaryPoint closePoint(CurrentUser user, long id, String reason) {
        scope.mayWrite(user);
        TemporaryPoint point = points.find(id).orElseThrow(() -> new NotFoundException("临时点位", String.valueOf(id)));
        scope.mayWrite(user, point.details().place(), "临时点位", point.code());
        Checks checks = new Checks();
        String why = checks.text("reason", reason, false, 500);
        checks.verify("关闭");
        Map<String, Object> before = pointState(point);
        point.close(today());
        transactions.executeWithoutResult(status -> {
            points.update(point);
            records.event(SiteRecords.POINT, point.id(), "CLOSED", clock.instant(), user.username(), why);
            audit.record(Audit.Entry.change("TEMPORARY_POINT_CLOSED", "temporary_point", point.code(), before, pointState(point)));
        });
        return points.find(id).orElseThrow();
    }

    TemporaryPoint.Details pointDetails(Checks checks, PointForm form) {
        PointForm f = form == null ? new PointForm(null, null, null, null, null, null, null, null, null, null, null, null) : form;
        String name = checks.text("name", f.name(), true, 100);
        PointKind kind = checks.choice("kind", f.kind(), PointKind.class, true);
        String communityCode = checks.code("community", f.community(), true);
        String address = checks.text("address", f.address(), true, 200);
        Double lat = checks.coordinate("latitude", f.latitude(), 90);
        Double lon = checks.coordinate("longitude", f.longitude(), 180);
        checks.both(f.latitude(), f.longitude());
        List<String> services = checks.services("services", f.services());
        LocalDate starts = checks.date("startsOn", f.startsOn(), true);
        LocalDate ends = checks.date("endsOn", f.endsOn(), false);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            checks.error("endsOn", "结束日期不能早于开始日期");
        }
        String emergency = checks.code("emergency", f.emergency(), false);
        List<Staff> staff = checks.staff("staff", f.staff());
        Place place = communityCode == null ? null : communityPlace(checks, communityCode, null);
        return new TemporaryPoint.Details(name, kind, place, address, lat, lon, services, starts, ends, emergency, staff);
    }

    // ------------------------------------------------------------------ audit

    private static String placeKey(Place place) {
        return place.communityCode() != null ? place.communityCode() : place.streetCode() != null ? place.streetCode() : "区级";
    }

    /** A site's state for the audit log: staff phones masked (the log is read by administrators who need no phones). */
    static Map<String, Object> centreState(ServiceCentre c) {
        ServiceCentre.Details d = c.details();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", d.name());
        state.put("level", d.level().name());
        state.put("place", placeKey(d.place()));
        state.put("address", d.address());
        state.put("services", d.services());
        state.put("openingHours", String.valueOf(d.openingHours()));
        state.put("staff", d.staff().stream().map(s -> s.name() + " " + Masking.phone(String.valueOf(s.phone()))).toList());
        state.put("state", c.state().name());
        return state;
    }

    static Map<String, Object> pointState(TemporaryPoint p) {
        TemporaryPoint.Details d = p.details();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", d.name());
        state.put("kind", d.kind().name());
        state.put("community", d.place().communityCode());
        state.put("address", d.address());
        state.put("services", d.services());
        state.put("startsOn", d.startsOn().toString());
        state.put("endsOn", String.valueOf(d.endsOn()));
        state.put("emergency", String.valueOf(d.emergency()));
        state.put("staff", d.staff().stream().map(s -> s.name() + " " + Masking.phone(String.valueOf(s.phone()))).toList());
        return state;
    }
}
