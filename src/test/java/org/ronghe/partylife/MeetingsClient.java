package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The meetings API as the tests use it, with the demo district's branches and members at hand. */
class MeetingsClient {

    final CallsClient calls;
    final Api api;
    final JdbcClient jdbc;

    MeetingsClient(ApplicationContext context) {
        calls = new CallsClient(context);
        api = context.getBean(Api.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    /** Two branches of organ JG001 (the secretary's) with members, the first with at least three full members. */
    List<String> branches() {
        List<String> found = jdbc.sql("""
                SELECT p.code FROM party_org p JOIN organ o ON o.id = p.organ_id
                WHERE o.code = 'JG001' AND p.kind = 'BRANCH' AND p.dissolved_on IS NULL
                AND (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL') >= 3
                ORDER BY p.code""").query(String.class).list();
        assertThat(found).as("two branches of JG001").hasSizeGreaterThanOrEqualTo(2);
        return found;
    }

    /** The members on the organisation's roll: its own and those of the organisations below it. */
    List<String> members(String org, String status) {
        return jdbc.sql("""
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM party_org WHERE code = :p
                    UNION ALL
                    SELECT o.id FROM party_org o JOIN tree t ON o.parent_id = t.id)
                SELECT m.code FROM member m WHERE m.party_org_id IN (SELECT id FROM tree) AND m.status = :s ORDER BY m.code""")
                .param("p", org).param("s", status).query(String.class).list();
    }

    static Map<String, Object> meeting(String org, String kind, String heldOn, String chair, List<String> present, boolean firstItem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", org);
        body.put("kind", kind);
        body.put("heldOn", heldOn);
        body.put("place", "机关三楼会议室");
        body.put("chair", chair);
        body.put("firstItemStudy", firstItem);
        if (firstItem) {
            body.put("studyTopic", "学习习近平总书记重要讲话精神");
        }
        body.put("present", present);
        body.put("minutes", "会议讨论了本季度工作安排。");
        body.put("decisions", List.of("开展主题党日活动", "落实结对共建"));
        return body;
    }

    Api.Response post(String user, String path, Object body, String... headers) {
        return calls.post(user, path, body, headers);
    }

    JsonNode ok(String user, String path, Object body, String... headers) {
        Api.Response response = post(user, path, body, headers);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }

    Api.Response get(String user, String path) {
        Api.Response response = api.get(user, path);
        if (response.status() == 401) {
            api.signInAs(user, user.equals("admin") ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD);
            response = api.get(user, path);
        }
        return response;
    }

    JsonNode read(String user, String path) {
        Api.Response response = get(user, path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    /** The status of one cell of an organisation's grid. */
    /** @param key a meeting kind, or {@code LECTURE_BY_SECRETARY} for the secretary's yearly lecture */
    String cell(String user, String org, int year, String key, String period) {
        JsonNode grid = read(user, "/api/v1/compliance?org=" + org + "&year=" + year);
        for (JsonNode line : grid.get("lines")) {
            if (line.get("key").asString().equals(key)) {
                for (JsonNode cell : line.get("cells")) {
                    if (cell.get("period").asString().equals(period)) {
                        return cell.get("status").asString();
                    }
                }
            }
        }
        throw new AssertionError("no cell " + key + " " + period + " in " + grid);
    }
}
