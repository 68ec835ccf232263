package org.ronghe.visits.web;

import java.util.List;

import org.ronghe.visits.visit.Coverage;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A coverage row with the links of its figures, each to the records counted: built once here rather than
 * by the template, whose per-row preprocessed links cost more than the query.
 */
record CoverageLine(Coverage.Row row, String households, String visited, String visits, String problems, String resolved,
                    String followedUp) {

    static List<CoverageLine> of(List<Coverage.Row> rows, Coverage.By by, Long campaign) {
        return rows.stream().map(row -> of(row, by, campaign)).toList();
    }

    private static CoverageLine of(Coverage.Row row, Coverage.By by, Long campaign) {
        String filter = switch (by) {
            case COMMUNITY -> "community";
            case ORGAN -> "organ";
            case PARTY_ORG -> "partyOrg";
            case MEMBER -> "member";
            case LEADER -> null;
        };
        return new CoverageLine(row,
                by == Coverage.By.COMMUNITY ? link("/visits/households", null, "community", row.code(), null, null) : null,
                link("/visits/list", campaign, filter, row.code(), "first", "true"),
                link("/visits/list", campaign, filter, row.code(), null, null),
                link("/visits/problems", campaign, filter, row.code(), null, null),
                link("/visits/problems", campaign, filter, row.code(), "resolved", "true"),
                link("/visits/problems", campaign, filter, row.code(), "state", "FOLLOWED_UP"));
    }

    private static String link(String path, Long campaign, String filter, String code, String name, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (campaign != null) {
            uri.queryParam("campaign", campaign);
        }
        if (filter != null) {
            uri.queryParam(filter, code);
        }
        if (name != null) {
            uri.queryParam(name, value);
        }
        return uri.encode().build().toUriString();
    }
}
