package org.ronghe.calls.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.calls.Call;
import org.ronghe.calls.Origin;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.RateLimit;
import org.ronghe.platform.RateLimits;
import org.ronghe.platform.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): service discovery, the call categories
 * as services, and calls raised by registered clients as service requests, each resource in
 * {@code .xml} and {@code .json}. A request created here is an ordinary call with origin OPEN311:
 * routed, dispatched, answered and rated like any other. Errors are the specification's list of
 * {@code code} and {@code description}: 400 bad input, 403 missing or invalid api_key, 404 not found.
 */
@Controller
@RequestMapping("/open311")
class Open311Api {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this installation's Open311 interface last changed. */
    static final String CHANGESET = "2025-06-01T00:00:00+08:00";
    static final String GROUP = "有呼必应";
    static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final int TITLE_LENGTH = 50;
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,15})?");
    private static final Logger log = LoggerFactory.getLogger(Open311Api.class);

    private final Directory directory;
    private final CallDesk desk;
    private final Open311Clients clients;
    private final Open311Requests requests;
    private final Audit audit;
    private final JsonMapper json;
    private final Clock clock;
    private final String districtCode;
    private final String contact;
    private final RateLimits rateLimits;
    private final RateLimit perKey;
    private final RateLimit perAddress;

    Open311Api(Directory directory, CallDesk desk, Open311Clients clients, Open311Requests requests, Audit audit,
               JsonMapper json, Clock clock, @Value("${ronghe.district.code:440103}") String districtCode,
               @Value("${ronghe.open311.contact:${ronghe.district.name:荔湾区}区直机关工委（有呼必应指挥中心）}") String contact,
               RateLimits rateLimits,
               @Value("${ronghe.rate-limits.open311-per-key:120/1m}") String perKey,
               @Value("${ronghe.rate-limits.open311-per-address:60/1m}") String perAddress) {
        this.rateLimits = rateLimits;
        this.perKey = RateLimit.parse("open311-per-key", perKey);
        this.perAddress = RateLimit.parse("open311-per-address", perAddress);
        this.directory = directory;
        this.desk = desk;
        this.clients = clients;
        this.requests = requests;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.districtCode = districtCode;
        this.contact = contact;
    }

    @GetMapping({"/discovery.{format}", "/v2/discovery.{format}"})
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").build().toUriString();
        Open311Body.Fields endpoint = Open311Body.fields()
                .with("specification", SPECIFICATION)
                .with("url", url)
                .with("changeset", CHANGESET)
                .with("type", "production")
                .with("formats", new Open311Body.Items("format", List.of("text/xml", "application/json")));
        Open311Body.Fields discovery = Open311Body.fields()
                .with("changeset", CHANGESET)
                .with("contact", contact)
                .with("key_service", "api_key 由系统管理员登记客户端后发放（POST /api/v1/open311/clients）")
                .with("endpoints", new Open311Body.Items("endpoint", List.of(endpoint)));
        return ok(format, new Open311Body("discovery", discovery));
    }

    @GetMapping("/v2/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Body.Format f = Open311Body.Format.of(format);
        jurisdiction(params);
        List<Open311Body.Fields> services = directory.categories().stream().map(c -> Open311Body.fields()
                .with("service_code", c.code())
                .with("service_name", c.name())
                .with("description", c.name())
                .with("metadata", false)
                .with("type", "realtime")
                .with("keywords", "")
                .with("group", GROUP)).toList();
        return answer(f, new Open311Body("services", new Open311Body.Items("service", services)));
    }

    @GetMapping("/v2/services/{code}.{format}")
    ResponseEntity<byte[]> service(@PathVariable String code, @PathVariable String format,
                                   @RequestParam MultiValueMap<String, String> params) {
        Open311Body.Format f = Open311Body.Format.of(format);
        jurisdiction(params);
        Directory.CategoryRef category = service(code);
        return answer(f, new Open311Body("service_definition", Open311Body.fields()
                .with("service_code", category.code())
                .with("attributes", new Open311Body.Items("attribute", List.of()))));
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Body.Format f = Open311Body.Format.of(format);
        jurisdiction(params);
        List<String> ids = values(params, "service_request_id");
        List<Open311Requests.Row> rows;
        if (!ids.isEmpty()) {
            List<Long> numeric = new ArrayList<>();
            for (String id : ids) {
                parseId(id).ifPresent(numeric::add);
            }
            rows = requests.withIds(numeric);
        } else {
            Set<String> statuses = new LinkedHashSet<>();
            for (String status : values(params, "status")) {
                String s = status.toLowerCase(Locale.ROOT);
                if (!s.equals("open") && !s.equals("closed")) {
                    throw Open311Exception.badRequest("status 只能是 open 或 closed：" + status);
                }
                statuses.add(s);
            }
            Instant start = date(params, "start_date", false);
            Instant end = date(params, "end_date", true);
            if (start == null && end == null) {
                end = clock.instant();
                start = end.minus(MAX_SPAN);
            } else if (end == null) {
                end = start.plus(MAX_SPAN);
            } else if (start == null) {
                start = end.minus(MAX_SPAN);
            }
            if (end.isBefore(start)) {
                throw Open311Exception.badRequest("end_date 不能早于 start_date");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw Open311Exception.badRequest("start_date 与 end_date 的跨度不能超过 90 天");
            }
            rows = requests.search(values(params, "service_code"), statuses, start, end);
        }
        return answer(f, requestList(rows));
    }

    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
                               @RequestParam MultiValueMap<String, String> params) {
        Open311Body.Format f = Open311Body.Format.of(format);
        jurisdiction(params);
        Open311Requests.Row row = parseId(id).flatMap(requests::one)
                .orElseThrow(() -> Open311Exception.notFound("服务请求不存在：" + id));
        return answer(f, requestList(List.of(row)));
    }

    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam MultiValueMap<String, String> params) {
        Open311Body.Format f = Open311Body.Format.of(format);
        jurisdiction(params);
        Open311Requests.Row row = (token.startsWith("t") ? parseId(token.substring(1)) : java.util.Optional.<Long>empty())
                .flatMap(requests::one)
                .orElseThrow(() -> Open311Exception.notFound("token 不存在：" + token));
        return answer(f, new Open311Body("service_requests", new Open311Body.Items("request", List.of(Open311Body.fields()
                .with("service_request_id", String.valueOf(row.id()))
                .with("token", token)))));
    }

    @PostMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                  HttpServletRequest request) {
        Open311Body.Format f = Open311Body.Format.of(format);
        limit(perAddress, request.getRemoteAddr());
        jurisdiction(params);
        String apiKey = first(params, "api_key");
        if (apiKey == null) {
            throw Open311Exception.forbidden("缺少 api_key：提交服务请求须提供管理员发放的 api_key");
        }
        Open311Clients.Client client = clients.byKey(apiKey)
                .orElseThrow(() -> Open311Exception.forbidden("api_key 无效或已停用"));
        limit(perKey, String.valueOf(client.id()));
        String serviceCode = first(params, "service_code");
        if (serviceCode == null) {
            throw Open311Exception.badRequest("缺少 service_code");
        }
        Directory.CategoryRef service = service(serviceCode);

        List<Open311Exception.Error> errors = new ArrayList<>();
        String description = first(params, "description");
        if (description != null && description.length() > 4000) {
            errors.add(bad("description 不能超过 4000 个字符"));
        }
        String address = first(params, "address_string");
        if (address != null && address.length() > 300) {
            errors.add(bad("address_string 不能超过 300 个字符"));
        }
        String phone = first(params, "phone");
        if (phone != null && phone.length() > 20) {
            errors.add(bad("phone 不能超过 20 个字符"));
        }
        String contact = contactName(first(params, "first_name"), first(params, "last_name"));
        if (contact != null && contact.length() > Call.CONTACT_NAME_LENGTH) {
            errors.add(bad("first_name 与 last_name 合计不能超过 " + Call.CONTACT_NAME_LENGTH + " 个字符"));
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 100) {
            errors.add(bad("Idempotency-Key 不能超过 100 个字符"));
        }
        Double latitude = null;
        Double longitude = null;
        Directory.CommunityRef community = null;
        String lat = first(params, "lat");
        String lng = first(params, "long");
        if (lat != null || lng != null) {
            if (lat == null || lng == null) {
                errors.add(bad("lat 与 long 须同时提供"));
            } else {
                latitude = coordinate(lat, 90, "lat", errors);
                longitude = coordinate(lng, 180, "long", errors);
                if (latitude != null && longitude != null) {
                    community = directory.nearestCommunity(latitude, longitude).orElse(null);
                }
            }
        }
        if (community == null && address != null && errors.isEmpty()) {
            community = directory.communityInAddress(address).orElse(null);
        }
        if (community == null && client.communityId() != null) {
            community = directory.community(client.communityId()).orElse(null);
        }
        if (community == null && errors.isEmpty()) {
            errors.add(bad("无法确定位置：请提供 lat 与 long，或含社区名称的 address_string"));
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, errors);
        }

        CallDesk.NewCall call = new CallDesk.NewCall(title(description, service.name()), description, service.code(), null,
                Origin.OPEN311, null, null, address, latitude, longitude,
                contact, phone);
        Call.Place place = new Call.Place(community.id(), community.streetId(), null, address, latitude, longitude);
        CallDesk.Raised raised = desk.raiseAs(client.actor(), call, place, Origin.OPEN311, key);
        if (!raised.replayed()) {
            audit.recordAs(client.actor(), Audit.Entry.change("OPEN311_REQUEST_RECEIVED", "call", String.valueOf(raised.id()),
                    null, Map.of("client", client.name(), "service_code", service.code())));
        }
        Open311Requests.Row row = requests.one(raised.id()).orElseThrow();
        Open311Body body = new Open311Body("service_requests", new Open311Body.Items("request", List.of(Open311Body.fields()
                .with("service_request_id", String.valueOf(raised.id()))
                .with("service_notice", notice(row))
                .with("account_id", first(params, "account_id")))));
        ResponseEntity<byte[]> answer = answer(f, body);
        return raised.replayed()
                ? ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Idempotent-Replayed", "true").body(answer.getBody())
                : answer;
    }

    /** Creating requests is limited per client and per address, across all nodes (see {@link RateLimits}). */
    private void limit(RateLimit limit, String key) {
        RateLimits.Decision decision = rateLimits.take(limit, key);
        if (!decision.allowed()) {
            throw Open311Exception.tooManyRequests(decision.retryAfterSeconds());
        }
    }

    /** Whatever else is asked under /open311 does not exist. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw Open311Exception.notFound("资源不存在：" + request.getRequestURI());
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        ResponseEntity<byte[]> answer = errors(e.status(), e.errors(), request);
        if (e.retryAfterSeconds() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(answer.getBody());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) {
        return errors(HttpStatus.NOT_FOUND, List.of(new Open311Exception.Error(404, e.getMessage())), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<byte[]> badRequest(IllegalArgumentException e, HttpServletRequest request) {
        return errors(HttpStatus.BAD_REQUEST, List.of(bad(e.getMessage())), request);
    }

    /** A header the firewall refuses when it is read (a control character in Idempotency-Key, say). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<byte[]> rejected(RequestRejectedException e, HttpServletRequest request) {
        return errors(HttpStatus.BAD_REQUEST, List.of(bad("请求头含有不允许的字符")), request);
    }

    /** The specification's "general service error": 400, the client is asked to tell us. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        log.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return errors(HttpStatus.BAD_REQUEST, List.of(bad("服务处理失败，请稍后重试；如仍失败请联系我们")), request);
    }

    private ResponseEntity<byte[]> errors(HttpStatus status, List<Open311Exception.Error> errors, HttpServletRequest request) {
        List<Open311Body.Fields> list = errors.stream().map(e -> Open311Body.fields()
                .with("code", e.code()).with("description", e.description())).toList();
        return new Open311Body("errors", new Open311Body.Items("error", list))
                .answer(status, Open311Body.Format.ofPath(request.getRequestURI()), json);
    }

    private ResponseEntity<byte[]> ok(String format, Open311Body body) {
        return answer(Open311Body.Format.of(format), body);
    }

    private ResponseEntity<byte[]> answer(Open311Body.Format format, Open311Body body) {
        return body.answer(HttpStatus.OK, format, json);
    }

    private Open311Body requestList(List<Open311Requests.Row> rows) {
        return new Open311Body("service_requests", new Open311Body.Items("request", rows.stream().map(this::request).toList()));
    }

    private Open311Body.Fields request(Open311Requests.Row r) {
        return Open311Body.fields()
                .with("service_request_id", String.valueOf(r.id()))
                .with("status", r.closed() ? "closed" : "open")
                .with("status_notes", r.statusNotes())
                .with("service_name", r.serviceName())
                .with("service_code", r.serviceCode())
                .with("description", r.description())
                .with("agency_responsible", r.agency())
                .with("service_notice", null)
                .with("requested_datetime", time(r.requestedAt()))
                .with("updated_datetime", time(r.updatedAt() != null ? r.updatedAt() : r.requestedAt()))
                .with("expected_datetime", time(r.expectedAt()))
                .with("address", r.address())
                .with("address_id", null)
                .with("zipcode", null)
                .with("lat", r.latitude())
                .with("long", r.longitude())
                .with("media_url", null);
    }

    private String notice(Open311Requests.Row row) {
        if (row.agency() == null) {
            return "已受理，等待指挥中心派单";
        }
        return "已转交" + row.agency() + "办理" + (row.expectedAt() == null ? "" : "，答复期限 " + time(row.expectedAt()));
    }

    /** W3C date-time with the platform's offset, to the second. */
    private String time(Instant instant) {
        return instant == null ? null : instant.atZone(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private Instant date(MultiValueMap<String, String> params, String name, boolean endOfDay) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        // An unencoded "+08:00" arrives as " 08:00".
        String text = value.replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1)
                        : day.atStartOfDay(clock.getZone()).toInstant();
            } catch (DateTimeParseException notDate) {
                throw Open311Exception.badRequest(name + " 须为 W3C 日期时间格式，例如 2010-01-01T00:00:00Z：" + value);
            }
        }
    }

    private Directory.CategoryRef service(String code) {
        if (Texts.unacceptable(code) != null) {
            throw Open311Exception.notFound("service_code 不存在");
        }
        return directory.category(code.strip()).orElseThrow(() -> Open311Exception.notFound("service_code 不存在：" + code));
    }

    /**
     * jurisdiction_id is optional (one district is served); given, it must name that district. Every
     * request passes here first, so here no parameter may hold a character that cannot be stored.
     */
    private void jurisdiction(MultiValueMap<String, String> params) {
        params.forEach((name, values) -> {
            String why = Texts.unacceptable(name);
            for (String value : values) {
                why = why != null ? why : Texts.unacceptable(value);
            }
            if (why != null) {
                throw Open311Exception.badRequest("参数 " + (Texts.unacceptable(name) == null ? name : "名") + why);
            }
        });
        String jurisdiction = first(params, "jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(districtCode)) {
            throw Open311Exception.notFound("jurisdiction_id 不存在：" + jurisdiction + "（本系统服务的辖区为 " + districtCode + "）");
        }
    }

    private static Double coordinate(String text, double limit, String name, List<Open311Exception.Error> errors) {
        try {
            // Plain decimals only: Java would also read "0x1p3", "1e1" or "23.1d".
            double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            if (Double.isFinite(value) && Math.abs(value) <= limit) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(bad(name + " 须为 -" + (int) limit + " 至 " + (int) limit + " 之间的 WGS84 坐标：" + text));
        return null;
    }

    /** The call's title: the first 50 characters of the description on one line, or the service's name. */
    static String title(String description, String serviceName) {
        if (description == null) {
            return serviceName;
        }
        String line = description.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return serviceName;
        }
        int[] codePoints = line.codePoints().limit(TITLE_LENGTH).toArray();
        return new String(codePoints, 0, codePoints.length);
    }

    /** Chinese names are family name first and unspaced; others given name first. */
    static String contactName(String first, String last) {
        String name;
        if (first == null || last == null) {
            name = first != null ? first : last;
        } else if ((first + last).codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            name = last + first;
        } else {
            name = first + " " + last;
        }
        return name;
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A parameter's first value; an empty parameter counts as not given, as the specification says. */
    private static String first(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** Every value of a parameter that may be repeated and comma-separated. */
    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> values = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static Open311Exception.Error bad(String description) {
        return new Open311Exception.Error(400, description);
    }
}
