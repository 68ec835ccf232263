package org.ronghe.network.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.directory.Directory;
import org.ronghe.network.site.CentreLevel;
import org.ronghe.network.site.NetworkDesk;
import org.ronghe.network.site.NetworkScope;
import org.ronghe.network.site.NetworkTransfer;
import org.ronghe.network.site.PointKind;
import org.ronghe.network.site.ServiceCentre;
import org.ronghe.network.site.ServiceCentres;
import org.ronghe.network.site.SiteRecords;
import org.ronghe.network.site.Staff;
import org.ronghe.network.site.TemporaryPoint;
import org.ronghe.network.site.TemporaryPoints;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.ronghe.platform.UploadLimit;
import org.ronghe.platform.Xlsx;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service network's pages (服务阵地), made for phones as much as desks: lists with filters and paging,
 * a map of every centre coloured by level and of today's temporary points, each point opening its page;
 * forms that keep what was typed and name every bad field in Chinese; imports and exports.
 */
@Controller
class NetworkPages {

    private final ServiceCentres centres;
    private final TemporaryPoints points;
    private final NetworkDesk desk;
    private final NetworkTransfer transfer;
    private final NetworkScope scope;
    private final SiteRecords records;
    private final Directory directory;
    private final UploadLimit limit;

    NetworkPages(ServiceCentres centres, TemporaryPoints points, NetworkDesk desk, NetworkTransfer transfer, NetworkScope scope,
                 SiteRecords records, Directory directory, UploadLimit limit) {
        this.centres = centres;
        this.points = points;
        this.desk = desk;
        this.transfer = transfer;
        this.scope = scope;
        this.records = records;
        this.directory = directory;
        this.limit = limit;
    }

    @GetMapping("/network")
    String home() {
        return "redirect:/network/centres";
    }

    // ------------------------------------------------------------------------------------------ centres

    @GetMapping("/network/centres")
    String centres(CurrentUser user, @RequestParam(required = false) String level, @RequestParam(required = false) String street,
                   @RequestParam(required = false) String community, @RequestParam(required = false) String state,
                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        ServiceCentres.Filter filter = ServiceCentresApi.filter(level, street, community, state, q);
        PageResult<ServiceCentre> found = centres.page(filter, PageQuery.of(page, 30));
        model.addAttribute("result", found);
        model.addAttribute("rows", found.items().stream().map(c -> SiteViews.of(c, user, scope)).toList());
        model.addAttribute("filter", Map.of("level", blank(level), "street", blank(street), "community", blank(community),
                "state", blank(state), "q", blank(q)));
        places(model);
        model.addAttribute("levels", CentreLevel.values());
        model.addAttribute("writes", writes(user));
        return "network/centres";
    }

    @GetMapping("/network/centres/{id:\\d+}")
    String centre(CurrentUser user, @PathVariable long id, Model model) {
        ServiceCentre centre = centres.find(id).orElseThrow(() -> new NotFoundException("服务中心", String.valueOf(id)));
        model.addAttribute("centre", SiteViews.of(centre, user, scope));
        model.addAttribute("events", records.events("CENTRE", id));
        return "network/centre";
    }

    @GetMapping("/network/centres/new")
    String newCentre(CurrentUser user, Model model) {
        scope.mayWrite(user);
        return centreForm(model, null, Map.of("level", "COMMUNITY"), List.of());
    }

    @PostMapping("/network/centres")
    String openCentre(CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        try {
            NetworkDesk.Created created = desk.openCentre(user, centreForm(form), form.get("key"));
            redirect.addFlashAttribute("done", "network.saved");
            return "redirect:/network/centres/" + created.id();
        } catch (RejectedInputException | ConflictException | IllegalArgumentException e) {
            return centreForm(model, null, form, errors(e));
        }
    }

