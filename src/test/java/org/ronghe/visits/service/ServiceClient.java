package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The service API as the tests use it, with the demo district's members and communities at hand. */
class ServiceClient {

    static final String COMMUNITY = "440103001001";
    static final String OTHER_COMMUNITY = "440103002001";

    final CallsClient calls;
    final Api api;
    final JdbcClient jdbc;

    ServiceClient(ApplicationContext context) {
        calls = new CallsClient(context);
        api = context.getBean(Api.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    /** A member living in the community who has not reported there yet, with an account of their own. */
    Member newcomer(String username, String community) {
        List<String[]> found = jdbc.sql("""
                        SELECT m.code, o.code FROM member m JOIN community c ON c.id = m.community_id JOIN organ o ON o.id = m.organ_id
                        WHERE c.code = :c AND NOT EXISTS (SELECT 1 FROM service_checkin ci WHERE ci.member_id = m.id)
                        AND NOT EXISTS (SELECT 1 FROM account a WHERE a.scope_code = m.code) ORDER BY m.code""")
                .param("c", community).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(found).as("a member of %s who has not reported", community).isNotEmpty();
        String code = found.get(0)[0];
        calls.account(username, "MEMBER", code);
        return new Member(username, code, found.get(0)[1]);
    }

    record Member(String username, String code, String organ) {
    }

    Api.Response post(String user, String path, Object body, String... headers) {
        return calls.post(user, path, body, headers);
    }

    JsonNode ok(String user, String path, Object body, String... headers) {
        Api.Response response = post(user, path, body, headers);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }

    JsonNode get(String user, String path) {
        Api.Response response = api.get(user, path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
