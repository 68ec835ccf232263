package org.ronghe.directory.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ronghe.directory.District;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.Audit;
import org.ronghe.platform.Passwords;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo district at the first start, in one transaction, and never again: a marker row
 * records that it was done, and a directory that already holds data is never seeded over.
 */
@Component
@Order(20)
class DemoSeeder implements ApplicationRunner {

    static final String MARKER = "demo.seeded";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final Audit audit;
    private final Clock clock;
    private final District district;
    private final boolean enabled;
    private final DemoSize size;
    private final String demoPassword;
    private final PersonalData personal;

    DemoSeeder(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transactions, Accounts accounts,
               Audit audit, Clock clock, District district, @Value("${ronghe.demo.seed:true}") boolean enabled,
               @Value("${ronghe.demo.size:full}") String size, @Value("${RONGHE_DEMO_PASSWORD:}") String demoPassword,
               PersonalData personal) {
        this.personal = personal;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
        this.enabled = enabled;
        this.size = DemoSize.valueOf(size.trim().toUpperCase());
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM platform_setting WHERE name = :n").param("n", MARKER).query(Long.class).single() > 0) {
            log.info("Demo district already seeded; reusing the data in the database");
            return;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM street").query(Long.class).single() > 0) {
            log.info("The directory already holds data; the demo district is not seeded over it");
            return;
        }
        String password = demoPassword.isBlank() ? Passwords.generate(new SecureRandom()) : demoPassword;
        long started = System.nanoTime();
        log.info("Seeding the demo district ({}) — first start only", size.name().toLowerCase());
        DemoDistrict demo = DemoDistrict.generate(size, DemoDistrict.SEED, LocalDate.now(clock));
        transactions.executeWithoutResult(status -> {
            // The marker goes first: a second node starting at the same moment fails on its primary key and rolls back.
            jdbc.sql("INSERT INTO platform_setting (name, setting_value) VALUES (:n, :v)")
                    .param("n", MARKER).param("v", size.name()).update();
            write(demo);
            DemoAccounts.create(accounts, demo, password,
                    demoPassword.isBlank() ? Accounts.PasswordSource.INITIAL : Accounts.PasswordSource.CONFIGURED);
            audit.record(org.ronghe.platform.Audit.Entry.change("DEMO_SEEDED", "district", district.code(), null,
                    Map.of("size", size.name(), "streets", demo.streets().size(), "communities", demo.communities().size(),
                            "partyOrgs", demo.grassrootsCount(), "members", demo.members().size())));
        });
        log.info("Demo district seeded in {} ms: {} streets, {} communities, {} grids, {} organs, {} party organisations, "
                        + "{} members, {} leaders", (System.nanoTime() - started) / 1_000_000, demo.streets().size(),
                demo.communities().size(), demo.grids().size(), demo.organs().size(), demo.grassrootsCount(),
                demo.members().size(), demo.leaders().size());
        if (demoPassword.isBlank()) {
            log.warn("Demo accounts {} share the generated password: {}  (shown once; set RONGHE_DEMO_PASSWORD to choose it)",
                    DemoAccounts.USERNAMES, password);
        } else {
            log.info("Demo accounts {} use the password from RONGHE_DEMO_PASSWORD", DemoAccounts.USERNAMES);
        }
    }

    private void write(DemoDistrict d) {
        long districtId = district.id();
        insert("INSERT INTO street (code, name, district_id) VALUES (:code, :name, :district)", d.streets(),
                s -> Map.of("code", s.code(), "name", s.name(), "district", districtId));
        Map<String, Long> streets = ids("street");
        insert("""
                INSERT INTO community (code, name, street_id, households, population, latitude, longitude)
                VALUES (:code, :name, :street, :households, :population, :lat, :lng)""", d.communities(),
                c -> Map.of("code", c.code(), "name", c.name(), "street", streets.get(d.streets().get(c.street()).code()),
                        "households", c.households(), "population", c.population(), "lat", c.latitude(), "lng", c.longitude()));
        Map<String, Long> communities = ids("community");
        insert("INSERT INTO grid (code, name, community_id) VALUES (:code, :name, :community)", d.grids(),
                g -> Map.of("code", g.code(), "name", g.name(), "community", communities.get(d.communities().get(g.community()).code())));
        insert("INSERT INTO category (code, name) VALUES (:code, :name)", d.categories(),
                c -> Map.of("code", c.code(), "name", c.name()));
        insert("INSERT INTO organ (code, name, staff_count) VALUES (:code, :name, :staff)", d.organs(),
                o -> Map.of("code", o.code(), "name", o.name(), "staff", o.staff()));
        Map<String, Long> organs = ids("organ");
        List<Map<String, Object>> duties = d.organs().stream()
                .flatMap(o -> o.duties().stream().<Map<String, Object>>map(c -> Map.of("organ", organs.get(o.code()), "category", c)))
                .toList();
        insert("INSERT INTO organ_duty (organ_id, category_code) VALUES (:organ, :category)", duties, m -> m);
        writePartyOrgs(d, organs);
        Map<String, Long> partyOrgs = ids("party_org");
        insert("""
                INSERT INTO member (code, name, gender, birth_date, id_number, id_number_index, phone, status, joined_on,
                                    party_org_id, organ_id, community_id, position, party_affairs_role)
                VALUES (:code, :name, :gender, :birth, :id, :idIndex, :phone, :status, :joined, :partyOrg, :organ, :community,
                        :position, :cadre)""", d.members(),
                m -> params("code", m.code(), "name", m.name(), "gender", m.gender().name(), "birth", m.birthDate(),
                        "id", personal.seal(PersonalData.MEMBER_ID_NUMBER, m.idNumber()), "idIndex", personal.index(m.idNumber()),
                        "phone", personal.seal(PersonalData.MEMBER_PHONE, m.phone()), "status", m.status().name(),
                        "joined", m.joinedOn(),
                        "partyOrg", partyOrgs.get(d.partyOrgs().get(m.partyOrg()).code()),
                        "organ", organs.get(d.organs().get(m.organ()).code()),
                        "community", communities.get(d.communities().get(m.community()).code()),
                        "position", m.position() == null ? null : m.position().name(),
                        "cadre", m.partyAffairsRole() == null ? null : m.partyAffairsRole().name()));
        insert("INSERT INTO leader (code, name, title, phone) VALUES (:code, :name, :title, :phone)", d.leaders(),
                l -> Map.of("code", l.code(), "name", l.name(), "title", l.title(),
                        "phone", personal.seal(PersonalData.LEADER_PHONE, l.phone())));
        Map<String, Long> leaders = ids("leader");
        insert("INSERT INTO liaison (leader_id, street_id, since) VALUES (:leader, :street, :since)", d.liaisons(),
                l -> Map.of("leader", leaders.get(d.leaders().get(l.leader()).code()),
                        "street", streets.get(d.streets().get(l.street()).code()), "since", l.since()));
        insert("INSERT INTO pairing (organ_id, community_id, since) VALUES (:organ, :community, :since)", d.pairings(),
                p -> Map.of("organ", organs.get(d.organs().get(p.organ()).code()),
                        "community", communities.get(d.communities().get(p.community()).code()), "since", p.since()));
    }

    private void writePartyOrgs(DemoDistrict d, Map<String, Long> organs) {
        insert("""
                INSERT INTO party_org (code, name, kind, organ_id, founded_on, term_years, last_election_on, has_committee,
                                       starts_on, ends_on)
                VALUES (:code, :name, :kind, :organ, :founded, :term, :elected, :committee, :starts, :ends)""", d.partyOrgs(),
                p -> params("code", p.code(), "name", p.name(), "kind", p.kind().name(),
                        "organ", organs.get(d.organs().get(p.organ()).code()), "founded", p.foundedOn(),
                        "term", p.termYears(), "elected", p.lastElectionOn(), "committee", p.hasCommittee(),
                        "starts", p.startsOn(), "ends", p.endsOn()));
        Map<String, Long> ids = ids("party_org");
        insert("UPDATE party_org SET parent_id = :parent WHERE id = :id",
                d.partyOrgs().stream().filter(p -> p.parent() >= 0).toList(),
                p -> Map.of("id", ids.get(p.code()), "parent", ids.get(d.partyOrgs().get(p.parent()).code())));
    }

    private <T> void insert(String sql, List<T> rows, Function<T, Map<String, ?>> params) {
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)).stream()
                    .map(r -> new MapSqlParameterSource(new HashMap<>(params.apply(r))))
                    .toArray(MapSqlParameterSource[]::new));
        }
    }

    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT code, id FROM " + table).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
