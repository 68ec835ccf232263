package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.security.Refusals.assertProblem;
import static org.ronghe.security.Refusals.assertRefused;
import static org.ronghe.security.Refusals.excerpt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseUnchanged;
import org.ronghe.support.Hostile;
import org.ronghe.support.RongheProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and hostile input against every JSON endpoint (the writes, the reads with their parameters,
 * ids in paths, the token endpoint, other methods): every refusal is a 4xx problem detail with a
 * Chinese explanation, never a 5xx; no write with a bad part succeeds; and the database (every
 * table, {@link DatabaseUnchanged}) is the same after each property as before it. Open311 has its own
 * class ({@link Open311BadInputTests}); uploads are checked in {@link UploadChecksTests}.
 */
@RongheProperties
@DatabaseUnchanged
@TestPropertySource(properties = "ronghe.test.schema=bad_input")
class BadInputTests implements DatabaseUnchanged.Prepared {

    static final List<String> USERS = List.of("admin", "committee", "secretary", "member", "street", "community", "leader");
    static final List<String> CODES = List.of("JG001", "JG002", "440103001", "440103001001", "ELDERLY", "MUNICIPAL",
            "DY000001", "JG001-001", "LD01");

    /** The calls, directive and accounts the properties aim at, made once per application (and database) before the first snapshot. */
    static final Map<ApplicationContext, BadInputFixture> FIXTURES = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    Api api;
    @Autowired
    JsonMapper json;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void prepare() {
        fixture();
    }

    BadInputFixture fixture() {
        return fixture(context, api);
    }

    static synchronized BadInputFixture fixture(ApplicationContext context, Api api) {
        BadInputFixture fixture = FIXTURES.get(context);
        if (fixture == null) {
            fixture = BadInputFixture.create(new CallsClient(context), api);
            FIXTURES.put(context, fixture);
        }
        return fixture;
    }

    // ---------------------------------------------------------------- writes

    @Property(tries = 200)
    void aWriteWithAnyInvalidPartIsRefusedAndChangesNothing(@ForAll("invalidWrites") Sent sent) {
        assertRefused(send(sent), sent.toString());
    }

    @Property(tries = 80)
    void aBodyThatIsNoJsonObjectIsRefusedAndChangesNothing(@ForAll("writesWithABody") Write write,
                                                           @ForAll("malformedBodies") Malformed body) {
        Api.Response response = api.send(write.user(), () -> {
            var request = MockMvcRequestBuilders.post(write.path()).content(body.content());
            return body.contentType() == null ? request : request.contentType(body.contentType());
        });
        assertRefused(response, write.label() + " with " + body);
    }