    @GetMapping("/network/centres/{id:\\d+}/edit")
    String editCentre(CurrentUser user, @PathVariable long id, Model model) {
        ServiceCentre centre = centres.find(id).orElseThrow(() -> new NotFoundException("服务中心", String.valueOf(id)));
        scope.mayWrite(user, centre.details().place(), "服务中心", centre.code());
        ServiceCentre.Details d = centre.details();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", centre.code());
        form.put("name", d.name());
        form.put("level", d.level().name());
        form.put("street", d.level() == CentreLevel.STREET ? d.place().streetCode() : "");
        form.put("community", blank(d.place().communityCode()));
        form.put("address", d.address());
        form.put("latitude", d.latitude() == null ? "" : String.valueOf(d.latitude()));
        form.put("longitude", d.longitude() == null ? "" : String.valueOf(d.longitude()));
        form.put("services", String.join("、", d.services()));
        form.put("openingHours", blank(d.openingHours()));
        form.put("staff", staffLines(d.staff()));
        return centreForm(model, id, form, List.of());
    }

    @PostMapping("/network/centres/{id:\\d+}/edit")
    String reviseCentre(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect,
                        Model model) {
        try {
            desk.reviseCentre(user, id, centreForm(form));
            redirect.addFlashAttribute("done", "network.saved");
            return "redirect:/network/centres/" + id;
        } catch (RejectedInputException | ConflictException | IllegalArgumentException e) {
            return centreForm(model, id, form, errors(e));
        }
    }

    @PostMapping("/network/centres/{id:\\d+}/close")
    String closeCentre(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            desk.closeCentre(user, id, reason);
            redirect.addFlashAttribute("done", "network.closed");
        } catch (RejectedInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/network/centres/" + id;
    }

    @GetMapping("/network/centres/export.xlsx")
    void exportCentres(CurrentUser user, @RequestParam(required = false) String level, @RequestParam(required = false) String street,
                       @RequestParam(required = false) String community, @RequestParam(required = false) String state,
                       @RequestParam(required = false) String q, HttpServletResponse response) {
        ServiceCentres.Filter filter = ServiceCentresApi.filter(level, street, community, state, q);
        xlsx(response, "service-centres.xlsx", "服务中心", NetworkTransfer.CENTRE_COLUMNS, sink -> centres.forEach(filter,
                c -> sink.accept(NetworkTransfer.row(c, scope.seesPhones(user, c.details().place())))));
    }

    // ------------------------------------------------------------------------------------------ points

    @GetMapping("/network/points")
    String points(CurrentUser user, @RequestParam(required = false) String kind, @RequestParam(required = false) String street,
                  @RequestParam(required = false) String community, @RequestParam(required = false) String activeOn,
                  @RequestParam(required = false) String emergency, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Integer page, Model model) {
        TemporaryPoints.Filter filter = TemporaryPointsApi.filter(kind, street, community, activeOn, emergency, q);
        PageResult<TemporaryPoint> found = points.page(filter, PageQuery.of(page, 30));
        LocalDate today = desk.today();
        model.addAttribute("result", found);
        model.addAttribute("rows", found.items().stream().map(p -> SiteViews.of(p, today, user, scope)).toList());
        model.addAttribute("filter", Map.of("kind", blank(kind), "street", blank(street), "community", blank(community),
                "activeOn", blank(activeOn), "emergency", blank(emergency), "q", blank(q)));
        places(model);
        model.addAttribute("kinds", PointKind.values());
        model.addAttribute("today", today);
        model.addAttribute("writes", writes(user));
        return "network/points";
    }

    @GetMapping("/network/points/{id:\\d+}")
    String point(CurrentUser user, @PathVariable long id, Model model) {
        TemporaryPoint point = points.find(id).orElseThrow(() -> new NotFoundException("临时点位", String.valueOf(id)));
        model.addAttribute("point", SiteViews.of(point, desk.today(), user, scope));
        model.addAttribute("events", records.events("POINT", id));
        return "network/point";
    }

    @GetMapping("/network/points/new")
    String newPoint(CurrentUser user, Model model) {
        scope.mayWrite(user);
        return pointForm(model, null, Map.of("kind", "SAMPLING", "startsOn", desk.today().toString()), List.of());
    }

    @PostMapping("/network/points")
    String openPoint(CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect, Model model) {
        try {
            NetworkDesk.Created created = desk.openPoint(user, pointForm(form), form.get("key"));
            redirect.addFlashAttribute("done", "network.saved");
            return "redirect:/network/points/" + created.id();
        } catch (RejectedInputException | ConflictException | IllegalArgumentException e) {
            return pointForm(model, null, form, errors(e));
        }
    }

