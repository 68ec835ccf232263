package org.ronghe.network.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ronghe.network.site.NetworkScope;
import org.ronghe.network.site.ServiceCentre;
import org.ronghe.network.site.SiteRecords;
import org.ronghe.network.site.Staff;
import org.ronghe.network.site.TemporaryPoint;
import org.ronghe.platform.CurrentUser;

/** Centres and points as the API and the pages show them: staff phones masked unless the reader keeps the site. */
final class SiteViews {

    private SiteViews() {
    }

    record CentreView(long id, String code, String name, String level, String levelLabel, String street, String streetName,
                      String community, String communityName, String address, Double latitude, Double longitude,
                      List<String> services, String openingHours, List<Staff> staff, String state, Instant createdAt,
                      Instant closedAt, boolean editable) {
    }

    record PointView(long id, String code, String name, String kind, String kindLabel, String street, String streetName,
                     String community, String communityName, String address, Double latitude, Double longitude,
                     List<String> services, LocalDate startsOn, LocalDate endsOn, boolean activeToday, String emergency,
                     List<Staff> staff, Instant createdAt, boolean editable) {
    }

    record CentreDetail(CentreView centre, List<SiteRecords.Event> events) {
    }

    record PointDetail(PointView point, List<SiteRecords.Event> events) {
    }

    static CentreView of(ServiceCentre c, CurrentUser user, NetworkScope scope) {
        ServiceCentre.Details d = c.details();
        boolean keeps = scope.keeps(user, d.place());
        return new CentreView(c.id(), c.code(), d.name(), d.level().name(), d.level().label(), d.place().streetCode(),
                d.place().streetName(), d.place().communityCode(), d.place().communityName(), d.address(), d.latitude(), d.longitude(),
                d.services(), d.openingHours(), staff(d.staff(), keeps), c.state().name(), c.createdAt(), c.closedAt(),
                keeps && c.state() == ServiceCentre.State.OPEN);
    }

    static PointView of(TemporaryPoint p, LocalDate today, CurrentUser user, NetworkScope scope) {
        TemporaryPoint.Details d = p.details();
        boolean keeps = scope.keeps(user, d.place());
        return new PointView(p.id(), p.code(), d.name(), d.kind().name(), d.kind().label(), d.place().streetCode(), d.place().streetName(),
                d.place().communityCode(), d.place().communityName(), d.address(), d.latitude(), d.longitude(), d.services(),
                d.startsOn(), d.endsOn(), p.activeOn(today), d.emergency(), staff(d.staff(), keeps), p.createdAt(),
                keeps && !p.ended(today));
    }

    private static List<Staff> staff(List<Staff> staff, boolean phones) {
        return phones ? staff : staff.stream().map(Staff::masked).toList();
    }
}
