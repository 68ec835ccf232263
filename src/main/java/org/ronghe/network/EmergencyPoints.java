package org.ronghe.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.network.site.TemporaryPoints;
import org.springframework.stereotype.Service;

/**
 * The network's API for other modules: the temporary points that serve an emergency, found by the free-text
 * emergency code a point carries (the emergency module lists them on its emergency's page).
 */
@Service
public class EmergencyPoints {

    private final TemporaryPoints points;

    EmergencyPoints(TemporaryPoints points) {
        this.points = points;
    }

    /** A point as another module shows it; {@code endsOn} is null while open-ended. */
    public record Point(long id, String code, String name, String kind, String communityCode, String communityName,
                        LocalDate startsOn, LocalDate endsOn, Double latitude, Double longitude) {
    }

    /** The points of one emergency, the latest started first; {@code activeOn} (optional) keeps those active that day. */
    public List<Point> of(String emergencyCode, LocalDate activeOn) {
        List<Point> found = new ArrayList<>();
        if (emergencyCode == null || emergencyCode.isBlank()) {
            return found;
        }
        points.forEach(new TemporaryPoints.Filter(null, null, null, activeOn, emergencyCode.strip(), null), p -> found.add(new Point(
                p.id(), p.code(), p.details().name(), p.details().kind().name(), p.details().place().communityCode(),
                p.details().place().communityName(), p.details().startsOn(), p.details().endsOn(), p.details().latitude(),
                p.details().longitude())));
        return found;
    }
}
