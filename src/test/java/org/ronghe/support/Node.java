package org.ronghe.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ronghe.RongheApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running node of the platform, started as {@code java -jar} starts it, and reached over HTTP on
 * its own port as a browser or an API client reaches it: the tests of several nodes, backups and
 * restores drive it from outside, so nothing in the JVM is shared between nodes but the database.
 */
public final class Node implements AutoCloseable {

    /** The tests' passwords and data key (application-test.properties), so no key file is written under ./data. */
    public static final List<String> TEST_SETTINGS = List.of("--server.port=0", "--ronghe.demo.size=small",
            "--RONGHE_DEMO_PASSWORD=" + Api.DEMO_PASSWORD, "--RONGHE_ADMIN_PASSWORD=" + Api.ADMIN_PASSWORD,
            "--spring.jmx.enabled=false", "--RONGHE_DATA_KEY=1:000102030405060708090a0b0c0d0e0f",
            "--ronghe.rate-limits.login-per-address=100000/1m", "--ronghe.rate-limits.login-per-username=100000/1m");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("^SESSION=([^;]*)");

    private final String name;
    private final ConfigurableApplicationContext app;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json;

    private Node(String name, ConfigurableApplicationContext app) {
        this.name = name;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        this.json = app.getBean(JsonMapper.class);
    }

    /**
     * Starts a node with the given arguments; {@code beans} may register beans of the test's own
     * (a clock the test moves) before the application's are created.
     */
    public static Node start(String name, List<String> arguments, Consumer<GenericApplicationContext> beans) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RongheApplication.class)
                .initializers(context -> beans.accept((GenericApplicationContext) context))
                .run(arguments.toArray(String[]::new));
        return new Node(name, app);
    }

    public String name() {
        return name;
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    public JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        app.close();
    }

    // --- pages, with a session cookie as a browser keeps it -------------------------------------------------------

    /**
     * Signs in through the sign-in form (its CSRF token included) and returns the session cookie's value
     * the browser would keep afterwards.
     */
    public String signIn(String username, String password) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET(), null);
        String anonymous = session(form).orElseThrow(() -> new AssertionError(name + ": the sign-in page opened no session"));
        HttpResponse<String> signedIn = postForm("/login", anonymous,
                Map.of("username", username, "password", password, "_csrf", csrf(form.body())));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new AssertionError(name + ": sign-in of " + username + " answered " + signedIn.statusCode() + " → " + location);
        }
        // the session id changes at sign-in (session fixation protection)
        return session(signedIn).orElse(anonymous);
    }

    /** {@code GET path} with the session cookie (or none). */
    public HttpResponse<String> page(String path, String session) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), session);
    }

    /** Posts a form of a page with the CSRF token that page carried. */
    public HttpResponse<String> submit(String pageHtml, String path, String session, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf(pageHtml));
        return postForm(path, session, all);
    }

    private HttpResponse<String> postForm(String path, String session, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static Optional<String> session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).filter(v -> !v.isEmpty()).reduce((first, last) -> last);
    }

    // --- the JSON API, with a bearer token ---------------------------------------------------------------------------

    public String token(String username, String password) {
        Json answer = post(null, "/api/v1/auth/tokens", Map.of("username", username, "password", password));
        if (answer.status() != 201) {
            throw new AssertionError(name + ": token for " + username + " answered " + answer.status() + " " + answer.body());
        }
        return answer.json().get("token").asString();
    }

    public Json get(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET();
        return json(send(bearer(request, token), null));
    }

    public Json post(String token, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return json(send(bearer(request, token), null));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Json json(HttpResponse<String> response) {
        return new Json(response.statusCode(), response.body(), json);
    }

    /** A JSON answer: its status and body. */
    public record Json(int status, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String session) {
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** The common arguments plus more. */
    public static List<String> arguments(List<String> more) {
        List<String> all = new ArrayList<>(TEST_SETTINGS);
        all.addAll(more);
        return all;
    }
}
