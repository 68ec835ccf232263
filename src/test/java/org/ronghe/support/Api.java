package org.ronghe.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the JSON API the way a client does: with a bearer token obtained by signing in. */

public class Api {

    /** The demo accounts' password in tests (application-test.properties). */
    public static final String DEMO_PASSWORD = "Demo#Test1";
    public static final String ADMIN_PASSWORD = "Admin#Test1";

    private final MockMvc mvc;
    private final JsonMapper json;
    private final Map<String, String> tokens = new HashMap<>();

    public Api(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> issue(u, u.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD));
    }

    public String issue(String username, String password) {
        MvcResult result = signIn(username, password);
        if (result.getResponse().getStatus() != 201) {
            throw new IllegalStateException("sign-in of " + username + " answered " + result.getResponse().getStatus());
        }
        try {
            return json.readTree(result.getResponse().getContentAsString()).get("token").asString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in with a password of one's own and keeps the token for later calls as that user. */
    public String signInAs(String username, String password) {
        String token = issue(username, password);
        tokens.put(username, token);
        return token;
    }

    /** The status of {@code POST /api/v1/auth/tokens}: 201 with a token, 401 when refused. */
    public int signInStatus(String username, String password) {
        return signIn(username, password).getResponse().getStatus();
    }

    /** The status of {@code POST /api/v1/auth/password}: 204 when changed (the first sign-in with an initial password). */
    public int changePassword(String username, String password, String newPassword) {
        try {
            return mvc.perform(post("/api/v1/auth/password").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("username", username, "password", password,
                                    "newPassword", newPassword))))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcResult signIn(String username, String password) {
        try {
            return mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("username", username, "password", password))))
                    .andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String username, String path) {
        return get(username, path, MediaType.APPLICATION_JSON);
    }

    public Response get(String username, String path, MediaType accept) {
        return perform(username, () -> MockMvcRequestBuilders.get(path).accept(accept));
    }

    public Response upload(String username, String path, String filename, byte[] content) {
        return perform(username, () -> MockMvcRequestBuilders.multipart(path)
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content)));
    }

    /** Any request as the user (or none when {@code username} is null), built afresh if a stale token must be renewed. */
    public Response send(String username, java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
        return perform(username, request);
    }

    private Response perform(String username, java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
        try {
            MvcResult result = mvc.perform(authorised(username, request.get())).andReturn();
            if (result.getResponse().getStatus() == 401 && username != null && tokens.remove(username) != null) {
                // The cached token ran out (tests move the clock): sign in again once.
                result = mvc.perform(authorised(username, request.get())).andReturn();
            }
            return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    result.getResponse().getContentAsByteArray(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> authorised(String username, AbstractMockHttpServletRequestBuilder<?> request) {
        return username == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username));
    }

    public record Response(int status, String contentType, byte[] body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The codes of a page of items (the {@code items[].code} of a list answer). */
        public java.util.List<String> codes() {
            java.util.List<String> codes = new java.util.ArrayList<>();
            json().get("items").forEach(item -> codes.add(item.get("code").asString()));
            return codes;
        }
    }
}
