package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.CommitmentsClient.card;
import static org.ronghe.partylife.CommitmentsClient.commitment;
import static org.ronghe.partylife.CommitmentsClient.promise;
import static org.ronghe.partylife.CommitmentsClient.thisYear;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.partylife.commitment.Fulfilment;
import org.ronghe.partylife.commitment.MemberCommitments;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Members' 三亮 commitments: a measurable commitment's fulfilment moves with the records — a visit recorded, the call
 * of a problem heard on it closed solved, a meeting decision's call closed, service hours confirmed — and never with
 * what anyone types; an untargeted one is never fulfilled; cards are revised with their history and nothing is deleted.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_commitments")
class CommitmentTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MemberCommitments memberCommitments;

    CommitmentsClient client;
    String me;

    @BeforeEach
    void client() {
        client = new CommitmentsClient(context);
        me = client.codeOf("member");
    }

    /** Publishes the member's own card with one commitment of the kind, its target one more than the records show now. */
    private JsonNode promiseOneMore(String text, String kind) {
        JsonNode card = client.ok("member", "/api/v1/commitments", card(null, List.of("联系结对社区"),
                promise(text, "target", kind, "count", 1000)));
        long actual = commitment(card, text).get("actual").asLong();
        long id = commitment(card, text).get("id").asLong();
        card = client.ok("member", "/api/v1/commitments", card(null, List.of("联系结对社区"),
                promise(text, "id", id, "target", kind, "count", actual + 1)));
        JsonNode c = commitment(card, text);
        assertThat(c.get("fulfilled").asBoolean()).isFalse();
        assertThat(c.get("required").asLong()).isEqualTo(actual + 1);
        return c;
    }

    @Test
    void a_commitment_to_visit_households_is_fulfilled_when_the_visit_is_recorded() {
        JsonNode before = promiseOneMore("走访结对社区住户", "HOUSEHOLDS_VISITED");
        long household = client.unvisitedHousehold(client.organOf(me));

        Api.Response visit = client.post("member", "/api/v1/visits", Map.of("household", household, "heard", "住户一切安好"));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);

        JsonNode after = commitment(client.cardOf("street", me), "走访结对社区住户");
        assertThat(after.get("actual").asLong()).isEqualTo(before.get("actual").asLong() + 1);
        assertThat(after.get("fulfilled").asBoolean()).isTrue();
        assertThat(after.get("percent").asInt()).isEqualTo(100);
        assertThat(client.read("committee", "/api/v1/commitments?member=" + me + "&fulfilled=true&year=" + thisYear()).toString())
                .contains("走访结对社区住户");
    }

    @Test
    void a_commitment_to_resolve_problems_moves_only_when_the_call_raised_on_the_visit_closes_solved() {
        promiseOneMore("办结走访中听到的诉求", "PROBLEMS_RESOLVED");
        long household = client.unvisitedHousehold(client.organOf(me));
        Api.Response visit = client.post("member", "/api/v1/visits", Map.of("household", household, "heard", "住户反映路灯不亮",
                "problems", List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"))));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        long call = visit.json().get("problems").get(0).get("callId").asLong();
        assertThat(commitment(client.cardOf("member", me), "办结走访中听到的诉求").get("fulfilled").asBoolean())
                .as("heard, not yet resolved").isFalse();

        client.close(call, true);

        JsonNode after = commitment(client.cardOf("member", me), "办结走访中听到的诉求");
        assertThat(after.get("fulfilled").asBoolean()).isTrue();
        assertThat(after.get("progress").asString()).isEqualTo(after.get("actual").asLong() + " / " + after.get("required").asLong() + " 件");
    }

    @Test
    void a_call_closed_but_rated_unsolved_does_not_count_as_a_problem_resolved() {
        JsonNode before = promiseOneMore("解决群众反映的问题", "PROBLEMS_RESOLVED");
        long household = client.unvisitedHousehold(client.organOf(me));
        Api.Response visit = client.post("member", "/api/v1/visits", Map.of("household", household, "heard", "住户反映噪音",
                "problems", List.of(Map.of("summary", "小区路面破损积水", "category", "MUNICIPAL"))));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        client.close(visit.json().get("problems").get(0).get("callId").asLong(), false);
        JsonNode after = commitment(client.cardOf("member", me), "解决群众反映的问题");
        assertThat(after.get("actual").asLong()).isEqualTo(before.get("actual").asLong());
        assertThat(after.get("fulfilled").asBoolean()).isFalse();
    }

    @Test
    void a_commitment_to_deliver_a_decision_is_fulfilled_when_the_decisions_call_closes() {
        String branch = client.branchOf(me);
        Map<String, Object> meeting = new LinkedHashMap<>(MeetingsClient.meeting(branch, "THEMED_DAY", LocalDate.now().minusDays(1).toString(),
                me, List.of(me), true));
        meeting.put("decisions", List.of(Map.of("text", "为独居老人开展助餐服务", "call", Map.of("category", "ELDERLY", "community",
                CommitmentsClient.COMMUNITY)), "整理支部台账"));
        JsonNode recorded = client.ok("committee", "/api/v1/meetings", meeting);
        long meetingId = recorded.get("meeting").get("id").asLong();
        long call = recorded.get("decisions").get(0).get("callId").asLong();

        JsonNode card = client.ok("member", "/api/v1/commitments", card(null, List.of("联系结对社区"),
                promise("带头落实助餐服务决定", "target", "DECISION_DELIVERED", "meeting", meetingId, "decision", 1),
                promise("整理支部台账", "target", "DECISION_DELIVERED", "meeting", meetingId, "decision", 2)));
        assertThat(commitment(card, "带头落实助餐服务决定").get("progress").asString()).isEqualTo("未落实");
        assertThat(commitment(card, "带头落实助餐服务决定").get("fulfilled").asBoolean()).isFalse();

        client.close(call, true);

        JsonNode after = client.cardOf("member", me);
        assertThat(commitment(after, "带头落实助餐服务决定").get("fulfilled").asBoolean()).isTrue();
        assertThat(commitment(after, "带头落实助餐服务决定").get("progress").asString()).isEqualTo("已落实");
        assertThat(commitment(after, "整理支部台账").get("fulfilled").asBoolean()).as("a decision that produced nothing").isFalse();
    }

    @Test
    void service_hours_count_only_once_the_community_confirms_them() {
        String username = client.calls.account("cmt-hours", "MEMBER", newcomer());
        String code = client.codeOf(username);
        long checkIn = client.ok(username, "/api/v1/checkins", Map.of()).get("id").asLong();
        client.ok("community", "/api/v1/checkins/" + checkIn + "/confirm", null);
        JsonNode card = client.ok(username, "/api/v1/commitments", card(null, List.of("参加社区志愿服务"),
                promise("社区服务不少于 3 小时", "target", "SERVICE_HOURS", "count", 3)));
        assertThat(commitment(card, "社区服务不少于 3 小时").get("actual").decimalValue()).isEqualByComparingTo("0");

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        long logged = client.ok(username, "/api/v1/service-logs", Map.of("date", today, "hours", 3, "note", "社区值班")).get("id").asLong();
        long rejected = client.ok(username, "/api/v1/service-logs", Map.of("date", today, "hours", 2, "note", "社区值班")).get("id").asLong();
        assertThat(commitment(client.cardOf(username, code), "社区服务不少于 3 小时").get("fulfilled").asBoolean())
                .as("logged, not confirmed").isFalse();
        client.ok("community", "/api/v1/service-logs/" + rejected + "/reject", Map.of("reason", "未见记录"));
        assertThat(commitment(client.cardOf(username, code), "社区服务不少于 3 小时").get("actual").decimalValue()).isEqualByComparingTo("0");

        client.ok("community", "/api/v1/service-logs/" + logged + "/confirm", Map.of("remark", "认真负责"));
        JsonNode after = commitment(client.cardOf(username, code), "社区服务不少于 3 小时");
        assertThat(after.get("actual").decimalValue()).isEqualByComparingTo("3");
        assertThat(after.get("fulfilled").asBoolean()).isTrue();
        assertThat(after.get("progress").asString()).isEqualTo("3 / 3 小时");
    }

    /** A member living in the community account's community, with no account and no check-in yet. */
    private String newcomer() {
        return client.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN community c ON c.id = m.community_id WHERE c.code = :c
                AND NOT EXISTS (SELECT 1 FROM service_checkin ci WHERE ci.member_id = m.id)
                AND NOT EXISTS (SELECT 1 FROM account a WHERE a.scope_code = m.code)""").param("c", CommitmentsClient.COMMUNITY)
                .query(String.class).single();
    }

    @Test
    void a_commitment_without_a_target_is_shown_as_not_measurable_and_never_fulfilled() {
        JsonNode card = client.ok("secretary", "/api/v1/commitments", card(me, List.of("按时参加组织生活"),
                promise("立足岗位作表率"), promise("走访结对社区", "target", "HOUSEHOLDS_VISITED", "count", 1000)));
        JsonNode plain = commitment(card, "立足岗位作表率");
        assertThat(plain.get("measurable").asBoolean()).isFalse();
        assertThat(plain.get("fulfilled").asBoolean()).isFalse();
        assertThat(plain.get("progress").asString()).isEqualTo("不可量化");
        assertThat(card.get("measurable").asLong()).isEqualTo(1);
        String mine = "?member=" + me + "&year=" + thisYear();
        assertThat(CommitmentsClient.texts(client.read("committee", "/api/v1/commitments" + mine + "&measurable=false")))
                .containsExactly("立足岗位作表率");
        assertThat(CommitmentsClient.texts(client.read("committee", "/api/v1/commitments" + mine + "&fulfilled=false")))
                .containsExactly("走访结对社区");
        assertThat(CommitmentsClient.texts(client.read("committee", "/api/v1/commitments" + mine + "&fulfilled=true"))).isEmpty();
        // Identity comes from the directory: nothing typed, no phone or ID number.
        assertThat(card.get("member").get("name").asString()).isEqualTo(client.jdbc.sql("SELECT name FROM member WHERE code = :c")
                .param("c", me).query(String.class).single());
        assertThat(card.toString()).doesNotContain("phone", "idNumber");
    }

    @Test
    void a_revision_keeps_changes_adds_and_withdraws_with_events_and_audit_and_deletes_nothing() {
        JsonNode first = client.ok("member", "/api/v1/commitments", card(null, List.of("按时交纳党费"),
                promise("学习党章"), promise("服务群众", "target", "SERVICE_HOURS", "count", 10)), "Idempotency-Key", "rev-1");
        long study = commitment(first, "学习党章").get("id").asLong();
        long serve = commitment(first, "服务群众").get("id").asLong();
        int version = first.get("version").asInt();

        JsonNode revised = client.ok("member", "/api/v1/commitments", Map.of("version", version, "duties", List.of("按时交纳党费", "联系群众"),
                "commitments", List.of(promise("学习党章和党的创新理论", "id", study), promise("走访住户", "target", "HOUSEHOLDS_VISITED",
                        "count", 5))));
        assertThat(revised.get("version").asInt()).isEqualTo(version + 1);
        assertThat(revised.get("duties").toString()).contains("联系群众");
        assertThat(commitment(revised, "学习党章和党的创新理论").get("id").asLong()).isEqualTo(study);
        JsonNode dropped = revised.get("commitments").valueStream().filter(c -> c.get("id").asLong() == serve).findFirst().orElseThrow();
        assertThat(dropped.get("withdrawn").asBoolean()).isTrue();
        assertThat(dropped.get("withdrawnReason").asString()).isEqualTo("修订承诺卡时撤回");
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM commitment WHERE id = :id").param("id", serve).query(Long.class).single()).isEqualTo(1);

        long card = revised.get("cardId").asLong();
        assertThat(client.jdbc.sql("SELECT type FROM commitment_event WHERE card_id = :c ORDER BY id DESC LIMIT 4").param("c", card)
                .query(String.class).list()).contains("CARD_REVISED", "COMMITMENT_REVISED", "COMMITMENT_ADDED", "COMMITMENT_WITHDRAWN");
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'COMMITMENT_CARD_REVISED' AND subject_key = :k")
                .param("k", me + "/" + thisYear()).query(Long.class).single()).isPositive();

        // The same key answers the first publication again; a stale version is refused.
        Api.Response replay = client.post("member", "/api/v1/commitments", card(null, List.of("别的"), promise("别的")), "Idempotency-Key", "rev-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("version").asInt()).isEqualTo(version + 1);
        Api.Response stale = client.post("member", "/api/v1/commitments", Map.of("version", version, "commitments", List.of(promise("别的"))));
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);

        // Withdrawn explicitly: with a reason, once; it stays on the card.
        long walk = commitment(revised, "走访住户").get("id").asLong();
        assertThat(client.post("member", "/api/v1/commitments/" + walk + "/withdraw", Map.of()).status()).isEqualTo(400);
        JsonNode withdrawn = client.ok("member", "/api/v1/commitments/" + walk + "/withdraw", Map.of("reason", "调整工作岗位"));
        assertThat(withdrawn.get("commitments").toString()).contains("调整工作岗位");
        assertThat(client.post("member", "/api/v1/commitments/" + walk + "/withdraw", Map.of("reason", "再次撤回")).status()).isEqualTo(409);
        assertThat(client.total("committee", "?member=" + me + "&q=走访住户")).isZero();
    }

    @Test
    void the_figures_equal_the_lists_they_link_to() {
        for (String user : List.of("committee", "secretary", "member", "street")) {
            JsonNode figures = client.read(user, "/api/v1/figures");
            assertThat(figures.get("commitments").asLong()).as(user)
                    .isEqualTo(client.total(user, "?year=" + thisYear() + "&measurable=true"));
            assertThat(figures.get("commitmentsFulfilled").asLong()).as(user)
                    .isEqualTo(client.total(user, "?year=" + thisYear() + "&fulfilled=true"));
        }
        JsonNode committee = client.read("committee", "/api/v1/figures");
        assertThat(committee.get("commitments").asLong()).isPositive();
        assertThat(committee.get("commitmentsFulfilled").asLong()).isLessThanOrEqualTo(committee.get("commitments").asLong());
        assertThat(client.read("street", "/api/v1/figures").get("commitments").asLong()).isZero();
    }

    @Test
    void the_review_tally_per_member_equals_the_members_list() {
        long id = client.jdbc.sql("SELECT id FROM member WHERE code = :c").param("c", me).query(Long.class).single();
        long other = client.jdbc.sql("SELECT MAX(id) FROM member").query(Long.class).single();
        Map<Long, Fulfilment.Tally> tally = memberCommitments.of(List.of(id, other), thisYear());
        String mine = "?member=" + me + "&year=" + thisYear();
        assertThat(tally.get(id).commitments()).isEqualTo(client.total("committee", mine));
        assertThat(tally.get(id).measurable()).isEqualTo(client.total("committee", mine + "&measurable=true"));
        assertThat(tally.get(id).fulfilled()).isEqualTo(client.total("committee", mine + "&fulfilled=true"));
        assertThat(tally).containsKey(other);
        assertThat(memberCommitments.of(List.of(id), 2001).get(id)).isEqualTo(Fulfilment.Tally.NONE);
    }

    @Test
    void a_member_sees_their_branchs_commitments_never_a_peer_branchs_and_publishes_only_their_own() {
        client.ok("member", "/api/v1/commitments", card(null, List.of("联系群众"), promise("本人的承诺 scope")));
        String peer = client.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code <> :o""")
                .param("o", client.organOf(me)).query(String.class).single();
        client.ok("committee", "/api/v1/commitments", card(peer, List.of("联系群众"), promise("别处党员的承诺 scope")));

        assertThat(client.read("member", "/api/v1/commitments?q=scope&size=200").toString()).contains("本人的承诺 scope")
                .doesNotContain("别处党员的承诺 scope");
        assertThat(client.read("secretary", "/api/v1/commitments?q=scope&size=200").toString()).contains("本人的承诺 scope")
                .doesNotContain("别处党员的承诺 scope");
        assertThat(client.read("committee", "/api/v1/commitments?q=scope&size=200").toString()).contains("本人的承诺 scope", "别处党员的承诺 scope");
        assertThat(client.total("street", "?q=scope")).isZero();

        assertThat(client.post("member", "/api/v1/commitments", card(peer, List.of(), promise("代人承诺"))).status()).isEqualTo(403);
        assertThat(client.post("secretary", "/api/v1/commitments", card(peer, List.of(), promise("代人承诺"))).status()).isEqualTo(403);
        assertThat(client.post("street", "/api/v1/commitments", card(me, List.of(), promise("代人承诺"))).status()).isEqualTo(403);
        long foreign = commitment(client.cardOf("member", peer), "别处党员的承诺 scope").get("id").asLong();
        assertThat(client.post("member", "/api/v1/commitments/" + foreign + "/withdraw", Map.of("reason", "越权")).status()).isEqualTo(403);
        assertThat(client.post("secretary", "/api/v1/commitments/" + foreign + "/withdraw", Map.of("reason", "越权")).status()).isEqualTo(403);
        // The card itself is public: anyone signed in reads it.
        for (String user : List.of("member", "street", "community", "leader")) {
            assertThat(client.cardOf(user, peer).toString()).as(user).contains("别处党员的承诺 scope");
        }
    }

    @Test
    void bad_input_is_refused_in_chinese_and_changes_nothing() {
        long cards = client.jdbc.sql("SELECT COUNT(*) FROM commitment").query(Long.class).single();
        String other = client.jdbc.sql("""
                SELECT MIN(g.id) FROM meeting g JOIN party_org p ON p.id = g.party_org_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code <> :o AND EXISTS (SELECT 1 FROM meeting_decision d WHERE d.meeting_id = g.id)""")
                .param("o", client.organOf(me)).query(String.class).single();
        Map<String, Object[]> refusals = new LinkedHashMap<>();
        refusals.put("未知的承诺目标类型", new Object[]{promise("x", "target", "LIKES", "count", 3)});
        refusals.put("目标数量应在 1 至 1000 之间", new Object[]{promise("x", "target", "HOUSEHOLDS_VISITED", "count", 0)});
        refusals.put("请填写目标数量", new Object[]{promise("x", "target", "SERVICE_HOURS")});
        refusals.put("须指明会议", new Object[]{promise("x", "target", "DECISION_DELIVERED")});
        refusals.put("只能承诺落实本人所在党组织", new Object[]{promise("x", "target", "DECISION_DELIVERED", "meeting", Long.parseLong(other),
                "decision", 1)});
        refusals.put("会议不存在", new Object[]{promise("x", "target", "DECISION_DELIVERED", "meeting", 987654321, "decision", 1)});
        refusals.put("未选择目标类型", new Object[]{promise("x", "count", 3)});
        refusals.put("承诺内容不能超过 500 个字符", new Object[]{promise("长".repeat(501))});
        refusals.put("请至少填写一项承诺", new Object[]{});
        for (var refusal : refusals.entrySet()) {
            Api.Response refused = client.post("member", "/api/v1/commitments", card(null, List.of("清单"), refusal.getValue()));
            assertThat(refused.status()).as(refusal.getKey() + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.text()).contains(refusal.getKey());
        }
        Api.Response past = client.post("member", "/api/v1/commitments", Map.of("year", 2001, "commitments", List.of(promise("x"))));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text()).contains("承诺卡年度应为今年");
        assertThat(client.post("committee", "/api/v1/commitments", card("NO-SUCH-MEMBER", List.of(), promise("x"))).status()).isEqualTo(404);
        assertThat(client.post("committee", "/api/v1/commitments", card(null, List.of(), promise("x"))).status()).isEqualTo(400);
        assertThat(client.post("member", "/api/v1/commitments/987654321/withdraw", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(client.api.get("member", "/api/v1/commitments?year=abc").status()).isEqualTo(400);
        assertThat(client.api.get("member", "/api/v1/commitments/cards/NO-SUCH-MEMBER").status()).isEqualTo(404);
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM commitment").query(Long.class).single()).isEqualTo(cards);
    }
}
