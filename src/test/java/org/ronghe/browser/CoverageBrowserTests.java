package org.ronghe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The committee in a real browser (Debian's headless Chromium) declares an emergency on two communities with the
 * page's form, opens the coverage board (all red), posts a three-person team to a compound for the next shift with
 * the board's form, and sees that compound's cell for that shift turn green while the shift before stays a gap.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=coverage_browser")
class CoverageBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theCommitteeDeclaresPostsATeamToACompoundAndSeesItsShiftTurnGreen() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn("committee", wait);
        List<String> team = jdbc.sql("SELECT code FROM member ORDER BY code DESC LIMIT 3").query(String.class).list();

        // Declared on the page: sealed, the first two communities of the list.
        browser.get(url("/emergencies"));
        browser.findElement(By.name("code")).sendKeys("BROWSER-E1");
        browser.findElement(By.name("name")).sendKeys("浏览器中的疫情防控");
        new Select(browser.findElement(By.name("kind"))).selectByValue("EPIDEMIC");
        Select sealed = new Select(browser.findElement(By.name("sealed")));
        sealed.selectByIndex(0);
        sealed.selectByIndex(1);
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-state")));
        assertThat(browser.findElements(By.cssSelector("#zone li"))).hasSize(2);
        // The declare page said nothing on the console: its code pattern is a valid expression in Chromium's v mode too.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .noneMatch(e -> e.getMessage().contains("regular expression") || e.getMessage().contains("Uncaught"));

        // The board: every place red.
        browser.findElement(By.cssSelector("#coverage-link a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-board")));
        assertThat(browser.findElements(By.cssSelector("#coverage-board td.staffed"))).isEmpty();
        assertThat(browser.findElement(By.id("coverage-gaps-now")).getText()).isEqualTo(browser.findElement(By.id("coverage-places")).getText());
        screenshot("c1-coverage-empty");

        // A three-person team at the first compound for the next shift, through the board's form.
        Select place = new Select(browser.findElement(By.id("stationing-place")));
        WebElement compound = place.getOptions().stream().filter(o -> o.getAttribute("value").startsWith("COMPOUND|")).findFirst()
                .orElseThrow(() -> new AssertionError("the zone's households name no compound"));
        String key = compound.getAttribute("value");
        place.selectByValue(key);
        browser.findElement(By.id("stationing-members")).sendKeys(String.join(" ", team));
        new Select(browser.findElement(By.id("stationing-shift"))).selectByIndex(1);
        new Select(browser.findElement(By.id("stationing-shifts"))).selectByValue("1");
        browser.findElement(By.id("stationing-submit")).click();

        By next = By.cssSelector("tr[data-place='" + key + "'] td[data-shift='1']");
        wait.until(ExpectedConditions.attributeToBe(next, "class", "staffed"));
        assertThat(browser.findElements(By.id("stationing-error"))).isEmpty();
        String who = browser.findElement(next).getText();
        for (String code : team) {
            String name = jdbc.sql("SELECT name FROM member WHERE code = :c").param("c", code).query(String.class).single();
            assertThat(who).contains(name);
        }
        assertThat(browser.findElement(By.cssSelector("tr[data-place='" + key + "'] td[data-shift='0']")).getAttribute("class")).isEqualTo("gap");
        assertThat(browser.findElements(By.cssSelector("#coverage-board td.staffed"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#stationings .stationing-row"))).hasSize(1);
        screenshot("c2-coverage-team-posted");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-board")));
            screenshot("c3-coverage-phone");
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