    @GetMapping("/network/points/{id:\\d+}/edit")
    String editPoint(CurrentUser user, @PathVariable long id, Model model) {
        TemporaryPoint point = points.find(id).orElseThrow(() -> new NotFoundException("临时点位", String.valueOf(id)));
        scope.mayWrite(user, point.details().place(), "临时点位", point.code());
        TemporaryPoint.Details d = point.details();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", point.code());
        form.put("name", d.name());
        form.put("kind", d.kind().name());
        form.put("community", d.place().communityCode());
        form.put("address", d.address());
        form.put("latitude", d.latitude() == null ? "" : String.valueOf(d.latitude()));
        form.put("longitude", d.longitude() == null ? "" : String.valueOf(d.longitude()));
        form.put("services", String.join("、", d.services()));
        form.put("startsOn", d.startsOn().toString());
        form.put("endsOn", d.endsOn() == null ? "" : d.endsOn().toString());
        form.put("emergency", blank(d.emergency()));
        form.put("staff", staffLines(d.staff()));
        return pointForm(model, id, form, List.of());
    }

    @PostMapping("/network/points/{id:\\d+}/edit")
    String revisePoint(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect,
                       Model model) {
        try {
            desk.revisePoint(user, id, pointForm(form));
            redirect.addFlashAttribute("done", "network.saved");
            return "redirect:/network/points/" + id;
        } catch (RejectedInputException | ConflictException | IllegalArgumentException e) {
            return pointForm(model, id, form, errors(e));
        }
    }

    @PostMapping("/network/points/{id:\\d+}/close")
    String closePoint(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            desk.closePoint(user, id, reason);
            redirect.addFlashAttribute("done", "network.closed");
        } catch (RejectedInputException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/network/points/" + id;
    }

    @GetMapping("/network/points/export.xlsx")
    void exportPoints(CurrentUser user, @RequestParam(required = false) String kind, @RequestParam(required = false) String street,
                      @RequestParam(required = false) String community, @RequestParam(required = false) String activeOn,
                      @RequestParam(required = false) String emergency, @RequestParam(required = false) String q,
                      HttpServletResponse response) {
        TemporaryPoints.Filter filter = TemporaryPointsApi.filter(kind, street, community, activeOn, emergency, q);
        xlsx(response, "temporary-points.xlsx", "临时点位", NetworkTransfer.POINT_COLUMNS, sink -> points.forEach(filter,
                p -> sink.accept(NetworkTransfer.row(p, scope.seesPhones(user, p.details().place())))));
    }

    // ------------------------------------------------------------------------------------------ map

    @GetMapping("/network/map")
    String map(Model model) {
        return "network/map";
    }

    /** One dot per open centre (by level) and per point active today, with the page each opens. */
    record MapDot(String series, String name, double longitude, double latitude, String link) {
    }

    @GetMapping("/network/map.json")
    @ResponseBody
    List<MapDot> mapDots() {
        List<MapDot> dots = new ArrayList<>();
        centres.forEach(new ServiceCentres.Filter(null, null, null, ServiceCentre.State.OPEN, null), c -> {
            ServiceCentre.Details d = c.details();
            if (d.latitude() != null && d.longitude() != null) {
                dots.add(new MapDot(d.level().name(), d.name(), d.longitude(), d.latitude(), "/network/centres/" + c.id()));
            }
        });
        points.forEach(new TemporaryPoints.Filter(null, null, null, desk.today(), null, null), p -> {
            TemporaryPoint.Details d = p.details();
            if (d.latitude() != null && d.longitude() != null) {
                dots.add(new MapDot("POINT", d.name(), d.longitude(), d.latitude(), "/network/points/" + p.id()));
            }
        });
        return dots;
    }

    // ------------------------------------------------------------------------------------------ import

    @GetMapping("/network/{entity:centres|points}/import")
    String importForm(CurrentUser user, @PathVariable String entity, Model model) {
        scope.mayWrite(user);
        return importPage(entity, model);
    }

