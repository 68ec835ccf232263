package org.ronghe.directory.web;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.link.Pairings;
import org.ronghe.directory.member.Members;
import org.ronghe.directory.organ.Organs;
import org.ronghe.directory.organ.PartyOrgs;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Organs and their party organisation trees. */
@Controller
class OrganPages {

    private final Lookups lookups;
    private final Organs organs;
    private final PartyOrgs partyOrgs;
    private final Members members;
    private final Pairings pairings;

    OrganPages(Lookups lookups, Organs organs, PartyOrgs partyOrgs, Members members, Pairings pairings) {
        this.lookups = lookups;
        this.organs = organs;
        this.partyOrgs = partyOrgs;
        this.members = members;
        this.pairings = pairings;
    }

    @GetMapping("/organs")
    String organs(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String category,
                  @RequestParam(required = false) Integer page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("filter", new Organs.Filter(q, category));
        model.addAttribute("categories", organs.categories());
        model.addAttribute("result", organs.page(lookups.scope(user), new Organs.Filter(q, category), PageQuery.of(page, 50)));
        return Htmx.view(htmx, "directory/organs");
    }

    @GetMapping("/organs/{code}")
    String organ(CurrentUser user, @PathVariable String code, Model model) {
        DataScope scope = lookups.scope(user);
        var organ = lookups.organ(scope, code);
        model.addAttribute("organ", organ);
        model.addAttribute("tree", partyOrgs.treeOf(scope, organ.id()));
        model.addAttribute("pairings", pairings.all(scope, new Pairings.Filter(code, null, null, false)));
        return "directory/organ";
    }

    @GetMapping("/party-orgs")
    String partyOrgs(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String organ,
                     @RequestParam(required = false) PartyOrgKind kind, @RequestParam(required = false) Boolean grassroots,
                     @RequestParam(required = false) Integer page,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new PartyOrgs.Filter(q, organ, kind, grassroots);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", PartyOrgKind.values());
        model.addAttribute("result", partyOrgs.page(lookups.scope(user), filter, PageQuery.of(page, 50)));
        return Htmx.view(htmx, "directory/party-orgs");
    }

    @GetMapping("/party-orgs/{code}")
    String partyOrg(CurrentUser user, @PathVariable String code, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = lookups.scope(user);
        model.addAttribute("org", lookups.partyOrg(scope, code));
        model.addAttribute("members", members.page(scope, Members.Filter.ofPartyOrg(code), PageQuery.of(page, 50)));
        return "directory/party-org";
    }
}
