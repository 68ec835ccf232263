package org.ronghe.partylife;

import java.util.HashSet;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@link PartyLifeScope} of a person: the committee's and a secretary's from the directory, a member's from the tree. */
@Component
public class PartyLifeScopes {

    private final DataScopes dataScopes;
    private final JdbcClient jdbc;

    PartyLifeScopes(DataScopes dataScopes, JdbcClient jdbc) {
        this.dataScopes = dataScopes;
        this.jdbc = jdbc;
    }

    public PartyLifeScope of(CurrentUser user) {
        Role role = user.role();
        if (role.seesWholeTree() || role == Role.ORGAN_SECRETARY) {
            return new PartyLifeScope(dataScopes.of(user), Set.of());
        }
        if (role == Role.MEMBER) {
            DataScope scope = dataScopes.of(user);
            if (scope.self() == null) {
                return PartyLifeScope.none();
            }
            // Their own organisation, those below it and those above it: never a peer's.
            Set<Long> own = new HashSet<>(jdbc.sql("""
                    WITH RECURSIVE tree (id) AS (
                        SELECT party_org_id FROM member WHERE id = :self
                        UNION ALL
                        SELECT p.id FROM party_org p JOIN tree t ON p.parent_id = t.id)
                    SELECT id FROM tree""").param("self", scope.self()).query(Long.class).list());
            own.addAll(jdbc.sql("""
                    WITH RECURSIVE up (id, parent_id) AS (
                        SELECT p.id, p.parent_id FROM party_org p JOIN member m ON m.party_org_id = p.id WHERE m.id = :self
                        UNION ALL
                        SELECT p.id, p.parent_id FROM party_org p JOIN up u ON p.id = u.parent_id)
                    SELECT id FROM up""").param("self", scope.self()).query(Long.class).list());
            return new PartyLifeScope(null, Set.copyOf(own));
        }
        return PartyLifeScope.none();
    }
}
