package org.ronghe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every door answers with headers that keep the browser from framing, sniffing or running injected code. */
@RongheTest
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    Pages pages;

    @Test
    void pagesForbidInlineScriptsAndStylesAndFraming() throws Exception {
        for (MockHttpServletResponse page : new MockHttpServletResponse[]{
                mvc.perform(get("/login")).andReturn().getResponse(),
                pages.open("committee", "/members").result().getResponse(),
                pages.open("committee", "/territory").result().getResponse()}) {
            String csp = page.getHeader("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self';").contains("style-src 'self';").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").contains("base-uri 'self'").doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertCommonHeaders(page);
            assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.getHeader("Permissions-Policy")).contains("geolocation=(self)").contains("camera=()");
        }
    }

    @Test
    void onlyTheApiDocumentationPageMayUseInlineStylesItsBundleSets() throws Exception {
        MockHttpServletResponse docs = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(docs.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline';")
                .contains("script-src 'self';").contains("frame-ancestors 'none'");
        assertCommonHeaders(docs);
    }

    @Test
    void apiAnswersAreNeverRenderedAsDocuments() throws Exception {
        MockHttpServletResponse figures = mvc.perform(get("/api/v1/figures")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token("committee"))).andReturn().getResponse();
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/figures")).andReturn().getResponse();
        MockHttpServletResponse open311 = mvc.perform(get("/open311/v2/services.json")).andReturn().getResponse();
        assertThat(figures.getStatus()).isEqualTo(200);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(open311.getStatus()).isEqualTo(200);
        for (MockHttpServletResponse answer : new MockHttpServletResponse[]{figures, refused, open311}) {
            assertThat(answer.getHeader("Content-Security-Policy")).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
            assertCommonHeaders(answer);
            assertThat(answer.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    private static void assertCommonHeaders(MockHttpServletResponse response) {
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
    }
}
