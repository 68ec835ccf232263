package org.ronghe.calls.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 as a resident's app and a developer use it. Every JSON answer is validated
 * against the official schemas (src/test/resources/open311/georeport-v2/, or ours where the official
 * set has none), every XML answer against the same rules ({@link GeoReportRules}).
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=open311")
class Open311Tests {

    static final String V2 = "/open311/v2/";
    static final String FIRST_COMMUNITY = "440103001001";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    // --- discovery and services -----------------------------------------------------------------

    @Test
    void aDeveloperDiscoversTheEndpointAndItsFormats() {
        JsonNode discovery = json(open311(get(V2 + "discovery.json")), 200, "discovery.json");
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2/");
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");

        Element xml = xml(open311(get(V2 + "discovery.xml")), 200, "discovery.json", "discovery");
        Element xmlEndpoint = GeoReportRules.children(xml).stream().filter(e -> e.getTagName().equals("endpoints"))
                .findFirst().map(e -> GeoReportRules.children(e).get(0)).orElseThrow();
        assertThat(GeoReportRules.text(xmlEndpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(xml(open311(get("/open311/discovery.xml")), 200, "discovery.json", "discovery")).isNotNull();
    }

    @Test
    void everyCallCategoryIsAServiceInBothFormats() {
        JsonNode services = json(open311(get(V2 + "services.json")), 200, "georeport-v2/services.json");
        JsonNode elderly = find(services, "service_code", "ELDERLY");
        assertThat(elderly.get("service_name").asString()).isEqualTo("养老服务");
        assertThat(elderly.get("description").asString()).isEqualTo("养老服务");
        assertThat(elderly.get("metadata").asBoolean()).isFalse();
        assertThat(elderly.get("type").asString()).isEqualTo("realtime");
        assertThat(elderly.get("group").asString()).isEqualTo("有呼必应");
        assertThat(services.size()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM category").query(Integer.class).single());

        Element xml = xml(open311(get(V2 + "services.xml")), 200, "georeport-v2/services.json", "services");
        List<String> codes = GeoReportRules.children(xml).stream().map(s -> GeoReportRules.text(s, "service_code")).toList();
        assertThat(codes).hasSize(services.size()).contains("ELDERLY", "NOISE", "SANITATION");
        assertThat(xml(open311(get(V2 + "services.xml?jurisdiction_id=440103")), 200, "georeport-v2/services.json", "services"))
                .isNotNull();
    }

    @Test
    void aServiceDefinitionIsServedAndAnUnknownServiceIs404() {
        JsonNode definition = json(open311(get(V2 + "services/ELDERLY.json")), 200, "georeport-v2/service-definition.json");
        assertThat(definition.get("service_code").asString()).isEqualTo("ELDERLY");
        assertThat(definition.get("attributes").isArray()).isTrue();
        Element xml = xml(open311(get(V2 + "services/ELDERLY.xml")), 200, "georeport-v2/service-definition.json",
                "service_definition");
        assertThat(GeoReportRules.text(xml, "service_code")).isEqualTo("ELDERLY");

        assertThat(errors(json(open311(get(V2 + "services/NO_SUCH.json")), 404, "errors.json"))).anyMatch(d -> d.contains("NO_SUCH"));
        xml(open311(get(V2 + "services/NO_SUCH.xml")), 404, "errors.json", "errors");
    }

    @Test
    void anotherJurisdictionIs404() {
        json(open311(get(V2 + "services.json?jurisdiction_id=sfgov.org")), 404, "errors.json");
        xml(open311(get(V2 + "requests.xml?jurisdiction_id=sfgov.org")), 404, "errors.json", "errors");
        Client client = register(FIRST_COMMUNITY);
        json(open311(post(V2 + "requests.json").param("api_key", client.key()).param("jurisdiction_id", "sfgov.org")
                .param("service_code", "ELDERLY").param("description", "别处的问题")), 404, "errors.json");
    }

    // --- creating requests ----------------------------------------------------------------------

    @Test
    void aResidentAppReportsAProblemAndFollowsItUntilClosed() throws Exception {
        Client app = register(FIRST_COMMUNITY);
        String description = "小区独居老人王伯近一周没有出门，敲门无人应答，家属在外地联系不上，请社区和民政部门尽快上门看看是否需要帮助。\n他住在 3 栋 502。";
        JsonNode created = json(open311(post(V2 + "requests.json").param("api_key", app.key())
                .param("service_code", "ELDERLY").param("description", description)
                .param("first_name", "伯").param("last_name", "王").param("phone", "13800138000")
                .param("email", "resident@example.cn").param("device_id", "device-1").param("account_id", "resident-42")),
                200, "created.json");
        assertThat(created.size()).isEqualTo(1);
        String id = created.get(0).get("service_request_id").asString();
        assertThat(created.get(0).get("account_id").asString()).isEqualTo("resident-42");
        assertThat(created.get(0).get("service_notice").asString()).contains("区民政局");

        // An ordinary call for the platform: origin OPEN311, routed to the only organ answering for the category.
        JsonNode call = api.get("committee", "/api/v1/calls/" + id).json();
        assertThat(call.get("origin").asString()).isEqualTo("OPEN311");
        assertThat(call.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(call.get("title").asString()).isEqualTo(description.substring(0, 50));
        assertThat(call.get("description").asString()).isEqualTo(description);
        assertThat(call.toString()).contains(FIRST_COMMUNITY);

        JsonNode open = request(id, "json");
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("service_code").asString()).isEqualTo("ELDERLY");
        assertThat(open.get("service_name").asString()).isEqualTo("养老服务");
        assertThat(open.get("agency_responsible").asString()).isEqualTo("区民政局");
        assertThat(open.get("description").asString()).isEqualTo(description);
        assertThat(open.get("status_notes").isNull()).isTrue();
        assertThat(open.get("expected_datetime").asString()).isNotBlank();
        assertThat(OffsetDateTime.parse(open.get("requested_datetime").asString()).getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(open.toString()).doesNotContain("13800138000").doesNotContain("王伯@");

        lifecycle("secretary", "/api/v1/calls/" + id + "/accept", null);
        lifecycle("secretary", "/api/v1/calls/" + id + "/reply", Map.of("text", "已联系家属并上门探访，老人身体无碍，已纳入社区关爱名单。"));
        JsonNode replied = request(id, "json");
        assertThat(replied.get("status").asString()).isEqualTo("open");
        assertThat(replied.get("status_notes").asString()).contains("社区关爱名单");
        assertThat(OffsetDateTime.parse(replied.get("updated_datetime").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(open.get("updated_datetime").asString()));

        lifecycle("community", "/api/v1/calls/" + id + "/rate", Map.of("rating", "SATISFIED", "solved", true));
        JsonNode closed = request(id, "json");
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asString()).contains("社区关爱名单");
        Element closedXml = GeoReportRules.children(xml(open311(get(V2 + "requests/" + id + ".xml")), 200,
                "georeport-v2/requests.json", "service_requests")).get(0);
        assertThat(GeoReportRules.text(closedXml, "status")).isEqualTo("closed");
        assertThat(GeoReportRules.text(closedXml, "service_request_id")).isEqualTo(id);
        assertThat(api.get("committee", "/api/v1/calls/" + id).json().get("state").asString()).isEqualTo("CLOSED");

        // The token of a request leads back to it.
        JsonNode token = json(open311(get(V2 + "tokens/t" + id + ".json")), 200, "tokens.json");
        assertThat(token.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(token.get(0).get("token").asString()).isEqualTo("t" + id);
        Element tokenXml = GeoReportRules.children(xml(open311(get(V2 + "tokens/t" + id + ".xml")), 200, "tokens.json",
                "service_requests")).get(0);
        assertThat(GeoReportRules.text(tokenXml, "service_request_id")).isEqualTo(id);
        json(open311(get(V2 + "tokens/t999999999.json")), 404, "errors.json");
    }

    @Test
    void aReportWithAPointLandsInTheNearestCommunityAndWaitsForTheDispatcherAnsweredInXml() {
        // Two organs answer for noise, so the call waits in the dispatcher queue (the small demo seeds one).
        jdbc.sql("""
                INSERT INTO organ_duty (organ_id, category_code)
                SELECT o.id, 'NOISE' FROM organ o
                WHERE NOT EXISTS (SELECT 1 FROM organ_duty d WHERE d.organ_id = o.id AND d.category_code = 'NOISE')
                ORDER BY o.code LIMIT 1""").update();
        events.publishEvent(new org.ronghe.directory.DirectoryChanged("organs"));
        Client app = register(null);
        Element created = GeoReportRules.children(xml(open311(post(V2 + "requests.xml").param("api_key", app.key())
                .param("service_code", "NOISE").param("lat", "23.1091").param("long", "113.2381")
                .param("address_string", "某路 12 号").param("description", "夜间施工噪声")), 200, "created.json",
                "service_requests")).get(0);
        String id = GeoReportRules.text(created, "service_request_id");
        assertThat(GeoReportRules.text(created, "service_notice")).contains("等待");
        assertThat(GeoReportRules.text(created, "account_id")).isEmpty();

        JsonNode call = api.get("committee", "/api/v1/calls/" + id).json();
        assertThat(call.get("origin").asString()).isEqualTo("OPEN311");
        assertThat(call.get("state").asString()).isEqualTo("RAISED");
        assertThat(call.get("title").asString()).isEqualTo("夜间施工噪声");

        Element request = GeoReportRules.children(xml(open311(get(V2 + "requests/" + id + ".xml")), 200,
                "georeport-v2/requests.json", "service_requests")).get(0);
        assertThat(GeoReportRules.text(request, "status")).isEqualTo("open");
        assertThat(Double.parseDouble(GeoReportRules.text(request, "lat"))).isEqualTo(23.1091);
        assertThat(Double.parseDouble(GeoReportRules.text(request, "long"))).isEqualTo(113.2381);
        assertThat(GeoReportRules.text(request, "address")).isEqualTo("某路 12 号");
        assertThat(GeoReportRules.text(request, "agency_responsible")).isEmpty();
        assertThat(GeoReportRules.text(request, "expected_datetime")).isEmpty();
        JsonNode same = request(id, "json");
        assertThat(same.get("lat").asDouble()).isEqualTo(23.1091);
        assertThat(same.get("agency_responsible").isNull()).isTrue();
    }

    @Test
    void anAddressNamingACommunityPlacesTheCallThereAndWithoutDescriptionTheTitleIsTheService() {
        String name = jdbc.sql("SELECT name FROM community WHERE code = :c").param("c", "440103001002").query(String.class).single();
        Client app = register(null);
        String id = json(open311(post(V2 + "requests.json").param("api_key", app.key()).param("service_code", "SANITATION")
                .param("address_string", "广州市荔湾区" + name + "3 巷 5 号")), 200, "created.json")
                .get(0).get("service_request_id").asString();
        JsonNode call = api.get("committee", "/api/v1/calls/" + id).json();
        assertThat(call.toString()).contains("440103001002");
        assertThat(call.get("title").asString()).isEqualTo("环境卫生");
        assertThat(request(id, "json").get("description").isNull()).isTrue();
    }

    @Test
    void withoutAValidApiKeyNothingIsCreated() throws Exception {
        long before = open311Calls();
        assertThat(errors(json(open311(post(V2 + "requests.json").param("service_code", "ELDERLY")
                .param("lat", "23.1").param("long", "113.2")), 403, "errors.json"))).anyMatch(d -> d.contains("api_key"));
        xml(open311(post(V2 + "requests.xml").param("api_key", "not-a-key").param("service_code", "ELDERLY")
                .param("lat", "23.1").param("long", "113.2")), 403, "errors.json", "errors");

        Client disabled = register(FIRST_COMMUNITY);
        MvcResult off = mvc.perform(post("/api/v1/open311/clients/" + disabled.id() + "/disable")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("admin"))).andReturn();
        assertThat(off.getResponse().getStatus()).isEqualTo(204);
        json(open311(post(V2 + "requests.json").param("api_key", disabled.key()).param("service_code", "ELDERLY")), 403,
                "errors.json");
        assertThat(open311Calls()).isEqualTo(before);
    }

    @Test
    void anUnknownServiceIs404AndAMissingOneIs400() {
        Client app = register(FIRST_COMMUNITY);
        long before = open311Calls();
        assertThat(errors(json(open311(post(V2 + "requests.json").param("api_key", app.key()).param("service_code", "POTHOLE")),
                404, "errors.json"))).anyMatch(d -> d.contains("POTHOLE"));
        assertThat(errors(json(open311(post(V2 + "requests.json").param("api_key", app.key())), 400, "errors.json")))
                .anyMatch(d -> d.contains("service_code"));
        xml(open311(post(V2 + "requests.xml").param("api_key", app.key()).param("service_code", "POTHOLE")), 404,
                "errors.json", "errors");
        assertThat(open311Calls()).isEqualTo(before);
    }

    @Test
    void aReportWithoutALocationFromAClientWithoutACommunityIs400() {
        Client app = register(null);
        long before = open311Calls();
        json(open311(post(V2 + "requests.json").param("api_key", app.key()).param("service_code", "ELDERLY")
                .param("description", "没有位置")), 400, "errors.json");
        json(open311(post(V2 + "requests.json").param("api_key", app.key()).param("service_code", "ELDERLY")
                .param("address_string", "不含任何社区名称的地址")), 400, "errors.json");
        List<String> several = errors(json(open311(post(V2 + "requests.json").param("api_key", app.key())
                .param("service_code", "ELDERLY").param("lat", "north").param("long", "113.2")
                .param("phone", "1".repeat(21))), 400, "errors.json"));
        assertThat(several).hasSizeGreaterThanOrEqualTo(2).anyMatch(d -> d.contains("lat")).anyMatch(d -> d.contains("phone"));
        xml(open311(post(V2 + "requests.xml").param("api_key", app.key()).param("service_code", "ELDERLY")
                .param("lat", "23.1")), 400, "errors.json", "errors");
        assertThat(open311Calls()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyRaisesOneCall() {
        Client app = register(FIRST_COMMUNITY);
        long before = open311Calls();
        MockHttpServletRequestBuilder first = post(V2 + "requests.json").header("Idempotency-Key", "app-submit-1")
                .param("api_key", app.key()).param("service_code", "ELDERLY").param("description", "重复提交测试");
        MockHttpServletRequestBuilder again = post(V2 + "requests.json").header("Idempotency-Key", "app-submit-1")
                .param("api_key", app.key()).param("service_code", "ELDERLY").param("description", "重复提交测试");
        String a = json(open311(first), 200, "created.json").get(0).get("service_request_id").asString();
        Answer replay = open311(again);
        String b = json(replay, 200, "created.json").get(0).get("service_request_id").asString();
        assertThat(b).isEqualTo(a);
        assertThat(open311Calls()).isEqualTo(before + 1);
    }

    // --- reading requests -----------------------------------------------------------------------

    @Test
    void theRequestListFiltersByIdServiceStatusAndDates() {
        Client app = register(FIRST_COMMUNITY);
        String elderly = raise(app, "ELDERLY", "列表测试：养老");
        String noise = raise(app, "NOISE", "列表测试：噪声");

        JsonNode all = json(open311(get(V2 + "requests.json")), 200, "georeport-v2/requests.json");
        assertThat(ids(all)).contains(elderly, noise);

        assertThat(ids(json(open311(get(V2 + "requests.json").param("service_request_id", elderly + "," + noise)
                .param("service_code", "SANITATION")), 200, "georeport-v2/requests.json")))
                .as("service_request_id overrides every other argument").containsExactlyInAnyOrder(elderly, noise);
        assertThat(ids(json(open311(get(V2 + "requests.json").param("service_code", "NOISE")), 200, "georeport-v2/requests.json")))
                .contains(noise).doesNotContain(elderly);
        assertThat(ids(json(open311(get(V2 + "requests.json").param("service_code", "NOISE,ELDERLY")), 200,
                "georeport-v2/requests.json"))).contains(noise, elderly);
        assertThat(ids(json(open311(get(V2 + "requests.json").param("status", "open")), 200, "georeport-v2/requests.json")))
                .contains(noise, elderly);
        assertThat(ids(json(open311(get(V2 + "requests.json").param("status", "closed")), 200, "georeport-v2/requests.json")))
                .doesNotContain(noise, elderly);

        Instant now = Instant.now();
        String from = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String to = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(ids(json(open311(get(V2 + "requests.json").param("start_date", from).param("end_date", to)), 200,
                "georeport-v2/requests.json"))).contains(noise, elderly);
        assertThat(ids(json(open311(get(V2 + "requests.json").param("start_date", "2020-01-01T00:00:00+08:00")
                .param("end_date", "2020-02-01T00:00:00+08:00")), 200, "georeport-v2/requests.json"))).isEmpty();

        Element xml = xml(open311(get(V2 + "requests.xml").param("service_code", "NOISE").param("start_date", from)), 200,
                "georeport-v2/requests.json", "service_requests");
        assertThat(GeoReportRules.children(xml).stream().map(r -> GeoReportRules.text(r, "service_request_id"))).contains(noise);

        json(open311(get(V2 + "requests.json").param("status", "pending")), 400, "errors.json");
        json(open311(get(V2 + "requests.json").param("start_date", "yesterday")), 400, "errors.json");
        assertThat(errors(json(open311(get(V2 + "requests.json").param("start_date", "2020-01-01T00:00:00Z")
                .param("end_date", "2020-06-01T00:00:00Z")), 400, "errors.json"))).anyMatch(d -> d.contains("90"));
        xml(open311(get(V2 + "requests.xml").param("status", "pending")), 400, "errors.json", "errors");
    }

    @Test
    void internalCallsAreNotPublic() throws Exception {
        MvcResult raised = mvc.perform(post("/api/v1/calls").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("community"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"内部诉求\",\"category\":\"SANITATION\",\"contactPhone\":\"13900139000\"}")).andReturn();
        assertThat(raised.getResponse().getStatus()).isEqualTo(201);
        String id = json.readTree(raised.getResponse().getContentAsString()).get("id").asString();

        json(open311(get(V2 + "requests/" + id + ".json")), 404, "errors.json");
        xml(open311(get(V2 + "requests/" + id + ".xml")), 404, "errors.json", "errors");
        json(open311(get(V2 + "tokens/t" + id + ".json")), 404, "errors.json");
        assertThat(ids(json(open311(get(V2 + "requests.json").param("service_request_id", id)), 200,
                "georeport-v2/requests.json"))).isEmpty();
        assertThat(ids(json(open311(get(V2 + "requests.json")), 200, "georeport-v2/requests.json"))).doesNotContain(id);
        json(open311(get(V2 + "requests/not-a-number.json")), 404, "errors.json");
    }

    @Test
    void unknownResourcesAndFormatsAnswerWithTheErrorList() {
        xml(open311(get("/open311/v2/nothing-here")), 404, "errors.json", "errors");
        json(open311(get(V2 + "nothing.json")), 404, "errors.json");
        xml(open311(get(V2 + "services.csv")), 400, "errors.json", "errors");
    }

    // --- clients --------------------------------------------------------------------------------

    @Test
    void onlyAdministratorsRegisterClientsAndKeysAreShownOnce() throws Exception {
        MvcResult refused = mvc.perform(post("/api/v1/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("secretary"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"未授权\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(api.get("community", "/api/v1/open311/clients").status()).isEqualTo(403);
        MvcResult unknownCommunity = mvc.perform(post("/api/v1/open311/clients")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("committee"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"某应用\",\"community\":\"999\"}")).andReturn();
        assertThat(unknownCommunity.getResponse().getStatus()).isEqualTo(400);

        MvcResult created = mvc.perform(post("/api/v1/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("committee"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"街坊随手拍\",\"community\":\"" + FIRST_COMMUNITY + "\"}"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode client = json.readTree(created.getResponse().getContentAsString());
        String key = client.get("apiKey").asString();
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        String stored = jdbc.sql("SELECT key_hash FROM open311_client WHERE id = :id").param("id", client.get("id").asLong())
                .query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(key).isEqualTo(Open311Clients.hash(key));

        var list = api.get("admin", "/api/v1/open311/clients");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("街坊随手拍").doesNotContain(key).doesNotContain(stored).doesNotContain("apiKey");

        var audit = api.get("admin", "/api/v1/audit?action=OPEN311_CLIENT_REGISTERED&size=100");
        assertThat(audit.text()).contains("\"key\":\"" + client.get("id").asLong() + "\"");
    }

    // --- the rules themselves -------------------------------------------------------------------

    @Test
    void theRulesCatchWhatTheSpecificationForbids() {
        JsonNode bad = json.readTree("[{\"service_request_id\":\"1\",\"status\":\"pending\",\"service_code\":\"X\","
                + "\"requested_datetime\":\"yesterday\"}]");
        assertThat(GeoReportRules.jsonErrors("georeport-v2/requests.json", bad)).hasSizeGreaterThanOrEqualTo(2);
        JsonNode missing = json.readTree("[{\"service_code\":\"X\",\"service_name\":\"x\",\"type\":\"realtime\"}]");
        assertThat(GeoReportRules.jsonErrors("georeport-v2/services.json", missing)).isNotEmpty();
        assertThat(GeoReportRules.jsonErrors("errors.json", json.readTree("[]"))).isNotEmpty();

        byte[] badXml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request><service_request_id>1</service_request_id>"
                + "<status>pending</status><service_code></service_code><requested_datetime>2010-01-01 00:00</requested_datetime>"
                + "<lat>north</lat><colour>red</colour></request></service_requests>").getBytes(StandardCharsets.UTF_8);
        assertThat(GeoReportRules.xmlErrors("georeport-v2/requests.json", "service_requests", badXml))
                .anyMatch(e -> e.contains("pending")).anyMatch(e -> e.contains("service_code"))
                .anyMatch(e -> e.contains("requested_datetime")).anyMatch(e -> e.contains("north"))
                .anyMatch(e -> e.contains("colour"));
        byte[] noDeclaration = "<services><service><service_code>X</service_code></service></services>".getBytes(StandardCharsets.UTF_8);
        assertThat(GeoReportRules.xmlErrors("georeport-v2/services.json", "services", noDeclaration))
                .anyMatch(e -> e.contains("declaration")).anyMatch(e -> e.contains("service_name"))
                .anyMatch(e -> e.contains("metadata")).anyMatch(e -> e.contains("type"));
    }

    // --- helpers --------------------------------------------------------------------------------

    record Answer(int status, String contentType, byte[] body) {
    }

    record Client(long id, String key) {
    }

    private Answer open311(MockHttpServletRequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            return new Answer(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    result.getResponse().getContentAsByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON answer with the expected status, valid against the schema; its tree. */
    private JsonNode json(Answer answer, int status, String schema) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(body).isEqualTo(status);
        assertThat(MediaType.parseMediaType(answer.contentType()))
                .isEqualTo(new MediaType("application", "json", StandardCharsets.UTF_8));
        JsonNode tree = json.readTree(body);
        assertThat(GeoReportRules.jsonErrors(schema, tree)).as(body).isEmpty();
        if (status >= 400) {
            tree.forEach(e -> assertThat(e.get("code").asInt()).isEqualTo(status));
        }
        return tree;
    }

    /** An XML answer with the expected status, following the schema's rules; its root element. */
    private Element xml(Answer answer, int status, String schema, String root) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(body).isEqualTo(status);
        assertThat(MediaType.parseMediaType(answer.contentType())).isEqualTo(new MediaType("text", "xml", StandardCharsets.UTF_8));
        assertThat(GeoReportRules.xmlErrors(schema, root, answer.body())).as(body).isEmpty();
        try {
            Element element = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(answer.body())).getDocumentElement();
            if (status >= 400) {
                GeoReportRules.children(element).forEach(e -> assertThat(GeoReportRules.text(e, "code")).isEqualTo(String.valueOf(status)));
            }
            return element;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> errors(JsonNode errors) {
        List<String> descriptions = new ArrayList<>();
        errors.forEach(e -> descriptions.add(e.get("description").asString()));
        return descriptions;
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.get(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }

    private JsonNode request(String id, String format) {
        JsonNode list = json(open311(get(V2 + "requests/" + id + "." + format)), 200, "georeport-v2/requests.json");
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }

    private String raise(Client client, String service, String description) {
        return json(open311(post(V2 + "requests.json").param("api_key", client.key()).param("service_code", service)
                .param("description", description)), 200, "created.json").get(0).get("service_request_id").asString();
    }

    private Client register(String community) {
        try {
            String body = json.writeValueAsString(community == null
                    ? Map.of("name", "测试应用 " + CLIENTS.incrementAndGet())
                    : Map.of("name", "测试应用 " + CLIENTS.incrementAndGet(), "community", community));
            MvcResult result = mvc.perform(post("/api/v1/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
            JsonNode client = json.readTree(result.getResponse().getContentAsString());
            return new Client(client.get("id").asLong(), client.get("apiKey").asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void lifecycle(String username, String path, Object body) throws Exception {
        MockHttpServletRequestBuilder request = post(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token(username));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + ": " + result.getResponse().getContentAsString()).isEqualTo(200);
    }

    private long open311Calls() {
        return jdbc.sql("SELECT COUNT(*) FROM call WHERE origin = 'OPEN311'").query(Long.class).single();
    }
}
