package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.desk.ListedCalls;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.CurrentUser;
import org.ronghe.support.Api;
import org.ronghe.support.TestClock;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call API as the scenario tests use it: raise, act, read, with bearer tokens that are renewed
 * when a test has moved the clock past their lifetime; plus counts straight from the tables.
 */
public class CallsClient {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The test clock follows real time from where a test set it, so computed instants are compared within a minute. */
    public static final org.assertj.core.data.TemporalUnitOffset MINUTE =
            new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.MINUTES);

    private final MockMvc mvc;
    private final JsonMapper json;
    private final Api api;
    private final JdbcClient jdbc;

    private final ApplicationContext context;

    public CallsClient(ApplicationContext context) {
        this.context = context;
        this.mvc = context.getBean(MockMvc.class);
        this.json = context.getBean(JsonMapper.class);
        this.api = context.getBean(Api.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** {@code POST path} as the user, with a JSON body (or none) and extra headers given as name, value, …. */
    public Api.Response post(String user, String path, Object body, String... headers) {
        Api.Response response = send(user, path, body, headers);
        if (response.status() == 401) {
            // The token ran out because the test moved the clock: sign in again once.
            api.signInAs(user, user.equals("admin") ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD);
            response = send(user, path, body, headers);
        }
        return response;
    }

    /** A response and the headers that came with it. */
    public record Sent(Api.Response response, Map<String, String> headers) {
    }

    public Sent postWithHeaders(String user, String path, Object body, String... headers) {
        return perform(user, path, body, headers);
    }

    private Api.Response send(String user, String path, Object body, String... headers) {
        return perform(user, path, body, headers).response();
    }

    private Sent perform(String user, String path, Object body, String... headers) {
        try {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(user));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            MvcResult result = mvc.perform(request).andReturn();
            Map<String, String> answered = new LinkedHashMap<>();
            result.getResponse().getHeaderNames().forEach(h -> answered.put(h, result.getResponse().getHeader(h)));
            return new Sent(new Api.Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    result.getResponse().getContentAsByteArray(), json), answered);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the users in beforehand, so that threads racing each other need not. */
    public void signIn(String... users) {
        for (String user : users) {
            api.token(user);
        }
    }

    public Api.Response get(String user, String path) {
        return api.get(user, path);
    }

    /** Raises a call of the category in the raiser's own community (or the one given in {@code more}). */
    public JsonNode raise(String user, String category, String title, Object... more) {
        Api.Response response = post(user, "/api/v1/calls", body(category, title, more));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    public long raiseId(String user, String category, String title, Object... more) {
        return raise(user, category, title, more).get("id").asLong();
    }

    public static Map<String, Object> body(String category, String title, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", title + "，请尽快处理");
        body.put("category", category);
        body.put("contactName", "李女士");
        body.put("contactPhone", "13800138000");
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** {@code POST /api/v1/calls/{id}/{action}}. */
    public Api.Response act(String user, long id, String action, Object body) {
        return post(user, "/api/v1/calls/" + id + "/" + action, body);
    }

    /** Acts and expects 200, giving the call as it now stands. */
    public JsonNode ok(String user, long id, String action, Object body) {
        Api.Response response = act(user, id, action, body);
        assertThat(response.status()).as(action + " by " + user + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    public JsonNode call(String user, long id) {
        Api.Response response = get(user, "/api/v1/calls/" + id);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    public String state(long id) {
        return jdbc.sql("SELECT state FROM call WHERE id = :id").param("id", id).query(String.class).single();
    }

    public long events(long id, CallEvent.Type type) {
        return jdbc.sql("SELECT COUNT(*) FROM call_event WHERE call_id = :id AND type = :t")
                .param("id", id).param("t", type.name()).query(Long.class).single();
    }

    public List<String> eventTypes(long id) {
        return jdbc.sql("SELECT type FROM call_event WHERE call_id = :id ORDER BY id").param("id", id).query(String.class).list();
    }

    public long notices(long id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE call_id = :id AND kind = :k")
                .param("id", id).param("k", kind).query(Long.class).single();
    }

    /** The organ codes a kind of notice on the call went to. */
    public List<String> noticeOrgans(long id, String kind) {
        return jdbc.sql("""
                        SELECT o.code FROM call_notice n JOIN organ o ON o.id = n.organ_id
                        WHERE n.call_id = :id AND n.kind = :k ORDER BY o.code""")
                .param("id", id).param("k", kind).query(String.class).list();
    }

    /** The leader codes a kind of notice on the call went to. */
    public List<String> noticeLeaders(long id, String kind) {
        return jdbc.sql("""
                        SELECT d.code FROM call_notice n JOIN leader d ON d.id = n.leader_id
                        WHERE n.call_id = :id AND n.kind = :k ORDER BY d.code""")
                .param("id", id).param("k", kind).query(String.class).list();
    }

    /** The leaders liaising with a street now, by code. */
    public List<String> liaisonLeaders(String streetCode) {
        return jdbc.sql("""
                        SELECT d.code FROM liaison l JOIN leader d ON d.id = l.leader_id JOIN street s ON s.id = l.street_id
                        WHERE s.code = :s AND l.ended_on IS NULL ORDER BY d.code""")
                .param("s", streetCode).query(String.class).list();
    }

    public Instant instant(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM call_assignment WHERE call_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", id).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
    }

    /** The ids of the calls the user's list would show with the filter: its scope and filter SQL, see {@link ListedCalls}. */
    public List<Long> listed(String user, CallQueries.Filter filter) {
        CurrentUser who = context.getBean(Accounts.class).byUsername(user).orElseThrow();
        return ListedCalls.ids(context.getBean(CallQueries.class), jdbc, context.getBean(CallScopes.class).of(who), filter);
    }

    public List<Long> listed(String user) {
        return listed(user, CallQueries.Filter.none());
    }

    public static CallQueries.Filter byOrgan(String organ) {
        return new CallQueries.Filter(null, organ, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CurrentUser user(String username) {
        return context.getBean(Accounts.class).byUsername(username).orElseThrow();
    }

    /** The ids of the calls the user's list shows through {@code GET /api/v1/calls}. */
    public List<Long> visible(String user, String query) {
        Api.Response response = get(user, "/api/v1/calls?size=100" + (query.isEmpty() ? "" : "&" + query));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /**
     * Creates an account (as the committee) whose owner then replaces the initial password with the demo
     * password, so tokens can be renewed.
     */
    public String account(String username, String role, String scopeCode) {
        if (jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :u").param("u", username).query(Long.class).single() == 0) {
            Api.Response created = post("committee", "/api/v1/accounts", Map.of("username", username, "displayName", username,
                    "role", role, "scopeCode", scopeCode, "password", "Initial#Pass1"));
            assertThat(created.status()).as(created.text()).isBetween(200, 201);
            assertThat(api.changePassword(username, "Initial#Pass1", Api.DEMO_PASSWORD)).isEqualTo(204);
        }
        return username;
    }

    /** The secretary of an organ, created when needed; {@code secretary} for JG001. */
    public String secretaryOf(String organ) {
        return organ.equals("JG001") ? "secretary" : account("sec-" + organ.toLowerCase(), "ORGAN_SECRETARY", organ);
    }

    /** Makes a second organ answer for the category, so its calls wait in the dispatcher queue. */
    public void alsoAnswers(String organ, String category) {
        jdbc.sql("""
                        INSERT INTO organ_duty (organ_id, category_code)
                        SELECT o.id, :c FROM organ o WHERE o.code = :o
                        AND NOT EXISTS (SELECT 1 FROM organ_duty d WHERE d.organ_id = o.id AND d.category_code = :c)""")
                .param("o", organ).param("c", category).update();
        // The directory keeps who answers what for a minute; an import would tell it, so the test does too.
        context.publishEvent(new org.ronghe.directory.DirectoryChanged("organs"));
    }

    /** Moves the test clock forward to a wall-clock time in Shanghai (it only moves forward). */
    public static void moveTo(TestClock clock, LocalDateTime shanghai) {
        moveTo(clock, shanghai.atZone(SHANGHAI).toInstant());
    }

    public static void moveTo(TestClock clock, Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        if (ahead.isNegative()) {
            throw new IllegalArgumentException("the test clock cannot go back to " + target);
        }
        clock.advance(ahead);
    }

    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(field == null ? n.asString() : n.get(field).asString()));
        return values;
    }
}