    @GetMapping("/network/{entity:centres|points}/template.csv")
    @ResponseBody
    byte[] template(@PathVariable String entity, HttpServletResponse response) {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + entity + ".csv\"");
        List<String> columns = entity.equals("centres") ? NetworkTransfer.CENTRE_COLUMNS : NetworkTransfer.POINT_COLUMNS;
        return ("\uFEFF" + String.join(",", columns) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping(path = "/network/{entity:centres|points}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importFile(CurrentUser user, @PathVariable String entity, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        try {
            limit.check(file);
            model.addAttribute("report", entity.equals("centres") ? transfer.importCentres(user, file.getBytes())
                    : transfer.importPoints(user, file.getBytes()));
        } catch (RejectedInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errors", e.errors());
        }
        return importPage(entity, model);
    }

    private String importPage(String entity, Model model) {
        model.addAttribute("entity", entity);
        model.addAttribute("columns", entity.equals("centres") ? NetworkTransfer.CENTRE_COLUMNS : NetworkTransfer.POINT_COLUMNS);
        model.addAttribute("maxMb", limit.megabytes());
        return "network/import";
    }

    // ------------------------------------------------------------------------------------------ forms

    private String centreForm(Model model, Long id, Map<String, String> form, List<Map<String, String>> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", byField(errors));
        model.addAttribute("levels", CentreLevel.values());
        model.addAttribute("key", form.getOrDefault("key", UUID.randomUUID().toString()));
        places(model);
        return "network/centre-form";
    }

    private String pointForm(Model model, Long id, Map<String, String> form, List<Map<String, String>> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", byField(errors));
        model.addAttribute("kinds", PointKind.values());
        model.addAttribute("key", form.getOrDefault("key", UUID.randomUUID().toString()));
        places(model);
        return "network/point-form";
    }

    private static NetworkDesk.CentreForm centreForm(Map<String, String> f) {
        return new NetworkDesk.CentreForm(f.get("code"), f.get("name"), f.get("level"), f.get("street"), f.get("community"),
                f.get("address"), number(f.get("latitude"), "latitude"), number(f.get("longitude"), "longitude"), services(f.get("services")),
                f.get("openingHours"), staff(f.get("staff")));
    }

    private static NetworkDesk.PointForm pointForm(Map<String, String> f) {
        return new NetworkDesk.PointForm(f.get("code"), f.get("name"), f.get("kind"), f.get("community"), f.get("address"),
                number(f.get("latitude"), "latitude"), number(f.get("longitude"), "longitude"), services(f.get("services")),
                f.get("startsOn"), f.get("endsOn"), f.get("emergency"), staff(f.get("staff")));
    }

    /** A form's number; words where a number belongs are refused like any bad field. */
    private static Double number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new RejectedInputException("invalid-input", "输入有误", "未保存：共 1 处问题",
                    List.of(Map.of("field", field, "message", "应为数字")), Map.of());
        }
    }

    private static List<String> services(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[、;；,，\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One person a line: 姓名/职责/电话. */
    private static List<Staff> staff(String value) {
        if (value == null) {
            return List.of();
        }
        return value.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] p = l.split("/", 3);
            return new Staff(p[0].strip(), p.length > 1 && !p[1].isBlank() ? p[1].strip() : null,
                    p.length > 2 && !p[2].isBlank() ? p[2].strip() : null);
        }).toList();
    }

    private static String staffLines(List<Staff> staff) {
        return String.join("\n", staff.stream().map(s -> s.name() + "/" + blank(s.duty()) + "/" + blank(s.phone())).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(RuntimeException e) {
        if (e instanceof RejectedInputException rejected) {
            return (List<Map<String, String>>) rejected.errors();
        }
        return List.of(Map.of("field", "", "message", String.valueOf(e.getMessage())));
    }

    /** Field → messages, the staff's and services' rows folded into their field. */
    private static Map<String, String> byField(List<Map<String, String>> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map<String, String> e : errors) {
            String field = e.get("field").replaceAll("\\[.*$", "");
            fields.merge(field, e.get("message"), (a, b) -> a + "；" + b);
        }
        return fields;
    }

    private void places(Model model) {
        model.addAttribute("streets", directory.streets());
        model.addAttribute("communities", directory.communities());
    }

    private static boolean writes(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.STREET_STAFF || user.role() == Role.COMMUNITY_STAFF;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static void xlsx(HttpServletResponse response, String file, String sheet, List<String> columns,
                             java.util.function.Consumer<java.util.function.Consumer<List<?>>> rows) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        try {
            Xlsx.write(response.getOutputStream(), sheet, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
