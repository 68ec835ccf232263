package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.ronghe.support.Api;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** What a refused API request must look like: a 4xx problem detail in Chinese, never a 5xx, never a success. */
final class Refusals {

    static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422);

    private Refusals() {
    }

    static void assertRefused(Api.Response response, String what) {
        assertThat(REFUSED).as("%s answered %s: %s", what, response.status(), excerpt(response)).contains(response.status());
        assertProblem(response, what);
    }

    static void assertProblem(Api.Response response, String what) {
        assertThat(response.contentType()).as("%s answered %s as %s: %s", what, response.status(), response.contentType(),
                excerpt(response)).isNotNull();
        assertThat(MediaType.parseMediaType(response.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("%s answered %s as %s: %s", what, response.status(), response.contentType(), excerpt(response)).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("%s: status in the problem", what).isEqualTo(response.status());
        String explained = problem.path("title").asString("") + problem.path("detail").asString("");
        assertThat(explained.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("%s: a Chinese explanation in %s", what, excerpt(response)).isTrue();
    }

    static String excerpt(Api.Response response) {
        String text = response.text();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
