package org.ronghe.directory.web;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.link.Liaisons;
import org.ronghe.directory.link.Pairings;
import org.ronghe.directory.territory.Communities;
import org.ronghe.directory.territory.Grids;
import org.ronghe.directory.territory.Streets;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The territory: district → street → community → grid. */
@Controller
class TerritoryPages {

    private final Lookups lookups;
    private final Streets streets;
    private final Communities communities;
    private final Grids grids;
    private final Liaisons liaisons;
    private final Pairings pairings;

    TerritoryPages(Lookups lookups, Streets streets, Communities communities, Grids grids, Liaisons liaisons,
                   Pairings pairings) {
        this.lookups = lookups;
        this.streets = streets;
        this.communities = communities;
        this.grids = grids;
        this.liaisons = liaisons;
        this.pairings = pairings;
    }

    @GetMapping("/territory")
    String territory(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("streets", streets.all(lookups.scope(user), q));
        return "directory/territory";
    }

    /** Community centroids for the map, as the scope allows. */
    @GetMapping("/territory/map.json")
    @ResponseBody
    java.util.List<MapPoint> map(CurrentUser user) {
        return communities.all(lookups.scope(user), new Communities.Filter(null, null, null)).stream()
                .filter(c -> c.latitude() != null && c.longitude() != null)
                .map(c -> new MapPoint(c.code(), c.name(), c.streetName(), c.longitude(), c.latitude(), c.households()))
                .toList();
    }

    @GetMapping("/streets/{code}")
    String street(CurrentUser user, @PathVariable String code, Model model) {
        DataScope scope = lookups.scope(user);
        model.addAttribute("street", lookups.street(scope, code));
        model.addAttribute("communities", communities.all(scope, new Communities.Filter(null, code, null)));
        model.addAttribute("liaisons", liaisons.all(scope, new Liaisons.Filter(code, null, false)));
        return "directory/street";
    }

    @GetMapping("/communities")
    String communities(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String street,
                       @RequestParam(required = false) Boolean paired, @RequestParam(required = false) Integer page,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        DataScope scope = lookups.scope(user);
        model.addAttribute("filter", new Communities.Filter(q, street, paired));
        model.addAttribute("streets", streets.all(scope, null));
        model.addAttribute("result", communities.page(scope, new Communities.Filter(q, street, paired), PageQuery.of(page, 50)));
        return Htmx.view(htmx, "directory/communities");
    }

    @GetMapping("/communities/{code}")
    String community(CurrentUser user, @PathVariable String code, Model model) {
        DataScope scope = lookups.scope(user);
        var community = lookups.community(scope, code);
        model.addAttribute("community", community);
        model.addAttribute("grids", grids.all(scope, new Grids.Filter(null, code, null)));
        model.addAttribute("pairings", pairings.all(scope, new Pairings.Filter(null, code, null, false)));
        model.addAttribute("liaisons", liaisons.all(scope, new Liaisons.Filter(community.streetCode(), null, false)));
        return "directory/community";
    }

    @GetMapping("/grids")
    String grids(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String community,
                 @RequestParam(required = false) Integer page,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("filter", new Grids.Filter(q, community, null));
        model.addAttribute("result", grids.page(lookups.scope(user), new Grids.Filter(q, community, null), PageQuery.of(page, 50)));
        return Htmx.view(htmx, "directory/grids");
    }

    record MapPoint(String code, String name, String street, double longitude, double latitude, int households) {
    }
}
