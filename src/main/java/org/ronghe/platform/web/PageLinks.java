package org.ronghe.platform.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The links of the current page with one parameter changed, keeping every other filter: the
 * pager's pages and the language switch (templates use it as {@code links}).
 */
public record PageLinks(String path, String query) {

    public String page(int page) {
        return with("page", String.valueOf(page));
    }

    public String lang(String lang) {
        return with("lang", lang);
    }

    String with(String name, String value) {
        List<String> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            for (String part : query.split("&")) {
                String key = URLDecoder.decode(part.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!key.equals(name) && !part.isBlank()) {
                    params.add(part);
                }
            }
        }
        params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return path + "?" + String.join("&", params);
    }
}
