package org.ronghe.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What a member's own records show (MemberWork): their visits and the distinct households among them, the problems
 * heard and those whose call closed solved, and only the service hours the community confirmed — over the dates
 * asked, zeros for a member without records.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=visits_member_work")
class MemberWorkTests {

    static final String COMMUNITY = "440103001001";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberWork work;

    @Test
    void a_members_visits_households_solved_problems_and_confirmed_hours_are_counted_over_the_dates_asked() {
        CallsClient calls = new CallsClient(context);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long member = id(jdbc.sql("SELECT scope_code FROM account WHERE username = 'member'").query(String.class).single());
        long idle = jdbc.sql("""
                SELECT MAX(m.id) FROM member m WHERE m.id <> :m AND NOT EXISTS (SELECT 1 FROM service_log l WHERE l.member_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.member_id = m.id)""").param("m", member).query(Long.class).single();
        MemberWork.Record before = work.of(List.of(member), today.withDayOfYear(1), today).get(member);

        List<Long> households = jdbc.sql("""
                SELECT h.id FROM household h JOIN pairing p ON p.community_id = h.community_id JOIN organ o ON o.id = p.organ_id
                JOIN member m ON m.organ_id = o.id WHERE m.id = :m AND p.ended_on IS NULL
                AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id) ORDER BY h.id LIMIT 2""")
                .param("m", member).query(Long.class).list();
        Api.Response first = calls.post("member", "/api/v1/visits", Map.of("household", households.get(0), "heard", "住户反映两个问题",
                "problems", List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"),
                        Map.of("summary", "小区路面破损积水", "category", "MUNICIPAL"))));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(calls.post("member", "/api/v1/visits", Map.of("household", households.get(0), "heard", "再次走访")).status()).isEqualTo(201);
        assertThat(calls.post("member", "/api/v1/visits", Map.of("household", households.get(1), "heard", "一切安好")).status()).isEqualTo(201);
        close(calls, first.json().get("problems").get(0).get("callId").asLong(), true);
        close(calls, first.json().get("problems").get(1).get("callId").asLong(), false);

        String resident = jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN community c ON c.id = m.community_id WHERE c.code = :c
                AND NOT EXISTS (SELECT 1 FROM service_checkin ci WHERE ci.member_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM account a WHERE a.scope_code = m.code)""").param("c", COMMUNITY).query(String.class).single();
        String volunteer = calls.account("mw-volunteer", "MEMBER", resident);
        long checkIn = calls.post(volunteer, "/api/v1/checkins", Map.of()).json().get("id").asLong();
        assertThat(calls.post("community", "/api/v1/checkins/" + checkIn + "/confirm", null).status()).isEqualTo(200);
        long confirmed = calls.post(volunteer, "/api/v1/service-logs", Map.of("date", today.toString(), "hours", 2.5)).json().get("id").asLong();
        assertThat(calls.post(volunteer, "/api/v1/service-logs", Map.of("date", today.toString(), "hours", 1)).status()).isEqualTo(201);
        assertThat(calls.post("community", "/api/v1/service-logs/" + confirmed + "/confirm", Map.of()).status()).isEqualTo(200);

        Map<Long, MemberWork.Record> now = work.of(List.of(member, idle, id(resident)), today.withDayOfYear(1), today);
        MemberWork.Record mine = now.get(member);
        assertThat(mine.visits()).isEqualTo(before.visits() + 3);
        assertThat(mine.householdsVisited()).isEqualTo(before.householdsVisited() + 2);
        assertThat(mine.problemsHeard()).isEqualTo(before.problemsHeard() + 2);
        assertThat(mine.problemsResolved()).isEqualTo(before.problemsResolved() + 1);
        assertThat(now.get(id(resident)).serviceHours()).isEqualByComparingTo("2.5");
        assertThat(now.get(idle)).isEqualTo(MemberWork.Record.none(idle));
        // Dates before the work: none of it.
        MemberWork.Record earlier = work.of(List.of(member), today.minusYears(3), today.minusYears(2)).get(member);
        assertThat(earlier.visits()).isZero();
        assertThat(earlier.serviceHours()).isEqualByComparingTo("0");
    }

    @Test
    void a_district_of_members_read_in_one_pass_gets_the_same_records_as_a_few_looked_up_by_id() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Long> every = new java.util.ArrayList<>(jdbc.sql("SELECT id FROM member ORDER BY id").query(Long.class).list());
        // Past a thousand ids the records are read in one pass; ids of no member simply get zeros.
        for (long fake = -1; every.size() <= 1000; fake--) {
            every.add(fake);
        }
        List<Long> few = jdbc.sql("""
                SELECT DISTINCT member_id FROM visit WHERE member_id IS NOT NULL ORDER BY member_id LIMIT 20""").query(Long.class).list();
        Map<Long, MemberWork.Record> all = work.of(every, today.minusYears(2), today);
        Map<Long, MemberWork.Record> some = work.of(few, today.minusYears(2), today);
        assertThat(all).hasSize(every.size());
        few.forEach(id -> assertThat(all.get(id)).as("member " + id).isEqualTo(some.get(id)));
        assertThat(all.get(-1L)).isEqualTo(MemberWork.Record.none(-1L));
        assertThat(some.values().stream().mapToLong(MemberWork.Record::visits).sum()).isPositive();
    }

    private long id(String code) {
        return jdbc.sql("SELECT id FROM member WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private void close(CallsClient calls, long call, boolean solved) {
        String organ = jdbc.sql("SELECT o.code FROM call c JOIN organ o ON o.id = c.lead_organ_id WHERE c.id = :c").param("c", call)
                .query(String.class).single();
        String community = jdbc.sql("SELECT m.code FROM call c JOIN community m ON m.id = c.community_id WHERE c.id = :c")
                .param("c", call).query(String.class).single();
        calls.ok(calls.secretaryOf(organ), call, "accept", null);
        calls.ok(calls.secretaryOf(organ), call, "reply", Map.of("text", "已办理"));
        calls.ok(calls.account("staff-" + community, "COMMUNITY_STAFF", community), call, "rate",
                Map.of("rating", solved ? "SATISFIED" : "UNSATISFIED", "solved", solved));
    }
}
