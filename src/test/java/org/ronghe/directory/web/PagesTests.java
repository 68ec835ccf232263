package org.ronghe.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The pages: every one renders, in Chinese first and English on request, masked where the role needs it. */
@RongheTest
class PagesTests {

    static final Pattern FULL_PHONE = Pattern.compile(">1[3-9]\\d{9}<");
    static final Pattern MASKED_PHONE = Pattern.compile(">1[3-9]\\d\\*{4}\\d{4}<");

    @Autowired
    Pages pages;

    @Test
    void everyDirectoryPageOpensForTheWorkCommittee() {
        for (String path : new String[]{"/", "/territory", "/streets/440103001", "/communities", "/communities/440103001001",
                "/grids", "/organs", "/organs/JG001", "/party-orgs", "/party-orgs?grassroots=true", "/party-orgs/JG001-001",
                "/members", "/members/DY000001", "/leaders", "/liaisons", "/pairings", "/findings", "/search?q=区",
                "/transfer", "/audit", "/accounts", "/account/password"}) {
            var page = pages.open("committee", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html()).as(path).contains("<h1").contains("lang-switch");
        }
    }

    @Test
    void theHomePageShowsEachFigureLinkingToTheListBehindIt() {
        String html = pages.open("committee", "/").html();
        assertThat(html).contains("href=\"/territory\" id=\"figure-streets\"")
                .contains("href=\"/party-orgs?grassroots=true\" id=\"figure-partyOrgs\"")
                .contains("href=\"/members\" id=\"figure-members\"")
                .contains("基层党组织");
    }

    @Test
    void pagesSpeakChineseUntilEnglishIsChosen() {
        assertThat(pages.open("street", "/territory").html()).contains("<h1>区域</h1>").contains("lang=\"zh-CN\"");
        var english = pages.open("street", "/territory?lang=en");
        assertThat(english.html()).contains("<h1>Territory</h1>").contains("lang=\"en\"");
        Cookie remembered = english.result().getResponse().getCookie("ronghe-lang");
        assertThat(remembered).isNotNull();
        assertThat(pages.open("street", "/members", remembered).html()).contains("Party members");
    }

    @Test
    void aStreetWorkerSeesPhonesMaskedAndTheWorkCommitteeSeesThemWhole() {
        String masked = pages.open("street", "/members").html();
        assertThat(MASKED_PHONE.matcher(masked).find()).isTrue();
        assertThat(FULL_PHONE.matcher(masked).find()).isFalse();
        String whole = pages.open("committee", "/members").html();
        assertThat(FULL_PHONE.matcher(whole).find()).isTrue();
        assertThat(MASKED_PHONE.matcher(whole).find()).isFalse();
    }

    @Test
    void aMemberDetailTellsTheViewerThatPersonalDataIsMasked() {
        String code = firstMemberCodeOf("street");
        String html = pages.open("street", "/members/" + code).html();
        assertThat(html).contains("已按您的权限脱敏");
        assertThat(html).containsPattern("id=\"member-id-number\">\\d{6}\\*{8}[\\dX]{4}<");
    }

    @Test
    void aPageOutsideTheScopeAnswers403InChinese() {
        var page = pages.open("community", "/organs/JG001");
        assertThat(page.status()).isEqualTo(403);
    }

    @Test
    void aFilteredListAnswersHtmxWithJustTheResults() {
        var page = pages.open("committee", MockMvcRequestBuilders.get("/members").param("q", "DY00000").header("HX-Request", "true"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).doesNotContain("<html").contains("id=\"results\"").contains("DY000001");
    }

    @Test
    void theSearchFindsAMemberByName() {
        String code = firstMemberCodeOf("committee");
        String name = pages.open("committee", "/members/" + code).html().replaceAll("(?s).*<h1>([^<]+)</h1>.*", "$1");
        assertThat(pages.open("committee", "/search?q=" + name).html()).contains("/members/" + code);
    }

    private String firstMemberCodeOf(String username) {
        var matcher = Pattern.compile("href=\"/members/(DY\\d+)\"").matcher(pages.open(username, "/members").html());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
