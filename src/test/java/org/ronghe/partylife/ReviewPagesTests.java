package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The review pages: the secretary opens a review, starts the vote, records a paper count and decides through the
 * forms; a member of the branch votes on the page; the list searches; refusals come back in Chinese; typed text is
 * shown as text.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_review_pages")
class ReviewPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    ApplicationContext context;

    @Test
    void theSecretaryRunsAReviewThroughTheFormsAndAMemberVotesOnThePage() {
        MeetingsClient client = new MeetingsClient(context);
        String branch = client.branches().get(0);
        List<String> full = client.members(branch, "FULL");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        var opened = pages.open("secretary", MockMvcRequestBuilders.post("/reviews").with(csrf()).param("org", branch)
                .param("year", String.valueOf(year)).param("key", "page-review-1"));
        assertThat(opened.status()).as(opened.html()).isEqualTo(302);
        String location = opened.result().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/reviews/");
        var page = pages.open("secretary", location);
        assertThat(page.html()).contains("自评互评").contains("开始投票").contains(full.get(0)).doesNotContain("??");

        assertThat(pages.open("secretary", MockMvcRequestBuilders.post(location + "/self-review").with(csrf())
                .param("member", full.get(0)).param("text", "<b>认真学习</b>")).status()).isEqualTo(302);
        assertThat(pages.open("secretary", MockMvcRequestBuilders.post(location + "/voting").with(csrf())).status()).isEqualTo(302);

        String member = client.calls.account("rvp-" + full.get(1).toLowerCase(), "MEMBER", full.get(1));
        var ballotPage = pages.open(member, location);
        assertThat(ballotPage.status()).isEqualTo(200);
        assertThat(ballotPage.html()).contains("id=\"ballot\"").contains("name=\"g-" + full.get(0) + "\"")
                .contains("&lt;b&gt;认真学习&lt;/b&gt;").contains("得票在评定后公布").doesNotContain("<b>认真学习</b>").doesNotContain("id=\"decision\"");
        var ballot = MockMvcRequestBuilders.post(location + "/ballot").with(csrf()).param("key", "page-ballot-1");
        full.forEach(code -> ballot.param("g-" + code, code.equals(full.get(0)) ? "EXCELLENT" : "QUALIFIED"));
        assertThat(pages.open(member, ballot).status()).isEqualTo(302);

        var paper = MockMvcRequestBuilders.post(location + "/tallies").with(csrf()).param("ballots", "2");
        full.forEach(code -> paper.param("e-" + code, "0").param("q-" + code, "2").param("b-" + code, "0").param("u-" + code, "0"));
        assertThat(pages.open("secretary", paper).status()).isEqualTo(302);
        var counted = pages.open("secretary", location);
        assertThat(counted.html()).contains("共 3 张（网上 1，纸质 2）").contains("id=\"decision\"");

        // Everyone 优秀 is beyond the cap: the page says so and nothing is decided.
        var tooMany = MockMvcRequestBuilders.post(location + "/decision").with(csrf());
        full.forEach(code -> tooMany.param("g-" + code, "EXCELLENT"));
        var refused = pages.open("secretary", tooMany);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("优秀的党员不能超过参评正式党员的三分之一").contains("投票中");

        var decide = MockMvcRequestBuilders.post(location + "/decision").with(csrf());
        full.forEach(code -> decide.param("g-" + code, "QUALIFIED"));
        assertThat(pages.open("secretary", decide).status()).isEqualTo(302);
        var decided = pages.open("secretary", location);
        assertThat(decided.html()).contains("已评定").doesNotContain("id=\"decision\"").doesNotContain("id=\"ballot\"");

        var list = pages.open("committee", "/reviews?q=" + branch + "&year=" + year);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("<h1").contains(location).contains("已评定").doesNotContain("??");
        assertThat(pages.open("committee", "/reviews?state=DECIDED&page=2").status()).isEqualTo(200);
        var twice = pages.open("secretary", MockMvcRequestBuilders.post("/reviews").with(csrf()).param("org", branch)
                .param("year", String.valueOf(year)));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.html()).contains("每个党组织每年一次");
    }

    @Test
    void theHomePageLinksTheReviewFiguresAndTheNavLeadsToTheList() {
        for (String user : List.of("committee", "secretary", "member", "community")) {
            var home = pages.open(user, "/");
            assertThat(home.status()).as(user).isEqualTo(200);
            assertThat(home.html()).as(user).contains("href=\"/reviews?state=DECIDED\" id=\"figure-reviewsDecided\"")
                    .contains("id=\"figure-membersReviewed\"").contains("id=\"nav-reviews\"");
        }
        assertThat(pages.open("community", "/reviews").status()).isEqualTo(200);
        assertThat(pages.open("community", "/reviews").html()).doesNotContain("开展民主评议</h2>");
    }
}
