package org.ronghe.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A street worker on the platform in a real browser (Debian's headless Chromium): signs in, goes
 * from the street to a community, finds a member, sees the phone masked, and switches to English.
 */
@RongheTest
class BrowserTests {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = chromium();
    }

    /**
     * Debian's Chromium, headless, with its console kept (it shows what the Content-Security-Policy refuses: htmx and
     * ECharts fail silently otherwise); skips the test class when Chromium is not installed.
     */
    static WebDriver chromium() throws java.io.IOException {
        assumeThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
                .as("Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("ronghe-chromium"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        Files.createDirectories(SCREENSHOTS);
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStreetWorkerBrowsesFromStreetToCommunityFindsAMemberAndSwitchesToEnglish() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/login"));
        assertThat(browser.getTitle()).contains("登录");
        browser.findElement(By.id("username")).sendKeys("street");
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figure-streets")));
        assertThat(browser.findElement(By.id("figure-streets")).getText()).contains("1").contains("街道");
        screenshot("1-home");

        browser.findElement(By.linkText("区域")).click();
        WebElement street = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#streets tbody a")));
        String streetName = street.getText();
        street.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), streetName));
        screenshot("2-street");

        WebElement community = browser.findElement(By.cssSelector("#communities tbody td a"));
        String communityName = community.getText();
        community.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), communityName));
        screenshot("3-community");

        browser.findElement(By.id("resident-members")).click();
        WebElement firstMember = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.members tbody td a")));
        String memberName = firstMember.getText();

        WebElement search = browser.findElement(By.cssSelector(".top-search input[name=q]"));
        search.sendKeys(memberName);
        search.submit();
        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#member-hits a")));
        screenshot("4-search");
        hit.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), memberName));
        String phone = browser.findElement(By.id("member-phone")).getText();
        assertThat(phone).matches("1[3-9]\\d\\*{4}\\d{4}");
        assertThat(browser.findElement(By.id("member-id-number")).getText()).matches("\\d{6}\\*{8}[\\dX]{4}");
        screenshot("5-member-masked");

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.id("lang-switch"), "中文"));
        assertThat(browser.findElement(By.cssSelector(".main-nav")).getText()).contains("Members").contains("Territory");
        assertThat(browser.findElement(By.id("member-facts")).getText()).contains("Phone").contains(phone);
        screenshot("6-english");

        browser.get(url("/territory"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Territory");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#community-map canvas")));
        screenshot("7-territory-map");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(url("/members"));
        screenshot("8-phone-members");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.findElement(By.id("lang-switch")).click();
        assertNothingRefusedOrFailedInTheConsole();
    }

    @Test
    void theContentSecurityPolicyLetsHtmxEChartsAndTheApiDocumentationWork() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("committee", wait);
        browser.get(url("/members"));
        String firstBefore = browser.findElement(By.cssSelector("table.members tbody td a")).getText();
        WebElement filter = browser.findElement(By.cssSelector("form.filters input[type=search]"));
        filter.sendKeys("DY000002");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("table.members tbody td a"), firstBefore)));
        assertThat(browser.getCurrentUrl()).as("htmx swapped the results and pushed the URL").contains("q=DY000002");
        browser.get(url("/territory"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#community-map canvas")));
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("#community-map canvas"))).perform();
        browser.get(url("/swagger-ui.html"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
        assertNothingRefusedOrFailedInTheConsole();
        browser.get(url("/"));
        signOut(wait);
    }

    /** Every console message since the last call: none may be a CSP refusal or an uncaught script error. */
    private static void assertNothingRefusedOrFailedInTheConsole() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
        assertThat(problems).isEmpty();
    }

    @Test
    void aCommunityRaisesACallTheOrganAcceptsAndRepliesAndTheCommunityRatesItClosed() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("community", wait);
        browser.get(url("/calls/new"));
        browser.findElement(By.id("call-title")).sendKeys("独居老人需要助餐服务");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("call-category"))).selectByValue("ELDERLY");
        browser.findElement(By.name("description")).sendKeys("8栋独居老人行动不便，希望安排送餐。");
        browser.findElement(By.name("contactName")).sendKeys("张阿姨");
        screenshot("c1-raise");
        browser.findElement(By.id("raise-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("call-state"), "已派单"));
        String callUrl = browser.getCurrentUrl();
        screenshot("c2-dispatched");
        signOut(wait);

        signIn("secretary", wait);
        browser.findElement(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-accept a")));
        browser.get(callUrl);
        browser.findElement(By.id("action-accept")).click();
        wait.until(ExpectedConditions.textToBe(By.id("call-state"), "已签收"));
        browser.findElement(By.id("reply-text")).sendKeys("已安排社区长者饭堂每日送餐上门。");
        browser.findElement(By.id("action-reply")).click();
        wait.until(ExpectedConditions.textToBe(By.id("call-state"), "已办结"));
        screenshot("c3-replied");
        signOut(wait);

        signIn("community", wait);
        browser.findElement(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-rate a")));
        browser.get(callUrl);
        browser.findElement(By.id("rating-SATISFIED")).click();
        browser.findElement(By.id("rating-solved")).click();
        browser.findElement(By.id("action-rate")).click();
        wait.until(ExpectedConditions.textToBe(By.id("call-state"), "已关闭"));
        String timeline = browser.findElement(By.id("call-timeline")).getText();
        assertThat(timeline).contains("提出诉求", "派单", "签收", "办结答复", "评价", "区民政局");
        assertThat(browser.findElements(By.cssSelector("#call-timeline li"))).hasSize(5);
        assertThat(browser.findElement(By.id("call-reply")).getText()).contains("长者饭堂");
        screenshot("c4-closed");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot("c5-closed-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        signOut(wait);
        assertNothingRefusedOrFailedInTheConsole();
    }

    @Test
    void aMemberOnAPhoneRecordsAVisitWithAProblemAndTheCallLandsInTheResponsibleOrgansInbox() throws Exception {
        org.ronghe.calls.CallsClient calls = new org.ronghe.calls.CallsClient(context);
        java.time.LocalDate today = java.time.LocalDate.now(org.ronghe.calls.CallsClient.SHANGHAI);
        Api.Response campaign = calls.post("committee", "/api/v1/campaigns", java.util.Map.of("name", "手机走访", "startsOn",
                today.minusDays(1).toString(), "endsOn", today.plusDays(30).toString(), "targetPerVisitor", 2));
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(201);
        assertThat(calls.post("committee", "/api/v1/campaigns/" + campaign.json().get("id").asLong() + "/assignments", null).status())
                .isEqualTo(200);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            signIn("member", wait);
            browser.get(url("/visits"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assignments a.assignment")));
            screenshot("v1-assignments-phone");
            browser.findElement(By.cssSelector("#assignments a.assignment")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
            browser.findElement(By.id("visit-heard")).sendKeys("独居老人行动不便，吃饭成问题。");
            browser.findElement(By.id("problem-summary-0")).sendKeys("独居老人希望上门助餐");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("problem-category-0"))).selectByValue("ELDERLY");
            screenshot("v2-record-phone");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);",
                    browser.findElement(By.id("visit-submit")));
            browser.findElement(By.id("visit-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-done")));
            String call = browser.findElement(By.cssSelector("table.problems a[href^='/calls/']")).getText().replace("#", "");
            screenshot("v3-recorded-phone");
            signOut(wait);

            String organ = jdbc.sql("SELECT o.code FROM call c JOIN organ o ON o.id = c.lead_organ_id WHERE c.id = :id")
                    .param("id", Long.parseLong(call)).query(String.class).single();
            signIn(calls.secretaryOf(organ), wait);
            browser.findElement(By.id("nav-inbox")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-accept a[href='/calls/" + call + "']")));
            assertThat(browser.findElement(By.id("inbox-accept")).getText()).contains("独居老人希望上门助餐");
            screenshot("v4-organ-inbox-phone");
            signOut(wait);
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        assertNothingRefusedOrFailedInTheConsole();
    }

    @Test
    void aSecretaryRecordsABranchCommitteeMeetingWhoseDecisionBecomesACallAndTheMonthTurnsGreen() throws Exception {
        // A branch of JG001 with a committee and a month of this year or last without a committee meeting (the demo
        // skips some): the meeting is recorded in that month.
        java.time.LocalDate today = java.time.LocalDate.now(org.ronghe.calls.CallsClient.SHANGHAI);
        List<String> branches = jdbc.sql("""
                SELECT p.code FROM party_org p JOIN organ o ON o.id = p.organ_id
                WHERE o.code = 'JG001' AND p.kind = 'BRANCH' AND p.has_committee AND p.dissolved_on IS NULL
                AND EXISTS (SELECT 1 FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL') ORDER BY p.code""")
                .query(String.class).list();
        String branch = null;
        java.time.LocalDate day = null;
        for (java.time.LocalDate month = today.withDayOfMonth(1); branch == null && month.getYear() >= today.getYear() - 1;
             month = month.minusMonths(1)) {
            for (String code : branches) {
                boolean held = jdbc.sql("""
                        SELECT COUNT(*) FROM meeting g JOIN party_org p ON p.id = g.party_org_id
                        WHERE p.code = :p AND g.kind = 'COMMITTEE_MEETING' AND g.held_on BETWEEN :from AND :to""")
                        .param("p", code).param("from", month).param("to", month.plusMonths(1).minusDays(1))
                        .query(Long.class).single() > 0;
                if (!held) {
                    branch = code;
                    day = month.equals(today.withDayOfMonth(1)) ? today : month.plusDays(9);
                    break;
                }
            }
        }
        assertThat(branch).as("a branch of JG001 with a committee and a month without its committee meeting").isNotNull();
        String month = "%d-%02d".formatted(day.getYear(), day.getMonthValue());
        String compliance = "/compliance?org=" + branch + "&year=" + day.getYear();
        By thisMonth = By.cssSelector("#line-COMMITTEE_MEETING span[data-period='" + month + "']");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("secretary", wait);
        browser.get(url(compliance));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(thisMonth)).getAttribute("class")).doesNotContain("HELD");

        browser.get(url("/meetings/new?org=" + branch));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-submit")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("meeting-kind"))).selectByValue("COMMITTEE_MEETING");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.name("heldOn")), day.toString());
        browser.findElement(By.id("meeting-place")).sendKeys("机关党员活动室");
        browser.findElement(By.id("meeting-study")).sendKeys("学习党的二十届四中全会精神");
        for (WebElement present : browser.findElements(By.name("present"))) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", present);
        }
        browser.findElement(By.id("meeting-decisions")).sendKeys("为辖区独居老人开展上门助餐服务");
        screenshot("m1-record-committee-meeting");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", browser.findElement(By.id("meeting-submit")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("turn-1"))).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("raise-category-1"))).selectByValue("ELDERLY");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("raise-community-1"))).selectByIndex(1);
        browser.findElement(By.id("raise-1")).click();
        WebElement call = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.decision a.decision-call")));
        long callId = Long.parseLong(call.getAttribute("href").replaceAll(".*/calls/", ""));
        assertThat(jdbc.sql("SELECT origin FROM call WHERE id = :id").param("id", callId).query(String.class).single()).isEqualTo("MEETING");
        screenshot("m2-decision-became-a-call");

        browser.get(url(compliance));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(thisMonth)).getAttribute("class")).contains("HELD");
        screenshot("m3-compliance-month-green");
        signOut(wait);
        assertNothingRefusedOrFailedInTheConsole();
    }

    private void signIn(String username, WebDriverWait wait) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-inbox")));
    }

    private void signOut(WebDriverWait wait) {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
