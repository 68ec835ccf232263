package org.ronghe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The committee on the command dashboard in a real browser (Debian's headless Chromium): clicks the bar of the organ
 * with the most overdue calls in the ECharts chart itself and lands on that organ's overdue calls; the wall screen
 * fetches its panels again by itself. A year of demo calls, a month and a half later, leaves organs with overdue calls.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=dashboard_browser", "ronghe.demo.calls=400",
        "ronghe.dashboard.refresh-seconds=5"})
class DashboardBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserTests.chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theCommitteeClicksAnOrgansOverdueBarAndLandsOnThatOrgansOverdueCalls() throws Exception {
        new CallsClient(context).raiseId("community", "ELDERLY", "独居老人助餐（大屏）");
        clock.advance(Duration.ofDays(45));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("committee", wait);
        browser.findElement(By.id("nav-dashboard")).click();
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overdue-chart[data-ready='true']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#today-overdue")));
        screenshot("d1-dashboard");

        // Where the first (busiest) organ's bar is drawn, asked from the chart itself, then a real click there.
        @SuppressWarnings("unchecked")
        List<Object> bar = (List<Object>) ((JavascriptExecutor) browser).executeScript("""
                var el = document.getElementById('overdue-chart');
                var chart = echarts.getInstanceByDom(el);
                var first = chart.getOption().series[0].data[0];
                var at = chart.convertToPixel({seriesIndex: 0}, [first.value / 2, 0]);
                return [at[0], at[1], el.clientWidth, el.clientHeight, first.organ, first.value];""");
        String organ = (String) bar.get(4);
        long count = ((Number) bar.get(5)).longValue();
        assertThat(count).isPositive();
        int x = (int) Math.round(((Number) bar.get(0)).doubleValue() - ((Number) bar.get(2)).doubleValue() / 2);
        int y = (int) Math.round(((Number) bar.get(1)).doubleValue() - ((Number) bar.get(3)).doubleValue() / 2);
        new Actions(browser).moveToElement(chart, x, y).click().perform();

        wait.until(ExpectedConditions.urlContains("/calls?"));
        assertThat(browser.getCurrentUrl()).endsWith("/calls?organ=" + organ + "&overdue=true");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.calls tbody tr"));
        assertThat(rows).hasSize((int) Math.min(count, 50));
        for (WebElement row : rows) {
            assertThat(row.getAttribute("class")).contains("late");
            long id = Long.parseLong(row.findElement(By.cssSelector("td a")).getText().replace("#", ""));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM call_handler h JOIN organ o ON o.id = h.organ_id WHERE h.call_id = :c AND o.code = :o")
                    .param("c", id).param("o", organ).query(Long.class).single()).as("call %d is %s's", id, organ).isOne();
            assertThat(jdbc.sql("SELECT state FROM call WHERE id = :c").param("c", id).query(String.class).single())
                    .isIn("DISPATCHED", "ACCEPTED");
        }
        screenshot("d2-organ-overdue-calls");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get(url("/dashboard"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#work-trend[data-ready='true']")));
            screenshot("d3-dashboard-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        assertNothingRefusedOrFailedInTheConsole();
    }

    @Test
    void theWallScreenFetchesItsPanelsAgainByItself() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("committee", wait);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1920, 1080));
        try {
            browser.get(url("/dashboard/wall"));
            WebElement board = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard[data-loaded]")));
            String first = board.getAttribute("data-loaded");
            assertThat(browser.findElements(By.cssSelector(".main-nav"))).isEmpty();
            wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(board, "data-loaded", first)));
            assertThat(board.getAttribute("data-failed")).isNull();
            screenshot("d4-wall");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        assertNothingRefusedOrFailedInTheConsole();
    }

    private void signIn(String username, WebDriverWait wait) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Api.DEMO_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-inbox")));
    }

    private static void assertNothingRefusedOrFailedInTheConsole() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
        assertThat(problems).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), BrowserTests.SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
