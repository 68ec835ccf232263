package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The commitments API as the tests use it, with the visits and calls that move a commitment at hand. */
class CommitmentsClient {

    static final String COMMUNITY = "440103001001";

    final CallsClient calls;
    final Api api;
    final JdbcClient jdbc;

    CommitmentsClient(ApplicationContext context) {
        calls = new CallsClient(context);
        api = context.getBean(Api.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    /** The member code behind an account. */
    String codeOf(String username) {
        return jdbc.sql("SELECT scope_code FROM account WHERE username = :u").param("u", username).query(String.class).single();
    }

    static Map<String, Object> card(String member, List<String> duties, Object... commitments) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (member != null) {
            body.put("member", member);
        }
        body.put("duties", duties);
        body.put("commitments", List.of(commitments));
        return body;
    }

    static Map<String, Object> promise(String text, Object... more) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", text);
        for (int i = 0; i + 1 < more.length; i += 2) {
            c.put((String) more[i], more[i + 1]);
        }
        return c;
    }

    Api.Response post(String user, String path, Object body, String... headers) {
        return calls.post(user, path, body, headers);
    }

    JsonNode ok(String user, String path, Object body, String... headers) {
        Api.Response response = post(user, path, body, headers);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }

    JsonNode read(String user, String path) {
        Api.Response response = api.get(user, path);
        if (response.status() == 401) {
            api.signInAs(user, user.equals("admin") ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD);
            response = api.get(user, path);
        }
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    JsonNode cardOf(String user, String member) {
        return read(user, "/api/v1/commitments/cards/" + member);
    }

    /** The active commitment of the card whose text is {@code text}. */
    static JsonNode commitment(JsonNode card, String text) {
        for (JsonNode c : card.get("commitments")) {
            if (c.get("text").asString().equals(text) && !c.get("withdrawn").asBoolean()) {
                return c;
            }
        }
        throw new AssertionError("no commitment " + text + " in " + card);
    }

    /** A household of a community paired with the organ that no one has visited yet. */
    long unvisitedHousehold(String organ) {
        return jdbc.sql("""
                SELECT h.id FROM household h JOIN pairing p ON p.community_id = h.community_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code = :o AND p.ended_on IS NULL AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)
                ORDER BY h.id LIMIT 1""").param("o", organ).query(Long.class).single();
    }

    String organOf(String member) {
        return jdbc.sql("SELECT o.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE m.code = :m").param("m", member)
                .query(String.class).single();
    }

    String branchOf(String member) {
        return jdbc.sql("SELECT p.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE m.code = :m").param("m", member)
                .query(String.class).single();
    }

    /** Plays a call to its close: the handling organ accepts and replies, the community of the call rates it. */
    void close(long call, boolean solved) {
        String organ = jdbc.sql("SELECT o.code FROM call c JOIN organ o ON o.id = c.lead_organ_id WHERE c.id = :c").param("c", call)
                .query(String.class).single();
        String community = jdbc.sql("SELECT m.code FROM call c JOIN community m ON m.id = c.community_id WHERE c.id = :c")
                .param("c", call).query(String.class).single();
        calls.ok(calls.secretaryOf(organ), call, "accept", null);
        calls.ok(calls.secretaryOf(organ), call, "reply", Map.of("text", "已办理"));
        calls.ok(calls.account("staff-" + community, "COMMUNITY_STAFF", community), call, "rate",
                Map.of("rating", solved ? "SATISFIED" : "UNSATISFIED", "solved", solved));
        assertThat(calls.state(call)).isEqualTo("CLOSED");
    }

    /** The totals of the commitments list for the query. */
    long total(String user, String query) {
        return read(user, "/api/v1/commitments" + query).get("total").asLong();
    }

    static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.get("items").forEach(i -> texts.add(i.get("text").asString()));
        return texts;
    }
}
