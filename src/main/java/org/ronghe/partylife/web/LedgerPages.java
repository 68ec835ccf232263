package org.ronghe.partylife.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.partylife.ledger.Ledgers;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledger pages: choose an organisation in scope and a year; the year's ledgers, printable, and their files. */
@Controller
class LedgerPages {

    private final Ledgers ledgers;

    LedgerPages(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    @GetMapping("/ledgers")
    String index(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        int y;
        try {
            y = ledgers.year(year);
        } catch (IllegalArgumentException refused) {
            return refused(user, refused, model, response);
        }
        model.addAttribute("result", ledgers.choices(user, q, y, PageQuery.of(page, 50)));
        model.addAttribute("q", q);
        model.addAttribute("year", y);
        model.addAttribute("thisYear", ledgers.year(null));
        return "ledgers/index";
    }

    @GetMapping("/ledgers/{org}/{year}")
    String ledger(CurrentUser user, @PathVariable String org, @PathVariable int year, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("ledger", ledgers.ledger(user, org, year));
        } catch (IllegalArgumentException refused) {
            return refused(user, refused, model, response);
        }
        model.addAttribute("thisYear", ledgers.year(null));
        return "ledgers/ledger";
    }

    /** A year out of range: the choice of organisations for this year, with the reason, as 400. */
    private String refused(CurrentUser user, IllegalArgumentException refused, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", refused.getMessage());
        return index(user, null, null, null, model, response);
    }

    @GetMapping("/ledgers/{org}/{year}.xlsx")
    void xlsx(CurrentUser user, @PathVariable String org, @PathVariable int year, HttpServletResponse response) throws IOException {
        download(user, org, year, LedgerDownloads.Format.XLSX, response);
    }

    @GetMapping("/ledgers/{org}/{year}.docx")
    void docx(CurrentUser user, @PathVariable String org, @PathVariable int year, HttpServletResponse response) throws IOException {
        download(user, org, year, LedgerDownloads.Format.DOCX, response);
    }

    private void download(CurrentUser user, String org, int year, LedgerDownloads.Format format, HttpServletResponse response)
            throws IOException {
        try {
            LedgerDownloads.send(ledgers.ledger(user, org, year), format, response);
        } catch (IllegalArgumentException refused) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
        }
    }
}
