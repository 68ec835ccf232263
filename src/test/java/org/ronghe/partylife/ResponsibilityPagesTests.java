package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The responsibility pages in Chinese: the list with its export, a letter with its lists and forms, the items. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_responsibility_pages")
class ResponsibilityPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    private long letterOf(String organ) {
        return jdbc.sql("SELECT MIN(l.id) FROM responsibility_letter l JOIN organ o ON o.id = l.organ_id WHERE o.code = :o")
                .param("o", organ).query(Long.class).single();
    }

    @Test
    void the_list_searches_pages_and_exports_the_letters_in_scope() throws Exception {
        var list = pages.open("committee", "/responsibilities");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()).contains("<h1").contains("一书两单三会议").contains("下达责任书").contains("class=\"letter-row\"")
                .doesNotContain("??");
        assertThat(pages.open("committee", "/responsibilities?organ=JG002").html()).contains("共 1 份责任书");
        assertThat(pages.open("secretary", "/responsibilities").html()).contains("共 1 份责任书").doesNotContain("下达责任书");
        var export = pages.open("committee", "/responsibilities/export.xlsx");
        assertThat(export.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.result().getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(
                    api.get("committee", "/api/v1/responsibilities").json().get("total").asInt());
        }
    }

    @Test
    void a_letter_shows_its_two_lists_three_meetings_and_duty_reports_with_the_forms_of_whoever_may_act() {
        long id = letterOf("JG001");
        var committee = pages.open("committee", "/responsibilities/" + id);
        assertThat(committee.status()).isEqualTo(200);
        assertThat(committee.html()).contains("党建工作责任清单").contains("党风廉政建设责任清单").contains("三会议")
                .contains("党建工作部署会").contains("述职述廉").contains("增加事项").contains("录入纸质测评").doesNotContain("??");
        assertThat(pages.open("member", "/responsibilities/" + id).html()).doesNotContain("增加事项");
        for (String path : List.of("/responsibilities/items", "/responsibilities/items?status=FULFILLED", "/responsibilities/items?status=OVERDUE")) {
            var page = pages.open("member", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html()).as(path).contains("<h1").doesNotContain("??");
        }
        assertThat(pages.open("community", "/responsibilities/" + id).status()).isIn(403, 404);
    }

    @Test
    void the_committee_adds_an_item_through_the_form_and_a_refusal_is_shown_in_chinese() {
        long id = letterOf("JG003");
        String owner = jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id JOIN organ o ON o.id = p.organ_id
                WHERE o.code = 'JG003'""").query(String.class).single();
        int year = jdbc.sql("SELECT letter_year FROM responsibility_letter WHERE id = :id").param("id", id).query(Integer.class).single();
        var added = pages.open("committee", MockMvcRequestBuilders.post("/responsibilities/" + id + "/items").with(csrf())
                .param("list", "INTEGRITY").param("text", "表单增加的廉政事项").param("owner", owner).param("dueOn", year + "-12-31")
                .param("measure", "RECORDS"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.result().getFlashMap().get("done")).isEqualTo("resp.itemAdded");
        assertThat(pages.open("committee", "/responsibilities/" + id).html()).contains("表单增加的廉政事项");
        var refused = pages.open("committee", MockMvcRequestBuilders.post("/responsibilities/" + id + "/items").with(csrf())
                .param("list", "INTEGRITY").param("text", "缺责任人").param("dueOn", year + "-12-31"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat((String) refused.result().getFlashMap().get("error")).contains("请指定责任人");
    }

    @Test
    void the_home_page_links_the_responsibility_figures_and_the_nav_leads_to_the_letters() {
        for (String user : List.of("committee", "secretary", "member")) {
            var home = pages.open(user, "/");
            assertThat(home.html()).as(user).contains("href=\"/responsibilities\" id=\"figure-responsibilityLetters\"")
                    .contains("href=\"/responsibilities/items?status=FULFILLED\" id=\"figure-dutyItemsFulfilled\"")
                    .contains("id=\"nav-responsibilities\"");
        }
    }
}
