package org.ronghe.directory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.PartyAffairsRole;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.Position;
import org.ronghe.directory.findings.Finding;
import org.ronghe.directory.findings.Findings;
import org.ronghe.directory.link.Leaders;
import org.ronghe.directory.link.Liaisons;
import org.ronghe.directory.link.Pairings;
import org.ronghe.directory.member.Members;
import org.ronghe.directory.organ.Organs;
import org.ronghe.directory.organ.PartyOrgs;
import org.ronghe.directory.search.DirectorySearch;
import org.ronghe.directory.territory.Communities;
import org.ronghe.directory.territory.Grids;
import org.ronghe.directory.territory.Streets;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory as JSON, every list and record filtered by the caller's data scope. */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "directory", description = "条块目录：区域、机关、党组织、党员、挂点与结对")
class DirectoryApi {

    private final Lookups lookups;
    private final Streets streets;
    private final Communities communities;
    private final Grids grids;
    private final Organs organs;
    private final PartyOrgs partyOrgs;
    private final Members members;
    private final Leaders leaders;
    private final Liaisons liaisons;
    private final Pairings pairings;
    private final Findings findings;
    private final DirectorySearch search;

    DirectoryApi(Lookups lookups, Streets streets, Communities communities, Grids grids, Organs organs,
                 PartyOrgs partyOrgs, Members members, Leaders leaders, Liaisons liaisons, Pairings pairings,
                 Findings findings, DirectorySearch search) {
        this.lookups = lookups;
        this.streets = streets;
        this.communities = communities;
        this.grids = grids;
        this.organs = organs;
        this.partyOrgs = partyOrgs;
        this.members = members;
        this.leaders = leaders;
        this.liaisons = liaisons;
        this.pairings = pairings;
        this.findings = findings;
        this.search = search;
    }

    @GetMapping("/streets")
    @Operation(summary = "街道列表")
    PageResult<Streets.StreetRow> streets(CurrentUser user, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return streets.page(lookups.scope(user), q, PageQuery.of(page, size));
    }

    @GetMapping("/streets/{code}")
    @Operation(summary = "街道详情")
    Streets.StreetRow street(CurrentUser user, @PathVariable String code) {
        return lookups.street(lookups.scope(user), code);
    }

    @GetMapping("/communities")
    @Operation(summary = "社区列表")
    PageResult<Communities.CommunityRow> communities(CurrentUser user, @RequestParam(required = false) String q,
                                                     @RequestParam(required = false) String street,
                                                     @RequestParam(required = false) Boolean paired,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        return communities.page(lookups.scope(user), new Communities.Filter(q, street, paired), PageQuery.of(page, size));
    }

    @GetMapping("/communities/{code}")
    @Operation(summary = "社区详情")
    Communities.CommunityRow community(CurrentUser user, @PathVariable String code) {
        return lookups.community(lookups.scope(user), code);
    }

