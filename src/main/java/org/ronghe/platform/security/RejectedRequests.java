package org.ronghe.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests the firewall refuses before anything else runs (a path that is not normalised, an encoded
 * slash, semicolon or percent, a header with control characters): 400, as a problem detail for the API,
 * as the error list of GeoReport v2 for Open311 (whose clients parse nothing else), and as before for
 * everything else.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    private static final String OPEN311_REJECTED = "请求的地址或请求头含有不允许的字符";

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        RequestRejectedHandler plain = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "rejected-request", "请求被拒绝",
                        "请求的地址或请求头含有不允许的字符");
            } else if (request.getRequestURI().startsWith(request.getContextPath() + "/open311/")) {
                boolean json = request.getRequestURI().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setCharacterEncoding("UTF-8");
                response.setContentType(json ? "application/json" : "text/xml");
                response.getWriter().write(json ? "[{\"code\":400,\"description\":\"" + OPEN311_REJECTED + "\"}]"
                        : "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>400</code><description>"
                        + OPEN311_REJECTED + "</description></error></errors>");
            } else {
                plain.handle(request, response, rejected);
            }
        };
    }
}
