package org.ronghe.calls.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered Open311 clients. An administrator registers a client and is shown its api_key once;
 * only the SHA-256 of the key is stored, so a copy of the database does not let anyone raise calls.
 */
@Service
class Open311Clients {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;

    Open311Clients(JdbcClient jdbc, Directory directory, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Registered register(CurrentUser user, String name, String communityCode) {
        requireAdministrator(user);
        String clientName = name == null ? "" : name.strip();
        if (clientName.isEmpty() || clientName.length() > 100) {
            throw new IllegalArgumentException("客户端名称不能为空，且不超过 100 个字符");
        }
        Directory.CommunityRef community = null;
        if (communityCode != null && !communityCode.isBlank()) {
            community = directory.community(communityCode.strip())
                    .orElseThrow(() -> new IllegalArgumentException("社区编码不存在：" + communityCode));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO open311_client (name, key_hash, community_id, created_at, enabled)
                        VALUES (:name, :hash, :community, :at, TRUE)""")
                .param("name", clientName).param("hash", hash(apiKey))
                .param("community", community == null ? null : community.id(), java.sql.Types.BIGINT)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Long.class) != null ? key.getKeyAs(Long.class) : key.getKey().longValue();
        Map<String, Object> after = new HashMap<>();
        after.put("name", clientName);
        after.put("community", community == null ? null : community.code());
        after.put("enabled", true);
        audit.record(Audit.Entry.change("OPEN311_CLIENT_REGISTERED", "open311_client", String.valueOf(id), null, after));
        return new Registered(id, clientName, community == null ? null : community.code(), apiKey);
    }

    /** Every client, never with its key (which is not kept). */
    List<ClientRow> list(CurrentUser user) {
        requireAdministrator(user);
        return jdbc.sql("""
                        SELECT c.id, c.name, m.code AS community_code, m.name AS community_name, c.created_at, c.enabled
                        FROM open311_client c LEFT JOIN community m ON m.id = c.community_id ORDER BY c.id""")
                .query((rs, n) -> new ClientRow(rs.getLong("id"), rs.getString("name"), rs.getString("community_code"),
                        rs.getString("community_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("enabled")))
                .list();
    }

    /** Enables or disables a client; a disabled client's key is refused with 403. */
    @Transactional
    void enable(CurrentUser user, long id, boolean enabled) {
        requireAdministrator(user);
        Boolean before = jdbc.sql("SELECT enabled FROM open311_client WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElseThrow(() -> new NotFoundException("Open311 客户端", String.valueOf(id)));
        jdbc.sql("UPDATE open311_client SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update();
        audit.record(Audit.Entry.change(enabled ? "OPEN311_CLIENT_ENABLED" : "OPEN311_CLIENT_DISABLED", "open311_client",
                String.valueOf(id), Map.of("enabled", before), Map.of("enabled", enabled)));
    }

    /** The enabled client holding this key, if any. */
    Optional<Client> byKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, community_id FROM open311_client WHERE key_hash = :h AND enabled")
                .param("h", hash(apiKey.strip()))
                .query((rs, n) -> new Client(rs.getLong("id"), rs.getString("name"),
                        (Long) rs.getObject("community_id", Long.class)))
                .optional();
    }

    private static void requireAdministrator(CurrentUser user) {
        if (!user.administers()) {
            throw new AccessDeniedException("只有系统管理员或区直机关工委可以管理 Open311 客户端");
        }
    }

    static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client as the API sees it. */
    record Client(long id, String name, Long communityId) {

        /** The name its calls are raised under; no account can be named so (usernames have no colon). */
        String actor() {
            return "open311:" + id;
        }
    }

    /** @param apiKey shown once, at registration */
    record Registered(long id, String name, String community, String apiKey) {
    }

    record ClientRow(long id, String name, String community, String communityName, Instant createdAt, boolean enabled) {
    }
}
