package org.ronghe.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.platform.Audit;
import org.ronghe.platform.security.AccountPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAudit implements Audit {

    static final String SYSTEM = "system";
    private static final String INSERT = """
            INSERT INTO audit_log (at, actor, action, subject, subject_key, before_state, after_state, remote_addr)
            VALUES (:at, :actor, :action, :subject, :key, :before, :after, :addr)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAudit(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(Entry entry) {
        recordAs(currentActor(), entry);
    }

    @Override
    public void recordAs(String actor, Entry entry) {
        jdbc.update(INSERT, params(actor, entry, OffsetDateTime.now(clock), remoteAddress()));
    }

    @Override
    public void recordAll(Iterable<Entry> entries) {
        recordAllAs(currentActor(), entries);
    }

    @Override
    public void recordAllAs(String actor, Iterable<Entry> entries) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String addr = remoteAddress();
        List<MapSqlParameterSource> batch = new ArrayList<>();
        for (Entry entry : entries) {
            batch.add(params(actor, entry, now, addr));
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(INSERT, batch.toArray(MapSqlParameterSource[]::new));
        }
    }

    private MapSqlParameterSource params(String actor, Entry entry, OffsetDateTime at, String addr) {
        return new MapSqlParameterSource()
                .addValue("at", at)
                .addValue("actor", clip(actor, 64))
                .addValue("action", entry.action())
                .addValue("subject", entry.subject())
                .addValue("key", clip(entry.key(), 128))
                .addValue("before", toJson(entry.before()))
                .addValue("after", toJson(entry.after()))
                .addValue("addr", addr);
    }

    /** A failed sign-in may name anything as its username; the entry keeps what fits rather than failing. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private String toJson(Map<String, ?> state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            return principal.getUsername();
        }
        return SYSTEM;
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
