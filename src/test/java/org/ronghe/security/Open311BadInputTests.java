package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseUnchanged;
import org.ronghe.support.Hostile;
import org.ronghe.support.RongheProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and hostile input against Open311 GeoReport v2: every answer is either a success in the
 * format asked for or the specification's error list (JSON array or XML {@code <errors>} of code and
 * description) with 400, 403 or 404 and a specific Chinese description, never the catch-all "general
 * service error" that stands in for a failure; no request with a bad part is created; nothing changes.
 */
@RongheProperties
@DatabaseUnchanged
@TestPropertySource(properties = "ronghe.test.schema=bad_input")
class Open311BadInputTests implements DatabaseUnchanged.Prepared {

    static final String V2 = "/open311/v2/";
    static final String GENERAL_ERROR = "服务处理失败";

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
        key();
    }

    /** The api_key of the client the bad-input fixture registered (both classes share one database). */
    String key() {
        return BadInputTests.fixture(context, api).open311Key();
    }

    @Property(tries = 120)
    void hostileReadsAnswerWithTheResourceOrTheSpecificationsErrors(@ForAll("resources") String resource,
                                                                  @ForAll("formats") String format,
                                                                  @ForAll("readParameters") Map<String, String> params) {
        Api.Response response = api.send(null, () -> {
            var request = MockMvcRequestBuilders.get(java.net.URI.create(V2
                    + UriUtils.encodePath(resource + "." + format, java.nio.charset.StandardCharsets.UTF_8)));
            params.forEach(request::param);
            return request;
        });
        String what = "GET " + resource + "." + format + " " + BadInputTests.Sent.shorten(params.toString());
        if (response.status() != 200) {
            assertErrors(response, what, format);
        } else {
            parsed(response, what, format);
        }
    }

    @Property(tries = 120)
    void aServiceRequestWithAnyBadPartIsRefusedAndChangesNothing(@ForAll("formats") String format,
                                                                 @ForAll("invalidRequests") Submitted submitted) {
        Api.Response response = api.send(null, () -> {
            var request = MockMvcRequestBuilders.post(V2 + "requests." + format);
            submitted.params().forEach(request::param);
            if (submitted.idempotencyKey() != null) {
                request.header("Idempotency-Key", submitted.idempotencyKey());
            }
            return request;
        });
        assertErrors(response, "POST requests." + format + " with " + submitted, format);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> resources() {
        return Arbitraries.oneOf(Arbitraries.of("discovery", "services", "services/ELDERLY", "requests", "tokens/t1",
                        "requests/1"),
                Hostile.notAnId().map(id -> "requests/" + id), Hostile.notACode(BadInputTests.CODES)
                        .filter(c -> c.length() < 4000 && !c.contains("/")).map(c -> "services/" + c),
                Hostile.text().filter(t -> !t.contains("/")).map(t -> "tokens/" + t));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of("json", "xml")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("JSON", "html", "csv", "json%00", "xml;x", "")));
    }

    @Provide
    Arbitrary<Map<String, String>> readParameters() {
        Arbitrary<String> value = Arbitraries.oneOf(Hostile.text(), Hostile.forbidden(), Hostile.notAnId(),
                Hostile.longerThan(64, 4000), Arbitraries.of("open", "closed", "OPEN,closed", "2025-01-01", "2025-02-30",
                        "2025-01-01T00:00:00Z", "2020-01-01", "2030-01-01T00:00:00+08:00", "440103", "ELDERLY"));
        List<String> names = List.of("jurisdiction_id", "service_code", "service_request_id", "status", "start_date",
                "end_date", "api_key");
        return value.injectNull(0.6).list().ofSize(names.size()).map(values -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (values.get(i) != null) {
                    params.put(names.get(i), values.get(i));
                }
            }
            return params;
        });
    }

    @Provide
    Arbitrary<Submitted> invalidRequests() {
        String key = key();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("api_key", key);
        valid.put("service_code", "ELDERLY");
        valid.put("description", "独居老人需要上门探访");
        valid.put("lat", "23.1091");
        valid.put("long", "113.2381");
        valid.put("address_string", "仁涌社区 3 栋");
        valid.put("first_name", "伯");
        valid.put("last_name", "王");
        valid.put("phone", "13800138000");
        valid.put("email", "resident@example.cn");
        valid.put("account_id", "resident-42");
        Arbitrary<Change> noise = Arbitraries.of("description", "address_string", "first_name", "last_name", "account_id")
                .flatMap(name -> Hostile.text().filter(t -> t.length() <= 20).map(t -> Change.set(name, t)));
        Arbitrary<String> key100 = Arbitraries.oneOf(Hostile.longerThan(100, 400), Hostile.forbidden());
        return Combinators.combine(noise.list().ofMaxSize(2), invalidating().list().ofMinSize(1).ofMaxSize(3),
                key100.injectNull(0.7)).as((n, i, idempotency) -> {
            Map<String, String> params = new LinkedHashMap<>(valid);
            n.forEach(c -> c.change().apply(params));
            i.forEach(c -> c.change().apply(params));
            List<Change> all = new ArrayList<>(n);
            all.addAll(i);
            return new Submitted(params, idempotency, all);
        });
    }

    private Arbitrary<Change> invalidating() {
        return Arbitraries.oneOf(
                Arbitraries.of(Change.remove("api_key"), Change.remove("service_code")),
                Hostile.notACode(BadInputTests.CODES).map(v -> Change.set("api_key", v)),
                Hostile.notACode(BadInputTests.CODES).map(v -> Change.set("service_code", v)),
                Hostile.notACode(BadInputTests.CODES).map(v -> Change.set("jurisdiction_id", v)),
                Hostile.longerThan(4000).map(v -> Change.set("description", v)),
                Hostile.longerThan(300).map(v -> Change.set("address_string", v)),
                Hostile.longerThan(20).map(v -> Change.set("phone", v)),
                Hostile.longerThan(50).map(v -> Change.set("first_name", v)),
                Hostile.longerThan(50).map(v -> Change.set("last_name", v)),
                Arbitraries.of("description", "address_string", "first_name", "last_name", "phone", "email", "account_id")
                        .flatMap(name -> Hostile.forbidden().map(v -> Change.set(name, v))),
                // Out of range for the coordinate it is given to: 91 is a valid longitude, 181 a valid nothing.
                Arbitraries.of("lat", "long").flatMap(name -> Arbitraries.of(name.equals("lat") ? "91" : "181", "-181", "NaN",
                        "Infinity", "0x1p3", "1e400", "23,1", "二十三", "\uFF12\uFF13", "", " ")
                        .map(v -> Change.set(name, v.isEmpty() ? "x" : v))));
    }

    // ---------------------------------------------------------------- answers

    private void assertErrors(Api.Response response, String what, String format) {
        assertThat(response.status()).as("%s answered %s: %s", what, response.status(), Refusals.excerpt(response))
                .isIn(400, 403, 404);
        List<String> descriptions = new ArrayList<>();
        if (response.contentType() != null && response.contentType().contains("json")) {
            JsonNode errors = response.json();
            assertThat(errors.isArray()).as("%s: an error list", what).isTrue();
            errors.forEach(e -> {
                assertThat(e.get("code").asInt()).as(what).isEqualTo(response.status());
                descriptions.add(e.get("description").asString());
            });
        } else {
            Element root = parsed(response, what, "xml");
            assertThat(root.getTagName()).as("%s: %s", what, Refusals.excerpt(response)).isEqualTo("errors");
            var list = root.getElementsByTagName("description");
            for (int i = 0; i < list.getLength(); i++) {
                descriptions.add(list.item(i).getTextContent());
            }
        }
        assertThat(descriptions).as("%s: the errors", what).isNotEmpty()
                .allSatisfy(d -> assertThat(d).as(what).doesNotContain(GENERAL_ERROR)
                        .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)));
    }

    private Element parsed(Api.Response response, String what, String format) {
        if (format.equalsIgnoreCase("json") || response.contentType() != null && response.contentType().contains("json")) {
            assertThat(response.json()).as(what).isNotNull();
            return null;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError(what + " is no well-formed XML: " + Refusals.excerpt(response), e);
        }
    }

    record Change(String description, UnaryOperator<Map<String, String>> change) {

        static Change set(String name, String value) {
            return new Change(name + "=" + BadInputTests.Sent.shorten(value), p -> {
                p.put(name, value);
                return p;
            });
        }

        static Change remove(String name) {
            return new Change("no " + name, p -> {
                p.remove(name);
                return p;
            });
        }

        @Override
        public String toString() {
            return description;
        }
    }

    record Submitted(Map<String, String> params, String idempotencyKey, List<Change> changes) {

        @Override
        public String toString() {
            return changes + (idempotencyKey == null ? "" : " Idempotency-Key " + BadInputTests.Sent.shorten(idempotencyKey));
        }
    }
}
