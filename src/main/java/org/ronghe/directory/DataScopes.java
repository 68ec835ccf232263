package org.ronghe.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.platform.TimedCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Works out a person's {@link DataScope} from their role and the place their account is anchored to:
 * <ul>
 * <li>administrators and the work committee: everything (only the work committee sees personal data);</li>
 * <li>organ secretary: the organ, its party tree and members, its paired communities (and their streets);</li>
 * <li>street staff: the street, its communities and their resident members;</li>
 * <li>community staff: the community and its resident members;</li>
 * <li>leader: the streets they liaise with, their communities and resident members;</li>
 * <li>member: their own record, their branch and its members, their organ with its party organisations and
 * pairings (the communities their organ serves), their residential community with its grids, and the
 * leaders liaising with its street.</li>
 * </ul>
 */
@Service
public class DataScopes {

    private final JdbcClient jdbc;
    private final TimedCache<CurrentUser, DataScope> cache = new TimedCache<>(java.time.Duration.ofSeconds(30));

    DataScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @org.springframework.context.event.EventListener
    void on(DirectoryChanged changed) {
        cache.clear();
    }

    /** The person's scope, read again at most every 30 seconds (and at once after an import on this node). */
    public DataScope of(CurrentUser user) {
        return cache.get(user, this::resolve);
    }

    private DataScope resolve(CurrentUser user) {
        Role role = user.role();
        if (role.seesWholeTree()) {
            return DataScope.everything(role == Role.COMMITTEE_ADMIN);
        }
        String code = user.scopeCode();
        if (code == null) {
            return DataScope.nothing();
        }
        return switch (role) {
            case ORGAN_SECRETARY -> organSecretary(code);
            case STREET_STAFF -> streets(ids("SELECT id FROM street WHERE code = :c", code), null);
            case LEADER -> leader(code);
            case COMMUNITY_STAFF -> community(code);
            case MEMBER -> member(code);
            default -> DataScope.nothing();
        };
    }

    private DataScope organSecretary(String organCode) {
        Set<Long> organ = ids("SELECT id FROM organ WHERE code = :c", organCode);
        Set<Long> communities = ids("""
                SELECT p.community_id FROM pairing p JOIN organ o ON o.id = p.organ_id
                WHERE o.code = :c AND p.ended_on IS NULL""", organCode);
        Set<Long> streets = streetsOf(communities);
        return new DataScope(false, streets, communities, organ, leadersOf(streets, Set.of()),
                organ, Set.of(), Set.of(), null, false, organ);
    }

    private DataScope leader(String leaderCode) {
        Set<Long> self = ids("SELECT id FROM leader WHERE code = :c", leaderCode);
        Set<Long> streets = ids("""
                SELECT l.street_id FROM liaison l JOIN leader d ON d.id = l.leader_id
                WHERE d.code = :c AND l.ended_on IS NULL""", leaderCode);
        return streets(streets, self);
    }

    private DataScope streets(Set<Long> streets, Set<Long> selfLeader) {
        Set<Long> communities = streets.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql(
                        "SELECT id FROM community WHERE street_id IN (:s)")
                .param("s", streets).query(Long.class).list());
        return new DataScope(false, streets, communities, Set.of(), leadersOf(streets, selfLeader),
                Set.of(), Set.of(), communities, null, false, Set.of());
    }

    private DataScope community(String communityCode) {
        Set<Long> community = ids("SELECT id FROM community WHERE code = :c", communityCode);
        Set<Long> street = streetsOf(community);
        return new DataScope(false, street, community, Set.of(), leadersOf(street, Set.of()),
                Set.of(), Set.of(), community, null, false, Set.of());
    }

    private DataScope member(String memberCode) {
        record Self(long id, long partyOrg, Long organ, Long community) {
        }
        List<Self> found = jdbc.sql("SELECT id, party_org_id, organ_id, community_id FROM member WHERE code = :c")
                .param("c", memberCode)
                .query((rs, n) -> new Self(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        (Long) rs.getObject(4, Long.class)))
                .list();
        if (found.isEmpty()) {
            return DataScope.nothing();
        }
        Self self = found.get(0);
        Set<Long> community = self.community() == null ? Set.of() : Set.of(self.community());
        Set<Long> organ = self.organ() == null ? Set.of() : Set.of(self.organ());
        Set<Long> street = streetsOf(community);
        return new DataScope(false, street, community, organ, leadersOf(street, Set.of()),
                Set.of(), Set.of(self.partyOrg()), Set.of(), self.id(), false, Set.of());
    }

    private Set<Long> streetsOf(Set<Long> communities) {
        if (communities.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT street_id FROM community WHERE id IN (:c)")
                .param("c", communities).query(Long.class).list());
    }

    /** The leaders liaising with these streets, so a street's page can name them. */
    private Set<Long> leadersOf(Set<Long> streets, Set<Long> also) {
        Set<Long> leaders = new HashSet<>(also == null ? Set.of() : also);
        if (!streets.isEmpty()) {
            leaders.addAll(jdbc.sql("SELECT leader_id FROM liaison WHERE street_id IN (:s) AND ended_on IS NULL")
                    .param("s", streets).query(Long.class).list());
        }
        return Set.copyOf(leaders);
    }

    private Set<Long> ids(String sql, String code) {
        return Set.copyOf(jdbc.sql(sql).param("c", code).query(Long.class).list());
    }
}
