package org.ronghe.directory.web;

import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.PartyAffairsRole;
import org.ronghe.directory.Position;
import org.ronghe.directory.member.Members;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MemberPages {

    private final Lookups lookups;
    private final Members members;

    MemberPages(Lookups lookups, Members members) {
        this.lookups = lookups;
        this.members = members;
    }

    @GetMapping("/members")
    String members(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String organ,
                   @RequestParam(required = false) String partyOrg, @RequestParam(required = false) String community,
                   @RequestParam(required = false) String street, @RequestParam(required = false) MemberStatus status,
                   @RequestParam(required = false) Position position,
                   @RequestParam(required = false) PartyAffairsRole partyAffairsRole,
                   @RequestParam(required = false) Boolean cadre, @RequestParam(required = false) Integer page,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new Members.Filter(q, organ, partyOrg, community, street, status, position, partyAffairsRole, cadre);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("positions", Position.values());
        model.addAttribute("cadreRoles", PartyAffairsRole.values());
        model.addAttribute("result", members.page(lookups.scope(user), filter, PageQuery.of(page, 50)));
        return Htmx.view(htmx, "directory/members");
    }

    @GetMapping("/members/{code}")
    String member(CurrentUser user, @PathVariable String code, Model model) {
        model.addAttribute("member", lookups.member(lookups.scope(user), code));
        return "directory/member";
    }
}