    @GetMapping("/grids")
    @Operation(summary = "网格列表")
    PageResult<Grids.GridRow> grids(CurrentUser user, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) String community,
                                    @RequestParam(required = false) String street,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return grids.page(lookups.scope(user), new Grids.Filter(q, community, street), PageQuery.of(page, size));
    }

    @GetMapping("/categories")
    @Operation(summary = "诉求类别")
    List<Organs.Duty> categories() {
        return organs.categories();
    }

    @GetMapping("/organs")
    @Operation(summary = "机关单位列表")
    PageResult<Organs.OrganRow> organs(CurrentUser user, @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String category,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return organs.page(lookups.scope(user), new Organs.Filter(q, category), PageQuery.of(page, size));
    }

    @GetMapping("/organs/{code}")
    @Operation(summary = "机关单位详情，含党组织树与结对社区")
    OrganDetail organ(CurrentUser user, @PathVariable String code) {
        var scope = lookups.scope(user);
        var organ = lookups.organ(scope, code);
        return new OrganDetail(organ, partyOrgs.treeOf(scope, organ.id()),
                pairings.all(scope, new Pairings.Filter(code, null, null, false)));
    }

    @GetMapping("/party-orgs")
    @Operation(summary = "党组织列表")
    PageResult<PartyOrgs.PartyOrgRow> partyOrgs(CurrentUser user, @RequestParam(required = false) String q,
                                                @RequestParam(required = false) String organ,
                                                @RequestParam(required = false) PartyOrgKind kind,
                                                @RequestParam(required = false) Boolean grassroots,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return partyOrgs.page(lookups.scope(user), new PartyOrgs.Filter(q, organ, kind, grassroots), PageQuery.of(page, size));
    }

    @GetMapping("/party-orgs/{code}")
    @Operation(summary = "党组织详情")
    PartyOrgs.PartyOrgRow partyOrg(CurrentUser user, @PathVariable String code) {
        return lookups.partyOrg(lookups.scope(user), code);
    }

    @GetMapping("/members")
    @Operation(summary = "党员列表（手机号、身份证号按权限脱敏）")
    PageResult<Members.MemberRow> members(CurrentUser user, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String organ,
                                          @RequestParam(required = false) String partyOrg,
                                          @RequestParam(required = false) String community,
                                          @RequestParam(required = false) String street,
                                          @RequestParam(required = false) MemberStatus status,
                                          @RequestParam(required = false) Position position,
                                          @RequestParam(required = false) PartyAffairsRole partyAffairsRole,
                                          @RequestParam(required = false) Boolean cadre,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return members.page(lookups.scope(user), new Members.Filter(q, organ, partyOrg, community, street, status,
                position, partyAffairsRole, cadre), PageQuery.of(page, size));
    }

    @GetMapping("/members/{code}")
    @Operation(summary = "党员详情（手机号、身份证号按权限脱敏）")
    Members.MemberRow member(CurrentUser user, @PathVariable String code) {
        return lookups.member(lookups.scope(user), code);
    }

    @GetMapping("/leaders")
    @Operation(summary = "区领导列表")
    PageResult<Leaders.LeaderRow> leaders(CurrentUser user, @RequestParam(required = false) String q,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return leaders.page(lookups.scope(user), q, PageQuery.of(page, size));
    }

    @GetMapping("/leaders/{code}")
    @Operation(summary = "区领导详情")
    Leaders.LeaderRow leader(CurrentUser user, @PathVariable String code) {
        return lookups.leader(lookups.scope(user), code);
    }

    @GetMapping("/liaisons")
    @Operation(summary = "区领导挂点街道")
    PageResult<Liaisons.LiaisonRow> liaisons(CurrentUser user, @RequestParam(required = false) String street,
                                             @RequestParam(required = false) String leader,
                                             @RequestParam(defaultValue = "false") boolean includeEnded,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return liaisons.page(lookups.scope(user), new Liaisons.Filter(street, leader, includeEnded), PageQuery.of(page, size));
    }

    @GetMapping("/pairings")
    @Operation(summary = "机关与社区结对共建")
    PageResult<Pairings.PairingRow> pairings(CurrentUser user, @RequestParam(required = false) String organ,
                                             @RequestParam(required = false) String community,
                                             @RequestParam(required = false) String street,
                                             @RequestParam(defaultValue = "false") boolean includeEnded,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return pairings.page(lookups.scope(user), new Pairings.Filter(organ, community, street, includeEnded),
                PageQuery.of(page, size));
    }

    @GetMapping("/findings")
    @Operation(summary = "规则检查发现的问题（由记录计算）")
    List<Finding> findings(CurrentUser user) {
        return findings.of(lookups.scope(user));
    }

    @GetMapping("/search")
    @Operation(summary = "跨目录搜索")
    DirectorySearch.Results search(CurrentUser user, @RequestParam String q) {
        return search.search(lookups.scope(user), q);
    }

    record OrganDetail(Organs.OrganRow organ, List<PartyOrgs.TreeNode> partyOrgs, List<Pairings.PairingRow> pairings) {
    }
}
