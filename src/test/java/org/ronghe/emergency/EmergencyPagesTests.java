package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The committee declares an emergency on the page, calls up the zone's residents, the demo member answers 报到 with the
 * big button on their phone page, and the emergency's page shows the call-up's counts from the rows.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_pages")
class EmergencyPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommitteeDeclaresOnThePageAndTheMemberReportsWithOneButton() {
        String home = jdbc.sql("SELECT c.code FROM member m JOIN community c ON c.id = m.community_id WHERE m.code = 'DY000001'")
                .query(String.class).single();
        var list = pages.open("committee", "/emergencies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("宣布进入应急状态").contains("id=\"nav-emergencies\"").doesNotContain("??");

        var declared = pages.open("committee", MockMvcRequestBuilders.post("/emergencies").with(csrf()).param("code", "PAGE-1")
                .param("name", "防汛<b>应急</b>").param("kind", "FLOOD").param("sealed", home).param("key", "page-declare-1"));
        assertThat(declared.status()).as(declared.html()).isEqualTo(302);
        String location = declared.result().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var page = pages.open("committee", location);
        assertThat(page.html()).contains("防汛&lt;b&gt;应急&lt;/b&gt;").contains("封控").contains("hx-trigger=\"every 10s\"");

        assertThat(page.html()).contains("id=\"call-up-form\"");
        var sent = pages.open("committee", MockMvcRequestBuilders.post(location + "/call-ups").with(csrf())
                .param("title", "居住党员到社区报到").param("zone", "true").param("key", "page-call-1"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(pages.open("committee", MockMvcRequestBuilders.post(location + "/call-ups").with(csrf())
                .param("title", "居住党员到社区报到").param("zone", "true").param("key", "page-call-1")).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_up WHERE emergency_id = :e").param("e", id).query(Long.class).single()).isEqualTo(1);
        long callUpId = jdbc.sql("SELECT id FROM call_up WHERE emergency_id = :e").param("e", id).query(Long.class).single();
        CallUpDesk.Created called = new CallUpDesk.Created(callUpId, jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c")
                .param("c", callUpId).query(Integer.class).single(), false);
        var mine = pages.open("member", "/emergencies/mine");
        assertThat(mine.status()).as(mine.result().getResponse().getRedirectedUrl() + " " + mine.result().getResolvedException()).isEqualTo(200);
        assertThat(mine.html()).contains("居住党员到社区报到").contains("class=\"primary big\"").contains("不能参加");
        var answered = pages.open("member", MockMvcRequestBuilders.post("/emergencies/" + id + "/call-ups/" + called.id() + "/answer")
                .with(csrf()).param("answer", "REPORTING"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(pages.open("member", "/emergencies/mine").html()).doesNotContain("class=\"primary big\"");

        var panel = pages.open("committee", "/emergencies/" + id + "/call-ups-panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.html()).contains("居住党员到社区报到").contains("<td>" + called.called() + "</td>").contains("<td>1</td>");
    }
}
