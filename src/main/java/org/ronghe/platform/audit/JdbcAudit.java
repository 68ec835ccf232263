package org.ronghe.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.platform.Audit;
import org.ronghe.platform.BeforeCommit;
import org.ronghe.platform.security.AccountPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts audit entries at once, in the writer's transaction, and seals them into the chain
 * ({@link AuditChain}) just before that transaction commits: one seal step per transaction however
 * many entries it wrote. Without a transaction the entry and its seal commit together on their own.
 */
@Component
class JdbcAudit implements Audit {

    static final String SYSTEM = "system";
    private static final String INSERT = """
            INSERT INTO audit_log (at, actor, action, subject, subject_key, before_state, after_state, remote_addr)
            VALUES (:at, :actor, :action, :subject, :key, :before, :after, :addr)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditChain chain;
    private final TransactionTemplate transaction;

    JdbcAudit(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock, AuditChain chain,
              PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.chain = chain;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void record(Entry entry) {
        recordAs(currentActor(), entry);
    }

    @Override
    public void recordAs(String actor, Entry entry) {
        recordAllAs(actor, List.of(entry));
    }

    @Override
    public void recordAll(Iterable<Entry> entries) {
        recordAllAs(currentActor(), entries);
    }

    @Override
    public void recordAllAs(String actor, Iterable<Entry> entries) {
        // Both databases keep microseconds: the seal covers the time as it is stored.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String addr = remoteAddress();
        List<MapSqlParameterSource> batch = new ArrayList<>();
        for (Entry entry : entries) {
            batch.add(params(actor, entry, now, addr));
        }
        if (batch.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingSeals().addAll(insert(batch));
        } else {
            transaction.executeWithoutResult(status -> chain.seal(insert(batch)));
        }
    }

    private List<AuditChain.Entry> insert(List<MapSqlParameterSource> batch) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(INSERT, batch.toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != batch.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " ids for " + batch.size() + " audit entries");
        }
        List<AuditChain.Entry> inserted = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MapSqlParameterSource p = batch.get(i);
            long id = ((Number) ids.get(i).values().iterator().next()).longValue();
            inserted.add(new AuditChain.Entry(id, (OffsetDateTime) p.getValue("at"), (String) p.getValue("actor"),
                    (String) p.getValue("action"), (String) p.getValue("subject"), (String) p.getValue("key"),
                    (String) p.getValue("before"), (String) p.getValue("after"), (String) p.getValue("addr")));
        }
        return inserted;
    }

    /** The entries this transaction wrote, sealed by one step before it commits. */
    private List<AuditChain.Entry> pendingSeals() {
        return BeforeCommit.collection(chain, BeforeCommit.SEAL, ArrayList::new, chain::seal);
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
