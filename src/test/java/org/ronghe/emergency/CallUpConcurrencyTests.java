package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A call-up of more than 10,000 members answered from 16 threads at once, every tenth member answering twice:
 * every member's answer is recorded exactly once, every second answer is refused with 409, and the coordinator's
 * counts equal the rows.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_callup")
class CallUpConcurrencyTests {

    static final int EXTRA_MEMBERS = 10_000;
    static final CurrentUser COMMITTEE = new CurrentUser(0, "committee", "工委", Role.COMMITTEE_ADMIN, null);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    EmergencyDesk emergencies;
    @Autowired
    CallUpDesk callUps;

    @Test
    void tenThousandMembersAnsweringAtOnceAreEachRecordedOnceAndTheCountsEqualTheRows() throws Exception {
        String community = residents(jdbc, named, EXTRA_MEMBERS, "ZY", "应急党员");

        long id = emergencies.declare(COMMITTEE, new EmergencyDesk.Declaration("E-LOAD", "万人动员演练", "EPIDEMIC", null,
                List.of(new EmergencyDesk.AreaRequest(community, null, "SEALED"))), null).id();
        CallUpDesk.Created called = callUps.callUp(COMMITTEE, id, new CallUpDesk.CallUpRequest("全体居住党员报到", true, null, null, null), null);
        List<String> members = jdbc.sql("SELECT m.code FROM call_up_member cm JOIN member m ON m.id = cm.member_id WHERE cm.call_up_id = :c")
                .param("c", called.id()).query(String.class).list();
        assertThat(called.called()).isEqualTo(members.size()).isGreaterThan(EXTRA_MEMBERS);

        List<String> attempts = new ArrayList<>(members);
        for (int i = 0; i < members.size(); i += 10) {
            attempts.add(members.get(i));
        }
        java.util.Collections.shuffle(attempts, new java.util.Random(521));
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String code : attempts) {
                done.add(pool.submit(() -> {
                    CurrentUser member = new CurrentUser(0, "m-" + code, code, Role.MEMBER, code);
                    boolean cannot = code.hashCode() % 3 == 0;
                    try {
                        callUps.answer(member, id, called.id(), new CallUpDesk.AnswerRequest(cannot ? "CANNOT" : "REPORTING",
                                cannot ? "居家隔离" : null));
                        recorded.incrementAndGet();
                    } catch (ConflictException second) {
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(recorded.get()).isEqualTo(members.size());
        assertThat(refused.get()).isEqualTo(attempts.size() - members.size());
        Map<String, Long> rowsByAnswer = new java.util.HashMap<>();
        jdbc.sql("SELECT answer, COUNT(*) FROM call_up_member WHERE call_up_id = :c GROUP BY answer").param("c", called.id())
                .query((rs, n) -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> rowsByAnswer.put(e.getKey(), e.getValue()));
        assertThat(rowsByAnswer).doesNotContainKey("null");
        long answeredEvents = jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'ANSWERED'")
                .param("e", id).query(Long.class).single();
        assertThat(answeredEvents).isEqualTo(members.size());

        CallUpDesk.Counts counts = callUps.counts(COMMITTEE, id, called.id());
        assertThat(counts.called()).isEqualTo(members.size());
        assertThat(counts.answered()).isEqualTo(members.size());
        assertThat(counts.unanswered()).isZero();
        assertThat(counts.reporting()).isEqualTo(rowsByAnswer.get("REPORTING"));
        assertThat(counts.cannot()).isEqualTo(rowsByAnswer.get("CANNOT"));
        assertThat(counts.reporting() + counts.cannot()).isEqualTo(counts.answered());
        assertThat(counts.posted()).isZero();
    }

    /**
     * Adds {@code count} members living in the district's first community (codes {@code prefix000000}…, set-based),
     * so a call-up of its residents reaches them all. @return the community's code
     */
    static String residents(JdbcClient jdbc, NamedParameterJdbcTemplate named, int count, String prefix, String name) {
        String community = jdbc.sql("SELECT MIN(code) FROM community").query(String.class).single();
        long communityId = jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", community).query(Long.class).single();
        long branch = jdbc.sql("SELECT MIN(id) FROM party_org WHERE kind = 'BRANCH'").query(Long.class).single();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[count];
        for (int i = 0; i < count; i++) {
            rows[i] = new MapSqlParameterSource("code", prefix + "%06d".formatted(i)).addValue("name", name + i)
                    .addValue("org", branch).addValue("community", communityId);
        }
        named.batchUpdate("""
                INSERT INTO member (code, name, gender, status, party_org_id, community_id)
                VALUES (:code, :name, 'M', 'FULL', :org, :community)""", rows);
        return community;
    }
}
