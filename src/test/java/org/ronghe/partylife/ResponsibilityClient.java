package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.support.Api;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The responsibilities API as the tests use it, over the meetings client (the demo district's branches and members). */
class ResponsibilityClient {

    static final String BASE = "/api/v1/responsibilities";

    final MeetingsClient meetings;

    ResponsibilityClient(ApplicationContext context) {
        meetings = new MeetingsClient(context);
    }

    LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The committee issues the organ's letter for the year. */
    JsonNode issue(String organ, int year) {
        return meetings.ok("committee", BASE, Map.of("organ", organ, "year", year));
    }

    static Map<String, Object> item(String list, String text, String owner, LocalDate dueOn, String measure, String kind, Integer target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", list);
        body.put("text", text);
        body.put("owner", owner);
        body.put("dueOn", dueOn.toString());
        if (measure != null) {
            body.put("measure", measure);
        }
        if (kind != null) {
            body.put("meetingKind", kind);
        }
        if (target != null) {
            body.put("target", target);
        }
        return body;
    }

    /** The item at a position of a letter, from the letter's detail. */
    static JsonNode itemAt(JsonNode letter, int position) {
        for (JsonNode list : letter.get("lists")) {
            for (JsonNode item : list.get("items")) {
                if (item.get("position").asInt() == position) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + position + " in " + letter);
    }

    /** The position of the item with this text. */
    static int positionOf(JsonNode letter, String text) {
        for (JsonNode list : letter.get("lists")) {
            for (JsonNode item : list.get("items")) {
                if (item.get("text").asString().equals(text)) {
                    return item.get("position").asInt();
                }
            }
        }
        throw new AssertionError("no item " + text + " in " + letter);
    }

    JsonNode letter(String user, long id) {
        return meetings.read(user, BASE + "/" + id);
    }

    String status(long letter, int position) {
        return itemAt(letter("committee", letter), position).get("status").asString();
    }

    /** Records a meeting of the organisation with the members present; returns its id. */
    long meeting(String user, String org, String kind, LocalDate heldOn, List<String> present) {
        Map<String, Object> body = MeetingsClient.meeting(org, kind, heldOn.toString(), present.get(0), present, true);
        return meetings.ok(user, "/api/v1/meetings", body).get("meeting").get("id").asLong();
    }

    /** The organ's top party organisation (its committee or general branch). */
    String top(String organ) {
        return meetings.jdbc.sql("""
                SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code = :o AND p.parent_id IS NULL""")
                .param("o", organ).query(String.class).single();
    }

    /** The secretary (member code) of a party organisation. */
    String secretaryOf(String org) {
        return meetings.jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :p AND m.position = 'SECRETARY'""")
                .param("p", org).query(String.class).single();
    }

    Api.Response post(String user, String path, Object body, String... headers) {
        return meetings.post(user, path, body, headers);
    }
}
