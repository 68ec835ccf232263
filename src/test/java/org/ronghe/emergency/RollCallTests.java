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
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The coordinator records by phone the answers of thousands of members while those members answer for themselves on
 * their phones: every member ends up answered exactly once, with one event each, the roll-call reports the members
 * who had answered first, and the counts equal the rows. A roll-call with a bad entry records nothing.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_roll_call")
class RollCallTests {

    static final int EXTRA_MEMBERS = 3_000;
    static final CurrentUser COMMITTEE = new CurrentUser(0, "committee", "工委", Role.COMMITTEE_ADMIN, null);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    EmergencyDesk emergencies;
    @Autowired
    CallUpDesk callUps;

    @Test
    void theCoordinatorsRollCallAndTheMembersOwnAnswersRecordEveryMemberOnce() throws Exception {
        String community = CallUpConcurrencyTests.residents(jdbc, named, EXTRA_MEMBERS, "RC", "电话报到党员");
        long id = emergencies.declare(COMMITTEE, new EmergencyDesk.Declaration("E-ROLL", "电话报到演练", "FLOOD", null,
                List.of(new EmergencyDesk.AreaRequest(community, null, "SEALED"))), null).id();
        CallUpDesk.Created called = callUps.callUp(COMMITTEE, id, new CallUpDesk.CallUpRequest("全体居住党员报到", true, null, null, null), null);
        List<String> members = jdbc.sql("SELECT m.code FROM call_up_member cm JOIN member m ON m.id = cm.member_id WHERE cm.call_up_id = :c ORDER BY m.code")
                .param("c", called.id()).query(String.class).list();
        assertThat(members).hasSizeGreaterThan(EXTRA_MEMBERS);

        // A bad entry anywhere: nothing is recorded, every bad entry is named.
        CallsClient calls = new CallsClient(context);
        String path = "/api/v1/emergencies/" + id + "/call-ups/" + called.id() + "/answers";
        Api.Response refused = calls.post("committee", path, Map.of("answers", List.of(
                Map.of("member", members.get(0), "answer", "REPORTING"), Map.of("member", "NOSUCH1", "answer", "REPORTING"),
                Map.of("member", members.get(1), "answer", "CANNOT"))));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("NOSUCH1").contains("党员编号不存在").contains("不能参加的原因");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c AND answer IS NOT NULL").param("c", called.id())
                .query(Long.class).single()).isZero();

