package org.ronghe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.WorkCalendar;
import org.ronghe.platform.WorkingTime;
import org.ronghe.support.Api;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Text people type (call titles, replies, directives, names imported into the directory, account
 * names, calendar notes, search words) is shown as text on every page and fragment, never run as
 * markup: each record carries a script and an image with an event handler, each page must show the
 * record (escaped) and contain neither.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=escaping")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Its own schema and pool: closed after the class, so the PostgreSQL pass holds fewer connections at once
@DirtiesContext
class EscapingTests {

    /** 43 characters: fits, with a two-character marker, in every name column (50). */
    static final String PAYLOAD = "<script>x()</script><img src=x onerror=y()>";

    @Autowired
    Api api;
    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    TestClock clock;

    long openCall;
    long repliedCall;
    long directive;

    @BeforeAll
    void storeMarkupEverywhere() {
        importCsv("organs", "单位编码,单位名称,职工人数,职责类别编码\nJG001," + text("OR") + ",120,ELDERLY\n");
        importCsv("members", "党员编号,姓名,性别,党员类别,所在党组织编码,工作单位编码\nDY000001," + text("ME") + ",男,正式党员,JG001-001,JG001\n");
        jdbc.sql("UPDATE street SET name = :n WHERE code = '440103001'").param("n", text("ST")).update();
        jdbc.sql("UPDATE community SET name = :n WHERE code = '440103001001'").param("n", text("CO")).update();
        jdbc.sql("UPDATE grid SET name = :n WHERE code = (SELECT MIN(code) FROM grid)").param("n", text("GR")).update();
        jdbc.sql("UPDATE party_org SET name = :n WHERE code = 'JG001-001'").param("n", text("PO")).update();
        jdbc.sql("UPDATE leader SET name = :n, title = :t WHERE code = 'LD01'").param("n", text("LN")).param("t", text("LT")).update();

        CallsClient calls = new CallsClient(context);
        openCall = calls.raiseId("community", "ELDERLY", text("CT"), "description", text("CD"), "contactName", text("CN"),
                "address", text("CA"));
        repliedCall = calls.raiseId("community", "ELDERLY", text("RT"));
        assertThat(calls.post("secretary", "/api/v1/calls/" + repliedCall + "/accept", null).status()).isEqualTo(200);
        assertThat(calls.post("secretary", "/api/v1/calls/" + repliedCall + "/reply", Map.of("text", text("RE"))).status())
                .isEqualTo(200);

        Api.Response issued = calls.post("committee", "/api/v1/directives", Map.of("title", text("DT"), "body", text("DB"),
                "deadline", clock.instant().plus(Duration.ofDays(5)).toString(), "audience", "ALL_ORGANS"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        directive = issued.json().get("id").asLong();
        assertThat(calls.post("secretary", "/api/v1/directives/" + directive + "/replies",
                Map.of("action", "COMPLETE", "report", text("DR"))).status()).isEqualTo(200);

        calls.post("committee", "/api/v1/accounts", Map.of("username", "markup", "displayName", text("AC"),
                "role", "STREET_STAFF", "scopeCode", "440103001", "password", "Start#Pass1"));
        calendar.declare(LocalDate.of(2031, 5, 6), WorkingTime.DayKind.HOLIDAY, text("CL"));

        // partylife commitments: a card whose duty and commitment carry markup
        Api.Response card = calls.post("committee", "/api/v1/commitments", Map.of("member", "DY000001", "duties", List.of(text("DU")),
                "commitments", List.of(Map.of("text", text("PR")))));
        assertThat(card.status()).as(card.text()).isBetween(200, 201);
    }

    @Test
    void aMembersCardAndTheCommitmentsListShowWhatWasPromisedAsText() {
        shows("street", "/members/DY000001/card", "ME", "PO", "DU", "PR");
        shows("committee", "/commitments?member=DY000001", "ME", "PO", "PR");
        shows("committee", "/commitments/card?member=DY000001", "ME", "DU", "PR");
    }

    @Test
    void directoryPagesShowImportedAndEditedNamesAsText() {
        shows("committee", "/organs", "OR");
        shows("committee", "/organs/JG001", "OR", "PO");
        shows("committee", "/members", "ME", "OR");
        shows("committee", "/members/DY000001", "ME", "OR", "PO");
        shows("committee", "/party-orgs", "PO");
        shows("committee", "/party-orgs/JG001-001", "PO", "ME");
        shows("committee", "/territory", "ST");
        shows("committee", "/streets/440103001", "ST", "CO");
        shows("committee", "/communities", "CO", "ST");
        shows("committee", "/communities/440103001001", "CO");
        shows("committee", "/grids", "GR");
        shows("committee", "/leaders", "LN", "LT");
        shows("committee", "/liaisons", "LN");
        shows("committee", MockMvcRequestBuilders.get("/search").param("q", text("ME")), "ME");
    }

    @Test
    void callAndDirectivePagesShowWhatPeopleWroteAsText() {
        shows("committee", "/calls", "CT", "RT");
        shows("committee", "/calls/" + openCall, "CT", "CD", "CN", "CA", "CO");
        shows("committee", "/calls/" + repliedCall, "RT", "RE");
        shows("secretary", "/inbox", "CT");
        shows("committee", "/directives", "DT");
        shows("committee", "/directives/" + directive, "DT", "DB", "DR");
    }

    @Test
    void responsibilityPagesShowLettersAndDutyItemsAsText() {
        long letter = jdbc.sql("SELECT MIN(l.id) FROM responsibility_letter l JOIN organ o ON o.id = l.organ_id WHERE o.code = 'JG001'")
                .query(Long.class).single();
        int year = jdbc.sql("SELECT letter_year FROM responsibility_letter WHERE id = :id").param("id", letter).query(Integer.class).single();
        Api.Response added = new CallsClient(context).post("committee", "/api/v1/responsibilities/" + letter + "/items",
                Map.of("list", "INTEGRITY", "text", text("RI"), "owner", "DY000001", "dueOn", year + "-12-31"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        shows("committee", "/responsibilities", "OR");
        shows("committee", "/responsibilities/" + letter, "OR", "RI", "ME");
        shows("committee", "/responsibilities/items?organ=JG001", "RI", "ME");
    }

    @Test
    void htmxFragmentsEscapeLikeWholePages() {
        shows("committee", MockMvcRequestBuilders.get("/members").header("HX-Request", "true"), "ME");
        shows("committee", MockMvcRequestBuilders.get("/calls").header("HX-Request", "true"), "CT");
        shows("committee", MockMvcRequestBuilders.get("/organs").header("HX-Request", "true"), "OR");
    }

    @Test
    void administrationPagesShowNamesNotesAndAuditedStatesAsText() {
        shows("committee", "/accounts?q=markup", "AC");
        shows("markup", "/", "AC");
        shows("committee", "/calendar?year=2031", "CL");
        shows("committee", "/audit?action=IMPORT_UPDATED", "OR", "ME");
    }

    @Test
    void searchWordsComeBackAsText() {
        for (String path : List.of("/search", "/members", "/calls", "/organs", "/communities", "/party-orgs", "/grids")) {
            Pages.Page page = pages.open("committee", MockMvcRequestBuilders.get(path).param("q", text("QQ")));
            assertThat(page.status()).as(path).isEqualTo(200);
            assertEscaped(path, page.html(), "QQ");
        }
        Pages.Page audit = pages.open("committee", MockMvcRequestBuilders.get("/audit").param("actor", text("QQ")));
        assertEscaped("/audit", audit.html(), "QQ");
    }

    @Test
    void aRejectedImportListsTheBadValuesAsText() {
        var upload = MockMvcRequestBuilders.multipart("/transfer/members")
                .file(new MockMultipartFile("file", "members.csv", "text/csv",
                        ("党员编号,姓名,性别,党员类别,所在党组织编码\n" + text("IM") + "," + text("IN") + ",男,正式党员," + text("IP") + "\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .with(csrf());
        Pages.Page page = pages.open("committee", upload);
        assertThat(page.status()).isEqualTo(200);
        assertEscaped("/transfer/members", page.html(), "IP");
    }

    private void shows(String user, String path, String... markers) {
        shows(user, MockMvcRequestBuilders.get(path), markers);
    }

    private void shows(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
                       String... markers) {
        Pages.Page page = pages.open(user, request);
        String path = page.result().getRequest().getRequestURI();
        assertThat(page.status()).as(path).isEqualTo(200);
        for (String marker : markers) {
            assertEscaped(path, page.html(), marker);
        }
    }

    /** The record is on the page, as text: escaped, and nothing of it left as markup. */
    private static void assertEscaped(String path, String html, String marker) {
        assertThat(html).as(path + " shows " + marker).contains(marker + "&lt;script&gt;x()&lt;/script&gt;&lt;img src=x onerror=y()&gt;");
        assertThat(html).as(path).doesNotContain("<script>x()").doesNotContain("<img src=x");
    }

    private static String text(String marker) {
        return marker + PAYLOAD;
    }

    private void importCsv(String entity, String csv) {
        Api.Response response = api.upload("committee", "/api/v1/directory/imports/" + entity, entity + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }
}
