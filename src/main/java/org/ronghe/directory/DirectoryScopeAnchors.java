package org.ronghe.directory;

import java.util.Optional;

import org.ronghe.platform.Role;
import org.ronghe.platform.ScopeAnchors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An account's scope code names an organ, street, community, leader or member, by role. */
@Component
class DirectoryScopeAnchors implements ScopeAnchors {

    private final JdbcClient jdbc;

    DirectoryScopeAnchors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> placeOf(Role role, String code) {
        String table = switch (role) {
            case ORGAN_SECRETARY -> "organ";
            case STREET_STAFF -> "street";
            case COMMUNITY_STAFF -> "community";
            case LEADER -> "leader";
            case MEMBER -> "member";
            default -> null;
        };
        if (table == null || code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name FROM " + table + " WHERE code = :c").param("c", code.trim()).query(String.class).optional();
    }
}
