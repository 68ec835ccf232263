package org.ronghe.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A campaign from opening to coverage: the households of each organ's paired communities shared out among
 * its members, each member seeing their own share, the figures of coverage equal to the records behind them,
 * and the head of household's phone shown only to those whose work needs it.
 */
@RongheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "ronghe.test.schema=visit_campaign")
class CampaignTests {

    static final Pattern FULL_PHONE = Pattern.compile("1[3-9]\\d{9}");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Api api;
    @Autowired
    Pages pages;

    CallsClient calls;
    long campaign;

    @BeforeAll
    void aCampaignOfEveryOrganIsOpenedAndItsHouseholdsSharedOut() {
        calls = new CallsClient(context);
        LocalDate today = LocalDate.now(CallsClient.SHANGHAI);
        Api.Response opened = calls.post("committee", "/api/v1/campaigns", Map.of("name", "入户走访", "startsOn", today.minusDays(3).toString(),
                "endsOn", today.plusDays(60).toString(), "targetPerVisitor", 3), "Idempotency-Key", "campaign-1");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        campaign = opened.json().get("id").asLong();
        Api.Response assigned = calls.post("committee", "/api/v1/campaigns/" + campaign + "/assignments", null);
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
    }

    @Test
    void theSameKeyOpensTheCampaignOnceAndOnlyTheCommitteeOpensOne() {
        LocalDate today = LocalDate.now(CallsClient.SHANGHAI);
        Map<String, Object> body = Map.of("name", "入户走访", "startsOn", today.toString(), "endsOn", today.plusDays(6).toString(),
                "targetPerVisitor", 3);
        Api.Response again = calls.post("committee", "/api/v1/campaigns", body, "Idempotency-Key", "campaign-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(campaign);
        assertThat(calls.post("secretary", "/api/v1/campaigns", body).status()).isEqualTo(403);
        Api.Response twice = calls.post("committee", "/api/v1/campaigns/" + campaign + "/assignments", null);
        assertThat(twice.status()).isEqualTo(409);
        Api.Response backwards = calls.post("committee", "/api/v1/campaigns", Map.of("name", "倒置的活动", "startsOn", today.toString(),
                "endsOn", today.minusDays(1).toString(), "targetPerVisitor", 3));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("结束日期不能早于开始日期");
        Api.Response epoch = calls.post("committee", "/api/v1/campaigns", Map.of("name", "1970 年的活动", "startsOn", "1970-01-01",
                "endsOn", today.toString(), "targetPerVisitor", 3));
        assertThat(epoch.status()).isEqualTo(400);
        assertThat(epoch.text()).contains("活动日期应在 2000-01-01 至 2099-12-31 之间");
    }

    @Test
    void everyOrgansMembersShareTheHouseholdsOfItsPairedCommunitiesEvenlyAndNoHouseholdTwice() {
        assertThat(jdbc.sql("SELECT COUNT(*) - COUNT(DISTINCT household_id) FROM visit_assignment WHERE campaign_id = :c")
                .param("c", campaign).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM visit_assignment a WHERE a.campaign_id = :c AND NOT EXISTS (SELECT 1 FROM pairing p
                WHERE p.organ_id = a.organ_id AND p.community_id = a.community_id AND p.ended_on IS NULL)""")
                .param("c", campaign).query(Long.class).single()).isZero();
        List<long[]> spread = jdbc.sql("""
                SELECT m.organ_id, MIN(COALESCE(n.assigned, 0)), MAX(COALESCE(n.assigned, 0)) FROM member m
                LEFT JOIN (SELECT member_id, COUNT(*) AS assigned FROM visit_assignment WHERE campaign_id = :c GROUP BY member_id) n
                  ON n.member_id = m.id
                GROUP BY m.organ_id""").param("c", campaign)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        assertThat(spread).isNotEmpty().allSatisfy(organ -> {
            assertThat(organ[2] - organ[1]).as("organ %d", organ[0]).isLessThanOrEqualTo(1);
            assertThat(organ[2]).isLessThanOrEqualTo(3);
        });
    }

    @Test
    void aMemberSeesOnlyTheirOwnAssignments() {
        JsonNode mine = api.get("member", "/api/v1/campaigns/" + campaign + "/assignments?size=200").json();
        long own = jdbc.sql("SELECT COUNT(*) FROM visit_assignment a JOIN member m ON m.id = a.member_id WHERE a.campaign_id = :c"
                + " AND m.code = 'DY000001'").param("c", campaign).query(Long.class).single();
        assertThat(mine.get("total").asLong()).isEqualTo(own);
        String name = jdbc.sql("SELECT name FROM member WHERE code = 'DY000001'").query(String.class).single();
        mine.get("items").forEach(a -> assertThat(a.get("visitor").asString()).isEqualTo(name));
        JsonNode everyone = api.get("committee", "/api/v1/campaigns/" + campaign + "/assignments?size=1").json();
        assertThat(everyone.get("total").asLong()).isGreaterThan(own);
        assertThat(api.get("member", "/api/v1/campaigns/" + campaign + "/assignments?member=DY000002").json().get("total").asLong())
                .isLessThanOrEqualTo(own);
    }

    @Test
    void coverageAddsUpToTheVisitsAndProblemsOnRecord() {
        List<Long> households = jdbc.sql("""
                SELECT a.household_id FROM visit_assignment a JOIN member m ON m.id = a.member_id
                WHERE a.campaign_id = :c AND m.code = 'DY000001' ORDER BY a.id""").param("c", campaign).query(Long.class).list();
        assertThat(households).isNotEmpty();
        JsonNode before = api.get("committee", "/api/v1/figures").json();
        Api.Response first = calls.post("member", "/api/v1/visits", Map.of("household", households.get(0), "heard", "住户反映路灯不亮",
                "problems", List.of(Map.of("summary", "路灯不亮", "category", "MUNICIPAL"))));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        // A second visit to the same household is a visit, not another household visited.
        assertThat(calls.post("member", "/api/v1/visits", Map.of("household", households.get(0), "heard", "复访")).status()).isEqualTo(201);
        JsonNode after = api.get("committee", "/api/v1/figures").json();
        for (String key : List.of("householdsVisited", "problemsHeard")) {
            assertThat(after.get(key).asLong()).as(key).isEqualTo(before.get(key).asLong() + 1);
        }
        assertThat(after.get("visitingMembers").asLong()).isGreaterThanOrEqualTo(before.get("visitingMembers").asLong());

        for (String by : List.of("community", "organ", "party-org", "member")) {
            JsonNode rows = api.get("committee", "/api/v1/campaigns/" + campaign + "/coverage?by=" + by + "&size=200").json().get("items");
            long visited = 0;
            long visits = 0;
            long problems = 0;
            for (JsonNode row : rows) {
                if (!by.equals("party-org")) {
                    visited += row.get("visited").asLong();
                    visits += row.get("visits").asLong();
                    problems += row.get("problems").asLong();
                }
            }
            if (!by.equals("party-org")) {
                assertThat(visited).as(by).isEqualTo(records("SELECT COUNT(DISTINCT household_id) FROM visit WHERE campaign_id = :c"));
                assertThat(visits).as(by).isEqualTo(records("SELECT COUNT(*) FROM visit WHERE campaign_id = :c"));
                assertThat(problems).as(by).isEqualTo(records("SELECT COUNT(*) FROM visit_problem WHERE campaign_id = :c"));
            }
        }
        JsonNode community = api.get("committee", "/api/v1/campaigns/" + campaign + "/coverage?by=community&size=200").json().get("items");
        for (JsonNode row : community) {
            assertThat(row.get("households").asLong()).as(row.get("code").asString())
                    .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM household h JOIN community c ON c.id = h.community_id WHERE c.code = :c")
                            .param("c", row.get("code").asString()).query(Long.class).single());
        }
        JsonNode branch = api.get("committee", "/api/v1/campaigns/" + campaign + "/coverage?by=party-org&size=200").json().get("items");
        String own = jdbc.sql("SELECT p.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE m.code = 'DY000001'")
                .query(String.class).single();
        List<String> codes = new ArrayList<>();
        branch.forEach(row -> codes.add(row.get("code").asString()));
        assertThat(codes).contains(own);
    }

    @Test
    void aMemberOfABranchNotYetVisitingUnderAnOrganisationThatIsRaisesVisitingMembersAndOrgsByOne() {
        // Two branches under one organisation, both of an organ with a paired community, no visits by either yet.
        record Pair(String first, String second, String organ) {
        }
        Pair pair = jdbc.sql("""
                SELECT MIN(m1.code), MIN(m2.code), MIN(o.code) FROM party_org b1 JOIN party_org b2 ON b2.parent_id = b1.parent_id AND b2.id > b1.id
                JOIN member m1 ON m1.party_org_id = b1.id JOIN member m2 ON m2.party_org_id = b2.id JOIN organ o ON o.id = m1.organ_id
                WHERE m2.organ_id = m1.organ_id AND EXISTS (SELECT 1 FROM pairing p WHERE p.organ_id = o.id AND p.ended_on IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.party_org_id IN (b1.id, b2.id))
                GROUP BY b1.id, b2.id ORDER BY b1.id LIMIT 1""")
                .query((rs, n) -> new Pair(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        long household = jdbc.sql("""
                SELECT MIN(h.id) FROM household h JOIN pairing p ON p.community_id = h.community_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code = :o AND p.ended_on IS NULL AND NOT EXISTS (SELECT 1 FROM visit_assignment a JOIN member m ON m.id = a.member_id
                                  WHERE a.household_id = h.id AND m.code = 'DY000001')
                  AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)""").param("o", pair.organ()).query(Long.class).single();
        assertThat(calls.post("committee", "/api/v1/visits", Map.of("household", household, "member", pair.first())).status()).isEqualTo(201);
        JsonNode before = api.get("committee", "/api/v1/figures").json();

        Api.Response second = calls.post("committee", "/api/v1/visits", Map.of("household", household, "member", pair.second(),
                "problems", List.of(Map.of("summary", "楼道堆物", "category", "SAFETY"))));
        assertThat(second.status()).as(second.text()).isEqualTo(201);

        JsonNode after = api.get("committee", "/api/v1/figures").json();
        assertThat(after.get("visitingMembers").asLong()).isEqualTo(before.get("visitingMembers").asLong() + 1);
        assertThat(after.get("visitingOrgs").asLong()).isEqualTo(before.get("visitingOrgs").asLong() + 1);
        assertThat(after.get("problemsHeard").asLong()).isEqualTo(before.get("problemsHeard").asLong() + 1);
        assertThat(after.get("householdsVisited").asLong()).isEqualTo(before.get("householdsVisited").asLong());
    }

    @Test
    void everyVisitFigureEqualsTheListItLinksTo() {
        for (String user : List.of("committee", "secretary", "street", "community", "leader", "member")) {
            JsonNode figures = api.get(user, "/api/v1/figures").json();
            assertThat(total(user, "/api/v1/visits/coverage?by=party-org")).as(user).isEqualTo(figures.get("visitingOrgs").asLong());
            assertThat(total(user, "/api/v1/visits/coverage?by=member")).as(user).isEqualTo(figures.get("visitingMembers").asLong());
            assertThat(total(user, "/api/v1/households?visited=true")).as(user).isEqualTo(figures.get("householdsVisited").asLong());
            assertThat(total(user, "/api/v1/visits/problems")).as(user).isEqualTo(figures.get("problemsHeard").asLong());
            assertThat(total(user, "/api/v1/visits/problems?resolved=true")).as(user).isEqualTo(figures.get("problemsResolved").asLong());
            assertThat(total(user, "/api/v1/households?followedUp=true")).as(user).isEqualTo(figures.get("householdsFollowedUp").asLong());
            assertThat(api.get(user, "/api/v1/campaigns").json().size()).as(user).isEqualTo(figures.get("campaigns").asLong());
        }
    }

    @Test
    void theHeadOfHouseholdsPhoneIsWholeOnlyForTheCommunityAndTheAssignedVisitorInListsPagesAndExports() {
        String community = jdbc.sql("SELECT scope_code FROM account WHERE username = 'community'").query(String.class).single();
        String whole = calls.account("staff-" + community, "COMMUNITY_STAFF", community);
        assertThat(FULL_PHONE.matcher(api.get(whole, "/api/v1/households?size=50").text()).find()).isTrue();
        assertThat(FULL_PHONE.matcher(cells(api.get(whole, "/api/v1/households/export.xlsx").body())).find()).isTrue();
        for (String masked : List.of("committee", "street", "secretary", "leader")) {
            assertThat(FULL_PHONE.matcher(api.get(masked, "/api/v1/households?size=200").text()).find()).as(masked).isFalse();
            assertThat(FULL_PHONE.matcher(cells(api.get(masked, "/api/v1/households/export.xlsx").body())).find()).as(masked).isFalse();
            assertThat(FULL_PHONE.matcher(pages.open(masked, "/visits/households").html()).find()).as(masked).isFalse();
        }
        JsonNode assigned = api.get("member", "/api/v1/households?mine=true&size=50").json().get("items");
        assertThat(assigned).isNotEmpty();
        assigned.forEach(h -> assertThat(h.get("headPhone").isNull() || !h.get("headPhone").asString().contains("*")).isTrue());
    }

    @Test
    void exportingHouseholdsAgainAndAgainGivesEveryConnectionBack() {
        // More exports than the pool has connections: one kept open by an export would leave the last ones waiting.
        for (int i = 0; i < 25; i++) {
            assertThat(api.get("committee", "/api/v1/households/export.xlsx").status()).as("export %d", i).isEqualTo(200);
        }
    }

    @Test
    void anImportWithABadRowImportsNothingAndNamesEveryBadCell() {
        String community = jdbc.sql("SELECT c.code FROM community c ORDER BY c.code LIMIT 1").query(String.class).single();
        long before = records("SELECT COUNT(*) FROM household WHERE :c = :c");
        String csv = "户编码,社区编码,地址,户主姓名,户主电话\n"
                + "IMP-1," + community + ",新建小区1栋101室,张三,13800001111\n"
                + "IMP-2,NO-SUCH,新建小区1栋102室,,12345\n";
        Api.Response refused = api.upload("committee", "/api/v1/households/imports", "households.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("社区编码").contains("户主姓名").contains("户主电话").contains("\"row\":3");
        assertThat(records("SELECT COUNT(*) FROM household WHERE :c = :c")).isEqualTo(before);

        Api.Response imported = api.upload("committee", "/api/v1/households/imports", "households.csv",
                ("户编码,社区编码,地址,户主姓名\nIMP-1," + community + ",新建小区1栋101室,张三\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        assertThat(records("SELECT COUNT(*) FROM household WHERE :c = :c")).isEqualTo(before + 1);
        assertThat(records("SELECT t.households FROM household_tally t JOIN community c ON c.id = t.community_id WHERE c.code = '"
                + community + "' AND :c = :c")).isEqualTo(records("SELECT COUNT(*) FROM household h JOIN community c ON c.id = h.community_id"
                + " WHERE c.code = '" + community + "' AND :c = :c"));
    }

    @Test
    void theVisitPagesOpenForEveryRole() {
        long household = jdbc.sql("SELECT MIN(a.household_id) FROM visit_assignment a JOIN member m ON m.id = a.member_id"
                + " WHERE m.code = 'DY000001'").query(Long.class).single();
        for (String path : List.of("/visits", "/visits/campaigns", "/visits/campaigns/" + campaign, "/visits/campaigns/" + campaign
                + "?by=member", "/visits/coverage?by=party-org", "/visits/households", "/visits/list", "/visits/problems",
                "/visits/record?q=栋", "/visits/households/import")) {
            for (String user : List.of("committee", "secretary", "member", "street", "community", "leader")) {
                var page = pages.open(user, path);
                // /visits is a member's or leader's own work; everyone else is taken to the campaigns.
                assertThat(page.status()).as(user + " " + path).isEqualTo(path.equals("/visits") && !List.of("member", "leader").contains(user)
                        ? 302 : 200);
            }
        }
        assertThat(pages.open("member", "/visits/record?household=" + household).html()).contains("id=\"visit-form\"");
        assertThat(pages.open("member", "/visits/households/" + household).status()).isEqualTo(200);
        assertThat(pages.open("street", "/visits/households/" + household).status()).isIn(200, 403);
    }

    private long total(String user, String path) {
        return api.get(user, path).json().get("total").asLong();
    }

    private long records(String sql) {
        return jdbc.sql(sql).param("c", campaign).query(Long.class).single();
    }

    private static String cells(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            StringBuilder all = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> all.append(format.formatCellValue(cell)).append('|')));
            return all.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
