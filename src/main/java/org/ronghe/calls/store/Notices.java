package org.ronghe.calls.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Urgings and escalations, addressed to an organ, a leader, a street or a community. */
@Repository
public class Notices {

    private final NamedParameterJdbcTemplate jdbc;

    Notices(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(List<Notice> notices) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Notice n : notices) {
            rows.add(new MapSqlParameterSource().addValue("call", n.callId()).addValue("directive", n.directiveId())
                    .addValue("kind", n.kind().name()).addValue("organ", n.organId()).addValue("leader", n.leaderId())
                    .addValue("street", n.streetId()).addValue("community", n.communityId())
                    .addValue("at", Calls.time(n.at())).addValue("note", n.note()));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO call_notice (call_id, directive_id, kind, organ_id, leader_id, street_id, community_id, at, note)
                    VALUES (:call, :directive, :kind, :organ, :leader, :street, :community, :at, :note)""",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** One notice; exactly one of the addressees is set. */
    public record Notice(Kind kind, Long callId, Long directiveId, Long organId, Long leaderId, Long streetId,
                         Long communityId, Instant at, String note) {

        public static Notice toOrgan(Kind kind, long callId, long organId, Instant at) {
            return new Notice(kind, callId, null, organId, null, null, null, at, null);
        }

        public static Notice toLeader(Kind kind, long callId, long leaderId, Instant at) {
            return new Notice(kind, callId, null, null, leaderId, null, null, at, null);
        }
    }

    public enum Kind {
        ACCEPT_OVERDUE("超时未签收"),
        URGED("催办"),
        ESCALATED("督办"),
        ESCALATED_AGAIN("再次督办"),
        CHECK_IN_MISSED("吹哨未按时报到"),
        DIRECTIVE_URGED("指令催办"),
        DIRECTIVE_MISSED("指令逾期未完成");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
