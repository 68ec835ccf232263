package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.partylife.CommitmentsClient.card;
import static org.ronghe.partylife.CommitmentsClient.promise;
import static org.ronghe.partylife.CommitmentsClient.thisYear;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The 三亮 pages: a member publishes through the form, anyone reads the card, the list filters and exports what it shows. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_commitment_pages")
class CommitmentPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    ApplicationContext context;

    CommitmentsClient client;
    String me;

    @BeforeEach
    void client() {
        client = new CommitmentsClient(context);
        me = client.codeOf("member");
    }

    @Test
    void a_member_publishes_their_card_through_the_form_and_any_signed_in_person_reads_it_without_a_phone_number() {
        var home = pages.open("member", "/");
        assertThat(home.html()).contains("id=\"nav-my-card\"", "/members/" + me + "/card");
        var form = pages.open("member", "/commitments/card");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("亮清单", "name=\"target\"", "HOUSEHOLDS_VISITED");
        var sent = pages.open("member", MockMvcRequestBuilders.post("/commitments/card").with(csrf()).param("member", me)
                .param("year", String.valueOf(thisYear())).param("duties", "按时参加组织生活\n联系结对社区，走访困难群众")
                .param("key", "form-card-1")
                .param("id", "", "").param("text", "立足岗位，办事公道，讲求效率", "走访住户，了解民情")
                .param("target", "", "HOUSEHOLDS_VISITED").param("count", "", "1000").param("meeting", "", "").param("decision", "", ""));
        assertThat(sent.status()).as(sent.html()).isEqualTo(302);
        String location = sent.result().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/members/" + me + "/card");

        String phone = client.jdbc.sql("SELECT phone FROM member WHERE code = :c").param("c", me).query(String.class).single();
        for (String user : List.of("member", "street", "community", "leader")) {
            var card = pages.open(user, location);
            assertThat(card.status()).as(user).isEqualTo(200);
            assertThat(card.html()).as(user).contains("亮身份", "亮承诺", "亮清单", "立足岗位，办事公道，讲求效率", "联系结对社区，走访困难群众",
                    "不可量化", "<progress").doesNotContain("??");
            if (phone != null) {
                assertThat(card.html()).as(user).doesNotContain(phone);
            }
        }
        assertThat(pages.open("member", location).html()).contains("id=\"card-edit\"", "修订记录");
        assertThat(pages.open("street", location).html()).doesNotContain("id=\"card-edit\"", "/withdraw");
    }

    @Test
    void a_form_with_a_bad_target_is_shown_again_with_the_reason_in_chinese() {
        var refused = pages.open("member", MockMvcRequestBuilders.post("/commitments/card").with(csrf()).param("member", me)
                .param("id", "").param("text", "走访住户").param("target", "HOUSEHOLDS_VISITED").param("count", "0")
                .param("meeting", "").param("decision", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("目标数量应在 1 至 1000 之间");
    }

    @Test
    void the_list_filters_by_fulfilment_and_the_export_holds_the_same_rows() throws Exception {
        client.ok("secretary", "/api/v1/commitments", card(me, List.of("联系群众"), promise("服务群众 export", "target", "SERVICE_HOURS",
                "count", 1000)));
        String query = "?year=" + thisYear() + "&fulfilled=false";
        long total = client.total("committee", query + "&size=1");
        var list = pages.open("committee", "/commitments" + query);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("共 " + total + " 项承诺").doesNotContain("??");
        var export = pages.open("committee", "/commitments/export.xlsx" + query);
        assertThat(export.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.result().getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(total);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(5))).isEqualTo("承诺");
            boolean found = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(format.formatCellValue(sheet.getRow(i).getCell(9))).isEqualTo("否");
                found |= format.formatCellValue(sheet.getRow(i).getCell(5)).equals("服务群众 export");
            }
            assertThat(found).isTrue();
        }
        assertThat(pages.open("street", "/commitments").html()).contains("共 0 项承诺");
    }

    @Test
    void a_community_worker_cannot_open_the_card_form_and_the_home_page_links_the_figures() {
        assertThat(pages.open("community", "/commitments/card?member=" + me).status()).isEqualTo(403);
        assertThat(pages.open("secretary", "/commitments/card?member=" + me).status()).isEqualTo(200);
        for (String user : List.of("committee", "secretary", "member")) {
            assertThat(pages.open(user, "/").html()).as(user).contains("id=\"figure-commitments\"", "id=\"figure-commitmentsFulfilled\"",
                    "/commitments?year=" + thisYear());
        }
    }
}
