package org.ronghe.directory.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.PageQuery;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searching members by part of a name or code finds exactly the members whose name or code contains the
 * words (the page and the export read the same rows), whatever narrows the search on the way (on PostgreSQL the index of two-character pieces).
 */
@RongheTest
class MemberSearchTests {

    @Autowired
    Members members;
    @Autowired
    DataScopes scopes;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberIsFoundByAnyPartOfTheirNameOrCodeAndByNothingElse() {
        DataScope everything = scopes.of(accounts.byUsername("committee").orElseThrow());
        List<Map<String, Object>> all = jdbc.sql("SELECT name, code FROM member").query().listOfRows();
        String name = (String) all.get(all.size() / 2).get("name");
        String code = (String) all.get(all.size() / 3).get("code");
        List<String> words = new ArrayList<>(List.of(name, name.substring(0, 2), name.substring(name.length() - 2),
                name.substring(0, 1), code, code.substring(code.length() - 3), code.toLowerCase(Locale.ROOT),
                name.substring(name.length() - 1) + " " + code.substring(0, 1), "无此人名", "%", "_"));
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            List<String> expected = all.stream()
                    .filter(m -> ((String) m.get("name")).toLowerCase(Locale.ROOT).contains(w)
                            || ((String) m.get("code")).toLowerCase(Locale.ROOT).contains(w))
                    .map(m -> (String) m.get("code")).sorted().toList();
            List<String> found = new ArrayList<>();
            members.forEach(everything, Members.Filter.byText(word), m -> found.add(m.code()));
            found.sort(null);
            assertThat(found).as("search for «" + word + "»").isEqualTo(expected);
        }
        assertThat(members.page(everything, Members.Filter.byText(name.substring(0, 2)), new PageQuery(1, 10)).total())
                .as("a real name's first two characters find someone").isPositive();
    }
}
