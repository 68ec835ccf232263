package org.ronghe.directory.web;

import org.ronghe.directory.findings.Findings;
import org.ronghe.directory.link.Leaders;
import org.ronghe.directory.link.Liaisons;
import org.ronghe.directory.link.Pairings;
import org.ronghe.directory.search.DirectorySearch;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Leaders, liaisons, pairings, the rule findings and the directory search. */
@Controller
class LinkPages {

    private final Lookups lookups;
    private final Leaders leaders;
    private final Liaisons liaisons;
    private final Pairings pairings;
    private final Findings findings;
    private final DirectorySearch search;

    LinkPages(Lookups lookups, Leaders leaders, Liaisons liaisons, Pairings pairings, Findings findings,
              DirectorySearch search) {
        this.lookups = lookups;
        this.leaders = leaders;
        this.liaisons = liaisons;
        this.pairings = pairings;
        this.findings = findings;
        this.search = search;
    }

    @GetMapping("/leaders")
    String leaders(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                   Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", leaders.page(lookups.scope(user), q, PageQuery.of(page, 50)));
        return "directory/leaders";
    }

    @GetMapping("/liaisons")
    String liaisons(CurrentUser user, @RequestParam(required = false) String street,
                    @RequestParam(required = false) String leader, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", liaisons.page(lookups.scope(user), new Liaisons.Filter(street, leader, false),
                PageQuery.of(page, 100)));
        return "directory/liaisons";
    }

    @GetMapping("/pairings")
    String pairings(CurrentUser user, @RequestParam(required = false) String organ,
                    @RequestParam(required = false) String community, @RequestParam(required = false) String street,
                    @RequestParam(required = false) Integer page,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new Pairings.Filter(organ, community, street, false);
        model.addAttribute("filter", filter);
        model.addAttribute("result", pairings.page(lookups.scope(user), filter, PageQuery.of(page, 100)));
        return Htmx.view(htmx, "directory/pairings");
    }

    @GetMapping("/findings")
    String findings(CurrentUser user, Model model) {
        var list = findings.of(lookups.scope(user));
        model.addAttribute("findings", list);
        model.addAttribute("byRule", list.stream().collect(java.util.stream.Collectors.groupingBy(
                org.ronghe.directory.findings.Finding::rule, java.util.TreeMap::new, java.util.stream.Collectors.toList())));
        return "directory/findings";
    }

    @GetMapping("/search")
    String search(CurrentUser user, @RequestParam(required = false) String q,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("results", search.search(lookups.scope(user), q));
        return Htmx.view(htmx, "directory/search");
    }
}
