package org.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The JSON API: bearer tokens in, problem details out. */
@RongheTest
class ApiSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;

    @Test
    void withoutATokenTheApiAnswers401AsAProblem() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/directory/streets")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("\"status\":401").contains("/problems/unauthenticated");
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/figures").header("Authorization", "Bearer not-a-token")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentAsString()).contains("/problems/invalid-token");
    }

    @Test
    void aWrongPasswordGetsNoToken() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"street\",\"password\":\"wrong-password\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void aMissingPasswordIsABadRequestNamingTheField() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"street\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("password").contains("密码不能为空");
    }

    @Test
    void aRecordOutsideTheScopeIs403AsAProblem() {
        var response = api.get("community", "/api/v1/directory/organs/JG001");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("不在您的数据范围内");
    }

    @Test
    void aRecordThatDoesNotExistIs404() {
        assertThat(api.get("committee", "/api/v1/directory/members/NOPE").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsMayImport() {
        var response = api.upload("secretary", "/api/v1/directory/imports/streets", "streets.csv", "街道编码,街道名称\n".getBytes());
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void operationsEndpointsAreOpenForHealthAndClosedForMetrics() throws Exception {
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("UP");
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(api.get("committee", "/actuator/prometheus", MediaType.ALL).status()).isEqualTo(403);
        var metrics = api.get("admin", "/actuator/prometheus", MediaType.ALL);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/directory/members").contains("/api/v1/figures").contains("/api/v1/auth/tokens")
                .contains("/api/v1/directory/findings");
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