        // Every member is in the coordinator's roll-call (a third CANNOT); half of them also answer themselves, at once.
        List<CallUpDesk.RollCallEntry> entries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            entries.add(i % 3 == 0 ? new CallUpDesk.RollCallEntry(members.get(i), "CANNOT", "出差在外")
                    : new CallUpDesk.RollCallEntry(members.get(i), "REPORTING", null));
        }
        AtomicInteger ownAnswers = new AtomicInteger();
        AtomicInteger refusedOwn = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CallUpDesk.RollCall rollCall;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < members.size(); i += 2) {
                String code = members.get(i);
                done.add(pool.submit(() -> {
                    try {
                        callUps.answer(new CurrentUser(0, "m-" + code, code, Role.MEMBER, code), id, called.id(),
                                new CallUpDesk.AnswerRequest("REPORTING", null));
                        ownAnswers.incrementAndGet();
                    } catch (ConflictException second) {
                        refusedOwn.incrementAndGet();
                    }
                }));
            }
            Future<CallUpDesk.RollCall> coordinator = pool.submit(() -> callUps.rollCall(COMMITTEE, id, called.id(),
                    new CallUpDesk.RollCallRequest(entries), "roll-1"));
            rollCall = coordinator.get(5, TimeUnit.MINUTES);
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rollCall.entries()).isEqualTo(members.size());
        assertThat(rollCall.recorded() + ownAnswers.get()).isEqualTo(members.size());
        assertThat(rollCall.alreadyAnswered()).hasSize(ownAnswers.get());
        assertThat(refusedOwn.get()).isEqualTo((members.size() + 1) / 2 - ownAnswers.get());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c AND answer IS NULL").param("c", called.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c AND roll_call_id = :r").param("c", called.id())
                .param("r", rollCall.id()).query(Long.class).single()).isEqualTo(rollCall.recorded());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'ANSWERED'").param("e", id)
                .query(Long.class).single()).isEqualTo(members.size());
        assertThat(jdbc.sql("SELECT recorded FROM roll_call WHERE id = :r").param("r", rollCall.id()).query(Integer.class).single())
                .isEqualTo(rollCall.recorded());

        CallUpDesk.Counts counts = callUps.counts(COMMITTEE, id, called.id());
        assertThat(counts.answered()).isEqualTo(members.size());
        assertThat(counts.unanswered()).isZero();
        assertThat(counts.reporting() + counts.cannot()).isEqualTo(members.size());

        // The same key replays; a second roll-call over the same members records nothing new.
        assertThat(callUps.rollCall(COMMITTEE, id, called.id(), new CallUpDesk.RollCallRequest(entries), "roll-1").replayed()).isTrue();
        Api.Response again = calls.post("committee", path, Map.of("answers", List.of(Map.of("member", members.get(0), "answer", "REPORTING"))));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("rollCall").get("recorded").asInt()).isZero();
        assertThat(again.json().get("rollCall").get("alreadyAnswered").get(0).asString()).isEqualTo(members.get(0));
        assertThat(again.json().get("counts").get("answered").asLong()).isEqualTo(members.size());
    }

    @Test
    void aRollCallThatStoppedPartWayIsFinishedByItsRetryWithTheSameKey() {
        String community = jdbc.sql("SELECT MAX(c.code) FROM community c JOIN member m ON m.community_id = c.id").query(String.class).single();
        long id = emergencies.declare(COMMITTEE, new EmergencyDesk.Declaration("E-ROLL-2", "中断的电话报到", "FLOOD", null,
                List.of(new EmergencyDesk.AreaRequest(community, null, "SEALED"))), null).id();
        CallUpDesk.Created called = callUps.callUp(COMMITTEE, id, new CallUpDesk.CallUpRequest("居住党员报到", true, null, null, null), null);
        List<Long> members = jdbc.sql("SELECT member_id FROM call_up_member WHERE call_up_id = :c ORDER BY member_id")
                .param("c", called.id()).query(Long.class).list();
        List<CallUpDesk.RollCallEntry> entries = jdbc.sql("""
                        SELECT m.code FROM call_up_member cm JOIN member m ON m.id = cm.member_id WHERE cm.call_up_id = :c ORDER BY m.id""")
                .param("c", called.id()).query(String.class).list().stream()
                .map(code -> new CallUpDesk.RollCallEntry(code, "REPORTING", null)).toList();
        assertThat(members).hasSizeGreaterThan(4);
        // As a roll-call leaves it when its second chunk's transaction fails: started, its first members recorded.
        int first = 3;
        jdbc.sql("""
                INSERT INTO roll_call (call_up_id, recorded_at, recorded_by, entries, recorded, idempotency_key)
                VALUES (:c, CURRENT_TIMESTAMP, 'committee', :n, :k, 'roll-stopped')""")
                .param("c", called.id()).param("n", members.size()).param("k", first).update();
        long rollCallId = jdbc.sql("SELECT id FROM roll_call WHERE idempotency_key = 'roll-stopped'").query(Long.class).single();
        jdbc.sql("""
                UPDATE call_up_member SET answer = 'REPORTING', answered_at = CURRENT_TIMESTAMP, roll_call_id = :r
                WHERE call_up_id = :c AND member_id IN (:ids)""")
                .param("r", rollCallId).param("c", called.id()).param("ids", members.subList(0, first)).update();

        CallUpDesk.RollCall retried = callUps.rollCall(COMMITTEE, id, called.id(), new CallUpDesk.RollCallRequest(entries), "roll-stopped");
        assertThat(retried.id()).isEqualTo(rollCallId);
        assertThat(retried.recorded()).isEqualTo(members.size());
        assertThat(retried.alreadyAnswered()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c AND answer IS NULL").param("c", called.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'ANSWERED'").param("e", id)
                .query(Long.class).single()).isEqualTo(members.size() - first);
        // Finished now: the same key replays and records nothing.
        CallUpDesk.RollCall replayed = callUps.rollCall(COMMITTEE, id, called.id(), new CallUpDesk.RollCallRequest(entries), "roll-stopped");
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.recorded()).isEqualTo(members.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind = 'ANSWERED'").param("e", id)
                .query(Long.class).single()).isEqualTo(members.size() - first);
    }
}
