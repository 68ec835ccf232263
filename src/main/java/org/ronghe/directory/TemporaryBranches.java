package org.ronghe.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Temporary party branches (临时党支部) as other modules found and dissolve them: a party organisation of kind
 * {@link PartyOrgKind#TEMPORARY_BRANCH} under the organisation that approved it (or directly under the committee),
 * placed in the site's community. It never becomes anyone's home organisation: its members keep their own
 * (see {@link #REFUSES_MEMBERS}). Both steps are audited and run in the caller's transaction.
 */
@Service
public class TemporaryBranches {

    /** Why a temporary branch is nobody's home organisation: it recruits nobody and collects no dues. */
    public static final String REFUSES_MEMBERS = "临时党支部不接转组织关系、不发展党员、不收缴党费：党员的组织关系仍在原党组织";

    private final JdbcClient jdbc;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    TemporaryBranches(JdbcClient jdbc, Audit audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** A party organisation as a temporary branch's request names its parent. */
    public record PartyOrgRef(long id, String code, String name, PartyOrgKind kind, Long organId, Long communityId) {
    }

    /**
     * @param code      the new organisation's code
     * @param parentId  the approving organisation, {@code null} directly under the committee
     * @param community the site's community
     */
    public record Founding(String code, String name, Long parentId, long community, LocalDate startsOn) {
    }

    public Optional<PartyOrgRef> partyOrg(String code) {
        return jdbc.sql("SELECT id, code, name, kind, organ_id, community_id FROM party_org WHERE code = :c AND dissolved_on IS NULL")
                .param("c", code).query(TemporaryBranches::ref).optional();
    }

    public Optional<PartyOrgRef> partyOrg(long id) {
        return jdbc.sql("SELECT id, code, name, kind, organ_id, community_id FROM party_org WHERE id = :c")
                .param("c", id).query(TemporaryBranches::ref).optional();
    }

    /** Founds the branch; its organ is the parent's. @return its id */
    public long found(Founding founding) {
        Long organ = founding.parentId() == null ? null
                : jdbc.sql("SELECT organ_id FROM party_org WHERE id = :p").param("p", founding.parentId()).query(Long.class).optional()
                .orElse(null);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO party_org (code, name, kind, parent_id, organ_id, community_id, founded_on, starts_on)
                        VALUES (:code, :name, 'TEMPORARY_BRANCH', :parent, :organ, :community, :on, :on)""")
                .param("code", founding.code()).param("name", founding.name()).param("parent", founding.parentId())
                .param("organ", organ).param("community", founding.community()).param("on", founding.startsOn())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(Audit.Entry.change("PARTY_ORG_FOUNDED", "party_org", founding.code(), null,
                Map.of("kind", PartyOrgKind.TEMPORARY_BRANCH.name(), "name", founding.name(), "startsOn", founding.startsOn().toString())));
        events.publishEvent(new DirectoryChanged("party_org"));
        return id;
    }

    /** Dissolves the branch on a day (its end, if it had none, becomes that day); the record stays. */
    public void dissolve(long partyOrgId, LocalDate on) {
        int changed = jdbc.sql("""
                        UPDATE party_org SET dissolved_on = :on, ends_on = COALESCE(ends_on, :on)
                        WHERE id = :id AND kind = 'TEMPORARY_BRANCH' AND dissolved_on IS NULL""")
                .param("on", on).param("id", partyOrgId).update();
        if (changed == 0) {
            throw new ConflictException("该临时党支部已撤销或不是临时党支部", Map.of("partyOrg", partyOrgId));
        }
        String code = jdbc.sql("SELECT code FROM party_org WHERE id = :id").param("id", partyOrgId).query(String.class).single();
        audit.record(Audit.Entry.change("PARTY_ORG_DISSOLVED", "party_org", code, Map.of("dissolvedOn", ""),
                Map.of("dissolvedOn", on.toString())));
        events.publishEvent(new DirectoryChanged("party_org"));
    }

    private static PartyOrgRef ref(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PartyOrgRef(rs.getLong(1), rs.getString(2), rs.getString(3), PartyOrgKind.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class));
    }
}
