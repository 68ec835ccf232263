package org.ronghe.directory.search;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.link.Leaders;
import org.ronghe.directory.member.Members;
import org.ronghe.directory.organ.Organs;
import org.ronghe.directory.organ.PartyOrgs;
import org.ronghe.directory.territory.Communities;
import org.ronghe.directory.territory.Streets;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.stereotype.Service;

/**
 * One search box over the whole directory: the first matches of each kind with the total, each
 * leading to the full list filtered by the same text. Names and codes only, never phone or ID
 * numbers, so a masked viewer cannot find a person by them.
 */
@Service
public class DirectorySearch {

    static final int PER_KIND = 8;
    private final Streets streets;
    private final Communities communities;
    private final Organs organs;
    private final PartyOrgs partyOrgs;
    private final Members members;
    private final Leaders leaders;

    DirectorySearch(Streets streets, Communities communities, Organs organs, PartyOrgs partyOrgs, Members members,
                    Leaders leaders) {
        this.streets = streets;
        this.communities = communities;
        this.organs = organs;
        this.partyOrgs = partyOrgs;
        this.members = members;
        this.leaders = leaders;
    }

    public Results search(DataScope scope, String q) {
        if (q == null || q.isBlank()) {
            return Results.EMPTY;
        }
        PageQuery first = new PageQuery(1, PER_KIND);
        return new Results(q.trim(),
                streets.page(scope, q, first),
                communities.page(scope, new Communities.Filter(q, null, null), first),
                organs.page(scope, new Organs.Filter(q, null), first),
                partyOrgs.page(scope, new PartyOrgs.Filter(q, null, null, null), first),
                members.page(scope, Members.Filter.byText(q), first),
                leaders.page(scope, q, first));
    }

    public record Results(String q, PageResult<Streets.StreetRow> streets, PageResult<Communities.CommunityRow> communities,
                          PageResult<Organs.OrganRow> organs, PageResult<PartyOrgs.PartyOrgRow> partyOrgs,
                          PageResult<Members.MemberRow> members, PageResult<Leaders.LeaderRow> leaders) {

        static final Results EMPTY = new Results("", null, null, null, null, null, null);

        public long total() {
            return q.isEmpty() ? 0 : streets.total() + communities.total() + organs.total() + partyOrgs.total()
                    + members.total() + leaders.total();
        }
    }
}
