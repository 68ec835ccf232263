package org.ronghe.partylife;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The frequency rules: shipped by the migration, changed by the committee (each change an event). Nothing is deleted. */
@Repository
public class MeetingRules {

    private final NamedParameterJdbcTemplate jdbc;
    private final Meetings meetings;

    MeetingRules(NamedParameterJdbcTemplate jdbc, Meetings meetings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    public List<Compliance.Rule> all() {
        return jdbc.query("SELECT org_kind, kind, cadence, active, secretary_yearly FROM meeting_rule ORDER BY org_kind, kind", Map.of(),
                (rs, n) -> new Compliance.Rule(rs.getString(1), MeetingKind.valueOf(rs.getString(2)), Cadence.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getBoolean(5)));
    }

    public Optional<Compliance.Rule> find(String orgKind, MeetingKind kind) {
        return all().stream().filter(r -> r.orgKind().equals(orgKind) && r.kind() == kind).findFirst();
    }

    /** Writes the rule (new or changed) and its event. */
    public void save(Compliance.Rule rule, boolean exists, String actor, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("orgKind", rule.orgKind()).addValue("kind", rule.kind().name())
                .addValue("cadence", rule.cadence().name()).addValue("active", rule.active())
                .addValue("secretary", rule.secretaryYearly()).addValue("at", Meetings.time(now))
                .addValue("by", actor);
        if (exists) {
            jdbc.update("""
                    UPDATE meeting_rule SET cadence = :cadence, active = :active, secretary_yearly = :secretary, version = version + 1,
                           updated_at = :at,
                           updated_by = :by WHERE org_kind = :orgKind AND kind = :kind""", params);
        } else {
            jdbc.update("""
                    INSERT INTO meeting_rule (org_kind, kind, cadence, active, secretary_yearly, version, updated_at, updated_by)
                    VALUES (:orgKind, :kind, :cadence, :active, :secretary, 0, :at, :by)""", params);
        }
        meetings.writeEvents(List.of(new MapSqlParameterSource().addValue("s", "rule").addValue("k", rule.orgKind() + "/" + rule.kind())
                .addValue("type", exists ? "RULE_CHANGED" : "RULE_ADDED").addValue("at", Meetings.time(now)).addValue("actor", actor)
                .addValue("note", rule.cadence().name() + (rule.active() ? "" : " inactive")
                        + (rule.secretaryYearly() ? " secretary-yearly" : ""))));
    }
}
