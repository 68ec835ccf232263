package org.ronghe.emergency.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ronghe.emergency.Shifts;
import org.ronghe.emergency.StationingDesk;
import org.ronghe.emergency.StationingQueries;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coverage board of an emergency (places × the nine shifts of the next 72 hours, gaps first, refreshed by htmx),
 * the form that stations a leader, a cadre or a three-person team, the withdraw buttons, and the figures' lists.
 */
@Controller
class StationingPages {

    private final StationingQueries reads;
    private final StationingDesk desk;
    private final Clock clock;

    StationingPages(StationingQueries reads, StationingDesk desk, Clock clock) {
        this.reads = reads;
        this.desk = desk;
        this.clock = clock;
    }

    @GetMapping("/emergencies/{id}/coverage")
    String coverage(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String street, @RequestParam(required = false) boolean gaps, Model model) {
        StationingQueries.Board board = reads.coverage(user, id, from);
        model.addAttribute("board", board);
        view(model, board, id, from, street, gaps);
        model.addAttribute("stations", reads.stationings(user, id, PageQuery.of(0, 100)));
        model.addAttribute("organiser", organiser(user));
        model.addAttribute("earlier", board.from().minus(java.time.Duration.ofHours(72)).toString());
        model.addAttribute("later", board.until().toString());
        model.addAttribute("counts", java.util.stream.IntStream.rangeClosed(1, Shifts.MOST).boxed().toList());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "emergencies/coverage";
    }

    /** The board alone, polled by htmx every 30 s. */
    @GetMapping("/emergencies/{id}/coverage-panel")
    String panel(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String street, @RequestParam(required = false) boolean gaps, Model model) {
        StationingQueries.Board board = reads.coverage(user, id, from);
        model.addAttribute("board", board);
        view(model, board, id, from, street, gaps);
        return "emergencies/coverage :: board";
    }

    /**
     * The rows shown (one street, gaps only) and the panel's poll, which follows the clock unless the reader chose
     * another 72 hours, and keeps the reader's filter.
     */
    private static void view(Model model, StationingQueries.Board board, long id, String from, String street, boolean gaps) {
        model.addAttribute("view", board.only(street, gaps));
        model.addAttribute("pinned", from == null || from.isBlank() ? null : board.from().toString());
        model.addAttribute("street", street == null ? "" : street.trim());
        model.addAttribute("gaps", gaps);
        org.springframework.web.util.UriComponentsBuilder poll = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/emergencies/{id}/coverage-panel");
        if (from != null && !from.isBlank()) {
            poll.queryParam("from", board.from().toString());
        }
        if (street != null && !street.isBlank()) {
            poll.queryParam("street", street.trim());
        }
        if (gaps) {
            poll.queryParam("gaps", true);
        }
        model.addAttribute("poll", poll.buildAndExpand(id).encode().toUriString());
    }

    /**
     * Stations at a place of the board ({@code LEVEL|code} or {@code COMPOUND|community|name}) a leader or members
     * (codes separated by spaces or commas) from a shift of the board for a number of shifts, once per form key.
     */
    @PostMapping("/emergencies/{id}/stationings")
    String station(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String place,
                   @RequestParam(required = false) String leader, @RequestParam(required = false) String members,
                   @RequestParam(required = false) String shift, @RequestParam(required = false) Integer shifts,
                   @RequestParam(required = false) String key, RedirectAttributes redirect) {
        String[] parts = place == null ? new String[0] : place.split("\\|", 3);
        String level = parts.length > 0 ? parts[0] : null;
        String code = parts.length > 1 ? parts[1] : null;
        String compound = parts.length > 2 ? parts[2] : null;
        List<String> codes = members == null || members.isBlank() ? null
                : Arrays.stream(members.trim().split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
        String end = null;
        try {
            if (shift != null && !shift.isBlank()) {
                end = Shifts.after(Instant.parse(shift.trim()), shifts == null ? 1 : Math.max(0, Math.min(shifts, 100)), clock.getZone()).toString();
            }
        } catch (java.time.DateTimeException ignored) {
            // the desk explains the start it cannot read
        }
        try {
            desk.station(user, id, new StationingDesk.StationingRequest(level, "STREET".equals(level) ? code : null,
                    "STREET".equals(level) ? null : code, compound, leader, codes, shift, end), key);
            redirect.addFlashAttribute("done", "stationing.stationed");
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/emergencies/" + id + "/coverage";
    }

    @PostMapping("/emergencies/{id}/stationings/{stationing}/withdraw")
    String withdraw(CurrentUser user, @PathVariable long id, @PathVariable long stationing, RedirectAttributes redirect) {
        try {
            desk.withdraw(user, id, stationing);
            redirect.addFlashAttribute("done", "stationing.withdrawn");
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/emergencies/" + id + "/coverage";
    }

    @GetMapping("/emergencies/stationed-cadres")
    String cadres(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.cadres(user, PageQuery.of(page, 50)));
        return "emergencies/stationed-cadres";
    }

    @GetMapping("/emergencies/covered-communities")
    String covered(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", reads.covered(user, PageQuery.of(page, 50)));
        return "emergencies/covered-communities";
    }

    private static boolean organiser(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.STREET_STAFF || user.role() == Role.ORGAN_SECRETARY;
    }
}