    @Property(tries = 100)
    void aStepTheCallDoesNotOfferIsRefusedAndChangesNothing(@ForAll("callTargets") String target,
                                                            @ForAll("stepUsers") String user, @ForAll("steps") Step step) {
        long id = fixture().calls().get(target);
        Api.Response view = api.get(user, "/api/v1/calls/" + id);
        boolean offered = view.status() == 200 && view.json().get("actions").toString().contains("\"" + step.action() + "\"");
        Assume.that(!offered);
        Api.Response response = api.send(user, () -> step.body() == null
                ? MockMvcRequestBuilders.post("/api/v1/calls/" + id + "/" + step.path())
                : MockMvcRequestBuilders.post("/api/v1/calls/" + id + "/" + step.path())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(step.body())));
        assertRefused(response, step.action() + " on the " + target + " call by " + user);
    }

    // ---------------------------------------------------------------- paths, methods, reads

    @Property(tries = 150)
    void anIdThatIsNoIdIsRefused(@ForAll("operationsWithAnId") Operation operation, @ForAll("notIds") String id,
                                 @ForAll("users") String user) {
        Api.Response response = api.send(user, () -> operation.request(id, json));
        assertRefused(response, operation + " with id " + Sent.shorten(id) + " by " + user);
    }

    @Property(tries = 200)
    void hostileQueryParametersNeverFailAndNeverWidenTheScope(@ForAll("reads") Read read, @ForAll("users") String user,
                                                             @ForAll("parameterValues") List<String> values) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < read.params().size() && i < values.size(); i++) {
            if (values.get(i) != null) {
                params.put(read.params().get(i), values.get(i));
            }
        }
        Api.Response response = api.send(user, () -> {
            var request = MockMvcRequestBuilders.get(read.path()).accept(MediaType.APPLICATION_JSON);
            params.forEach(request::param);
            return request;
        });
        String what = "GET " + read.path() + " " + Sent.shorten(params.toString()) + " by " + user;
        if (response.status() == 200) {
            // a read may answer a file (the annual report's Word draft): only JSON lists have a total to compare
            boolean json = response.contentType() != null && response.contentType().contains("json");
            JsonNode answer = json ? response.json() : null;
            if (answer != null && answer.has("total")) {
                long unfiltered = api.get(user, read.path()).json().get("total").asLong();
                assertThat(answer.get("total").asLong()).as("%s: total within the unfiltered list", what).isLessThanOrEqualTo(unfiltered);
            }
        } else {
            assertRefused(response, what);
        }
    }

    @Example
    void anIdIsPlainDecimalDigitsNotHexOrAnotherScriptsDigits() {
        long call = fixture().calls().get("accepted");
        assertThat(api.get("committee", "/api/v1/calls/" + call).status()).isEqualTo(200);
        // A leading zero is still decimal (Spring alone reads "010" as octal 8).
        assertThat(api.get("committee", "/api/v1/calls/00" + call).json().get("id").asLong()).isEqualTo(call);
        for (String id : List.of("0x" + Long.toHexString(call), "#" + call, Hostile.fullWidth(String.valueOf(call)),
                String.valueOf(call).chars().mapToObj(c -> String.valueOf((char) (c - '0' + '\u0660'))).reduce("", String::concat))) {
            assertRefused(api.send("committee", () -> MockMvcRequestBuilders.get("/api/v1/calls/{id}", id)), "call " + id);
        }
    }

    @Property(tries = 40)
    void anotherMethodOnAnyPathIsRefusedAndChangesNothing(@ForAll("operationsWithAnId") Operation operation,
                                                          @ForAll("otherMethods") HttpMethod method) {
        String path = operation.path().replace("{id}", operation.validId());
        Api.Response response = api.send("committee", () -> MockMvcRequestBuilders.request(method, path)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertRefused(response, method + " " + path);
    }

    @Property(tries = 40)
    void anUnknownApiPathIsRefused(@ForAll("unknownPaths") String path, @ForAll("users") String user) {
        assertRefused(api.send(user, () -> MockMvcRequestBuilders.get("/api/v1/{path}", path)), "GET /api/v1/" + path);
    }

    // ---------------------------------------------------------------- tokens

    @Property(tries = 60)
    void hostileCredentialsGetNoToken(@ForAll("credentials") Map<String, Object> credentials) {
        Api.Response response = api.send(null, () -> MockMvcRequestBuilders.post("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON).content(escaped(json.writeValueAsString(credentials))));
        assertThat(response.status()).as(excerpt(response)).isIn(400, 401);
        assertProblem(response, "token for " + Sent.shorten(credentials.toString()));
    }

    @Property(tries = 40)
    void aHostileAuthorizationHeaderIsRefused(@ForAll("authorizations") String authorization) {
        Api.Response response = api.send(null, () -> MockMvcRequestBuilders.get("/api/v1/figures")
                .header(HttpHeaders.AUTHORIZATION, authorization));
        assertThat(response.status()).as(excerpt(response)).isIn(400, 401);
        assertProblem(response, "Authorization: " + Sent.shorten(authorization));
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.of(USERS);
    }

    @Provide
    Arbitrary<String> stepUsers() {
        return Arbitraries.of(fixture().stepUsers());
    }

    @Provide
    Arbitrary<String> callTargets() {
        return Arbitraries.of(fixture().calls().keySet());
    }

    @Provide
    Arbitrary<Step> steps() {
        Instant later = Instant.now().plus(Duration.ofDays(60));
        return Arbitraries.of(
                new Step("DISPATCH", "dispatch", Map.of("lead", "JG002")),
                new Step("ACCEPT", "accept", null),
                new Step("RETURN", "return", Map.of("reason", "不属于本单位职责")),
                new Step("REPLY", "reply", Map.of("text", "已处理完毕")),
                new Step("EXTEND", "extend", Map.of("until", later.toString(), "reason", "需要多部门协调")),
                new Step("DECIDE_EXTENSION", "extend", Map.of("approve", true)),
                new Step("RATE", "rate", Map.of("rating", "SATISFIED", "solved", true)),
                new Step("REOPEN", "reopen", Map.of("reason", "仍未解决")),
                new Step("WHISTLE", "whistle", Map.of("organs", List.of("JG003"))),
                new Step("CHECK_IN", "checkin", null));
    }

    @Provide
    Arbitrary<Write> writesWithABody() {
        return Arbitraries.of(fixture().writes().stream().filter(Write::bodyRequired).toList());
    }

    @Provide
    Arbitrary<Sent> invalidWrites() {
        return Arbitraries.of(fixture().writes()).flatMap(write -> {
            Arbitrary<List<Mutation>> noise = noise(write).list().ofMaxSize(2);
            Arbitrary<List<Mutation>> invalid = invalidating(write).list().ofMinSize(1).ofMaxSize(3);
            Arbitrary<Map<String, Object>> extra = Arbitraries.of(Map.<String, Object>of(),
                    Map.of("id", 1, "state", "CLOSED", "raisedBy", "admin"), Map.of("__proto__", Map.of("admin", true)),
                    Map.of("role", "SYSTEM_ADMIN", "enabled", true));
            return Combinators.combine(noise, invalid, extra).as((n, i, e) -> {
                Map<String, Object> body = new LinkedHashMap<>(e);
                body.putAll(write.body());
                n.forEach(m -> m.change().apply(body));
                i.forEach(m -> m.change().apply(body));
                List<Mutation> all = new ArrayList<>(n);
                all.addAll(i);
                return new Sent(write, body, all);
            });
        });
    }

    private Arbitrary<Mutation> noise(Write write) {
        List<Arbitrary<Mutation>> choices = new ArrayList<>();
        for (Field field : write.fields()) {
            if (field.kind() == Kind.TEXT) {
                choices.add(Hostile.text().map(t -> Mutation.set(field.name(), t, "text " + Sent.shorten(t))));
            }
        }
        return choices.isEmpty() ? Arbitraries.just(new Mutation("nothing", b -> b)) : Arbitraries.oneOf(choices);
    }

    /** Changes each of which alone makes the request one the platform must refuse. */
    private Arbitrary<Mutation> invalidating(Write write) {
        List<Arbitrary<Mutation>> choices = new ArrayList<>();
        for (Field f : write.fields()) {
            String name = f.name();
            Arbitrary<Object> wrongType = switch (f.kind()) {
                case TEXT, CODE, ENUM, INSTANT -> Hostile.notAString();
                case BOOL, NUMBER -> Hostile.notAScalar();
                case CODES -> Arbitraries.of("JG002", Map.of(), List.of(Map.of()), List.of(List.of()));
            };
            choices.add(wrongType.map(v -> Mutation.set(name, v, "wrong type " + v)));
            if (f.required()) {
                choices.add(Arbitraries.just(new Mutation("no " + name, b -> {
                    b.remove(name);
                    return b;
                })));
                choices.add(Arbitraries.just(Mutation.set(name, null, "null " + name)));
            }
            switch (f.kind()) {
                case TEXT -> {
                    choices.add(Hostile.forbidden().map(t -> Mutation.set(name, t, "forbidden characters")));
                    if (f.limit() > 0) {
                        choices.add(Hostile.longerThan(f.limit()).map(t -> Mutation.set(name, t, "length " + t.length())));
                    }
                }
                case CODE, ENUM -> choices.add(Hostile.notACode(CODES).map(c -> Mutation.set(name, c, "unknown " + Sent.shorten(c))));
                case CODES -> choices.add(Hostile.notACode(CODES).map(c -> Mutation.set(name, List.of(c), "unknown " + Sent.shorten(c))));
                case NUMBER -> choices.add(Arbitraries.of(1000.0, -1000.0, 1e308, "NaN", "Infinity", "-Infinity")
                        .map(v -> Mutation.set(name, v, "out of range " + v)));
                case INSTANT -> choices.add(Arbitraries.of("2025-02-30T00:00:00Z", "昨天", "0", "+999999999-12-31T23:59:59Z",
                        "1970-01-01T00:00:00Z").map(v -> Mutation.set(name, v, "no good instant " + v)));
                default -> {
                }
            }
        }
        return Arbitraries.oneOf(choices);
    }

    @Provide
    Arbitrary<Malformed> malformedBodies() {
        String json = MediaType.APPLICATION_JSON_VALUE;
        return Arbitraries.of(
                new Malformed(json, "{".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "{\"title\": \"未结束".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "[]".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "\"text\"".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "42".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "null".getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, new byte[0]),
                new Malformed(json, ("{\"a\":" + "[".repeat(5000)).getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, "x".repeat(Hostile.HUGE).getBytes(StandardCharsets.UTF_8)),
                new Malformed(json, new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                new Malformed(json, "{\"title\": 'single quotes'}".getBytes(StandardCharsets.UTF_8)),
                new Malformed(MediaType.TEXT_PLAIN_VALUE, "title=路灯".getBytes(StandardCharsets.UTF_8)),
                new Malformed(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "title=x&category=ELDERLY".getBytes(StandardCharsets.UTF_8)),
                new Malformed(MediaType.APPLICATION_XML_VALUE, "<a><b></a>".getBytes(StandardCharsets.UTF_8)),
                new Malformed(null, "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<Operation> operationsWithAnId() {
        return Arbitraries.of(fixture().operationsWithAnId());
    }

    @Provide
    Arbitrary<String> notIds() {
        return Hostile.notAnId();
    }

    @Provide
    Arbitrary<HttpMethod> otherMethods() {
        return Arbitraries.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    }

    @Provide
    Arbitrary<String> unknownPaths() {
        return Arbitraries.oneOf(Arbitraries.of("calls/1/delete", "calls/1/close", "directory", "admin", "accounts/admin/delete",
                "directory/members/DY000001/delete", "figures/all", "directory/exports/members.csv", "v2/calls", "../../actuator/env"),
                Hostile.text().map(t -> "calls/" + t));
    }

    @Provide
    Arbitrary<Read> reads() {
        return Arbitraries.of(BadInputFixture.READS);
    }

    @Provide
    Arbitrary<List<String>> parameterValues() {
        Arbitrary<String> value = Arbitraries.oneOf(Hostile.text(), Hostile.forbidden(), Hostile.notAnId(),
                Hostile.notACode(CODES).filter(c -> c.length() < 4000), Hostile.longerThan(64, 4000),
                Arbitraries.of("", " ", "true", "false", "-1", "2147483648", "OPEN", "closed", "2025-02-30", "organ", "ORGAN"));
        return value.injectNull(0.4).list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Map<String, Object>> credentials() {
        Arbitrary<Object> username = Arbitraries.oneOf(Hostile.text().map(t -> (Object) t), Hostile.forbidden().map(t -> (Object) t),
                Hostile.notAString(), Hostile.longerThan(64).map(t -> (Object) t), Arbitraries.just(null));
        Arbitrary<Object> password = Arbitraries.oneOf(Hostile.text().map(t -> (Object) t), Hostile.forbidden().map(t -> (Object) t),
                Hostile.notAString(), Arbitraries.just("x".repeat(Hostile.HUGE)), Arbitraries.just(null));
        return Combinators.combine(username, password).as((u, p) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", u);
            body.put("password", p);
            return body;
        });
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Arbitraries.oneOf(Arbitraries.of("", "Bearer", "Bearer ", "Basic YWRtaW46QWRtaW4jVGVzdDE=", "bearer x",
                        "Bearer " + "a".repeat(8000), "Bearer null", "Token abc"),
                Hostile.text().map(t -> "Bearer " + t), Hostile.notACode(CODES).filter(c -> c.length() < 8000).map(t -> "Bearer " + t));
    }

    private Api.Response send(Sent sent) {
        return api.send(sent.write().user(), () -> MockMvcRequestBuilders.post(sent.write().path())
                .contentType(MediaType.APPLICATION_JSON).content(escaped(json.writeValueAsString(sent.body()))));
    }

    /** JSON with every surrogate escaped, so a lone one reaches the server as written instead of as "?" in UTF-8. */
    static String escaped(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.chars().forEach(c -> {
            if (Character.isSurrogate((char) c)) {
                out.append("\\u%04x".formatted(c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    // ---------------------------------------------------------------- the model of the endpoints

    enum Kind { TEXT, CODE, ENUM, BOOL, INSTANT, NUMBER, CODES }

    /** A field of a request body; {@code limit} is the longest text the platform stores for it (0: no text). */
    record Field(String name, Kind kind, int limit, boolean required) {

        static Field text(String name, int limit, boolean required) {
            return new Field(name, Kind.TEXT, limit, required);
        }

        static Field of(String name, Kind kind, boolean required) {
            return new Field(name, kind, 0, required);
        }
    }

    /** A write as its user would send it successfully: the body given is valid for the target as it stands. */
    record Write(String label, String user, String path, Map<String, Object> body, List<Field> fields, boolean bodyRequired) {

        @Override
        public String toString() {
            return label;
        }
    }

    record Mutation(String description, UnaryOperator<Map<String, Object>> change) {

        static Mutation set(String name, Object value, String description) {
            return new Mutation(name + ": " + description, b -> {
                b.put(name, value);
                return b;
            });
        }

        @Override
        public String toString() {
            return description;
        }
    }

    record Sent(Write write, Map<String, Object> body, List<Mutation> mutations) {

        static String shorten(String text) {
            return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "…(" + text.length() + ")";
        }

        @Override
        public String toString() {
            return write.label() + " by " + write.user() + " with " + mutations;
        }
    }

    record Malformed(String contentType, byte[] content) {

        @Override
        public String toString() {
            return contentType + ": " + Sent.shorten(new String(content, StandardCharsets.UTF_8));
        }
    }

    record Step(String action, String path, Map<String, Object> body) {

        @Override
        public String toString() {
            return action;
        }
    }

    /** A GET list and the parameters it takes. */
    record Read(String path, List<String> params) {

        @Override
        public String toString() {
            return path;
        }
    }

    /** An operation with an id in its path, the valid id it is given elsewhere, and how to send it. */
    record Operation(HttpMethod method, String path, String validId, Object body, boolean multipart) {

        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request(String id, JsonMapper json) {
            if (multipart) {
                return MockMvcRequestBuilders.multipart(path, id).file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "x.csv", "text/csv", "编码\n1\n".getBytes(StandardCharsets.UTF_8)));
            }
            var request = MockMvcRequestBuilders.request(method, path, id);
            return body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Set<String> roles() {
        return Set.copyOf(USERS);
    }
}
