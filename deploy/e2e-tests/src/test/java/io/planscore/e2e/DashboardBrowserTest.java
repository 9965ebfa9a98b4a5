package io.planscore.e2e;

import io.planscore.localrun.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web dashboard in a real (headless) browser against the whole platform: sign in, open a plan's
 * scorecard, see a measurement posted through the API change it live without a reload, and drill into
 * how the indicator was scored.
 */
class DashboardBrowserTest {

    private static final String SEED_003 = "003_chiayi-police_107.json";
    /** 對於政策、法令等修正案…提出建議: per_unit_capped, 0.6 points per 案, at most 5 案 / 3 points. */
    private static final String INDICATOR = "F3-G1-K二";
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private static Platform platform;
    private static DashboardBrowser browser;

    @BeforeAll
    static void start() {
        Optional<Path[]> chromium = DashboardBrowser.locate();
        // CI installs the browser (.ci/run), so there its absence is a failure, never a silent skip; a developer's
        // machine without it skips this one test and says why.
        if (System.getenv("CI") != null) {
            assertThat(chromium).as("CI must provide chromium and chromedriver (see .ci/run)").isPresent();
        }
        assumeTrue(chromium.isPresent(), "needs chromium and chromedriver (apt-get install chromium chromium-driver)");
        platform = PlatformFixture.start();
        browser = DashboardBrowser.start(chromium.get());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    void theScorecardChangesLiveAndExplainsTheIndicator() {
        try {
            scorecardChangesLiveAndExplainsTheIndicator();
        } catch (RuntimeException | AssertionError e) {
            browser.saveFailureReport("failure");
            System.out.println("browser console:\n" + browser.console());
            throw e;
        }
    }

    private void scorecardChangesLiveAndExplainsTheIndicator() {
        String planId = createPlan(SEED_003);
        WebDriver driver = browser.driver();

        // Sign in once with the admin key: the page keeps it and needs no key for itself.
        driver.get(platform.gateway().baseUri().resolve("/").toString());
        WebElement key = browser.waitAtMost(PAGE).until(ExpectedConditions.visibilityOfElementLocated(testId("api-key-input")));
        key.sendKeys(PlatformFixture.ADMIN_KEY);
        driver.findElement(testId("signin-submit")).click();

        // The plan list shows seed 003; open it for 2018 (民國 107 年).
        browser.waitAtMost(PAGE).until(ExpectedConditions.elementToBeClickable(planItem(planId))).click();
        browser.waitAtMost(PAGE).until(d -> {
            Select year = new Select(d.findElement(testId("year-select")));
            if (!"2018".equals(year.getFirstSelectedOption().getAttribute("value"))) {
                year.selectByValue("2018");
            }
            return true;
        });

        // The scorecard appears (once scoring has computed version 1 of the plan), nothing reported yet.
        browser.waitAtMost(PIPELINE).until(ExpectedConditions.visibilityOfElementLocated(indicatorRow()));
        String statusBefore = browser.waitAtMost(PAGE).until(d -> d.findElement(indicatorRow()).getDomAttribute("data-status"));
        assertThat(statusBefore).isEqualTo("PENDING");
        browser.waitAtMost(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(testId("plan-title"), "嘉義市政府警察局"));
        assertThat(driver.findElements(testId("facet-row"))).hasSizeGreaterThanOrEqualTo(4);
        browser.waitAtMost(PAGE).until(ExpectedConditions.attributeToBe(testId("live-status"), "data-state", "live"));
        long versionBefore = scoreVersion(driver);
        browser.screenshot("01-scorecard");

        // An agency reports 3 proposals through the API; the open page must change by itself.
        String marker = UUID.randomUUID().toString();
        browser.script("window.__dashboardTestMarker = arguments[0];", marker);
        UUID eventId = UUID.randomUUID();
        admin().contentType("application/json")
                .body(measurement(eventId, planId, INDICATOR, "2018", "3", "案"))
                .post("/api/v1/measurements")
                .then().statusCode(202)
                .body("results[0].status", equalTo("accepted"));

        // per_unit_capped{0.6, 5, 3}: 0.6 × min(3, 5) = 1.8 points, shown as 1.80, without a reload.
        browser.waitAtMost(PIPELINE).until(d -> points(d).map(p -> p.compareTo(new BigDecimal("1.8")) == 0).orElse(false));
        assertThat(browser.script("return window.__dashboardTestMarker;"))
                .as("the page was updated in place, not reloaded").isEqualTo(marker);
        WebElement updated = driver.findElement(indicatorRow());
        long versionAfter = scoreVersion(driver);
        assertThat(versionAfter).isGreaterThan(versionBefore);
        assertThat(updated.getDomAttribute("data-status")).isIn("MET", "AT_RISK", "OFF_TRACK");
        assertThat(updated.getDomAttribute("data-changed-version")).isEqualTo(Long.toString(versionAfter));
        assertThat(updated.findElement(testId("indicator-value")).getText()).contains("3").contains("案");
        assertThat(updated.findElement(testId("indicator-achievement")).getText()).isEqualTo("60.00%");
        assertThat(driver.findElement(testId("live-banner")).getDomAttribute("data-version")).isEqualTo(Long.toString(versionAfter));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", updated);
        browser.screenshot("02-live-update");

        // Drill down: the steps of the derivation, the rule, the input event and the reported values.
        browser.waitAtMost(PAGE).until(d -> {
            d.findElement(indicatorRow()).click();
            return true;
        });
        browser.waitAtMost(PAGE).until(ExpectedConditions.visibilityOfElementLocated(testId("indicator-detail")));
        // the explanation (with its input events) and the indicator's measurements load after the drawer opens
        browser.waitAtMost(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='indicator-detail'] [data-testid='input-event'][data-event-id='" + eventId + "']")));
        browser.waitAtMost(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='value-chart'] [data-testid='chart-point'][data-period='2018']")));
        List<String> steps = browser.waitAtMost(PAGE).until(d -> {
            List<String> texts = d.findElements(By.cssSelector("[data-testid='indicator-detail'] [data-testid='indicator-step']"))
                    .stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
        assertThat(steps).allSatisfy(step -> assertThat(step).isNotBlank());
        assertThat(steps).anySatisfy(step -> assertThat(step).contains("1.8"));
        assertThat(driver.findElement(testId("detail-points")).getText()).isEqualTo("1.80");
        assertThat(driver.findElement(testId("detail-achievement")).getText()).isEqualTo("60.00%");
        assertThat(driver.findElement(testId("indicator-rule")).getText()).contains("per_unit_capped");
        assertThat(driver.getCurrentUrl()).contains("/indicator/");
        browser.screenshot("03-indicator");

        // The same page in English.
        driver.findElement(testId("lang-en")).click();
        browser.waitAtMost(PAGE).until(d -> "en".equals(browser.script("return document.documentElement.lang;")));
        browser.waitAtMost(PAGE).until(ExpectedConditions.textToBe(testId("detail-points"), "1.80"));
        assertThat(driver.findElement(testId("signout")).getText()).isEqualTo("Sign out");
        browser.screenshot("04-indicator-english");
        driver.findElement(testId("detail-close")).click();
        browser.waitAtMost(PAGE).until(ExpectedConditions.invisibilityOfElementLocated(testId("indicator-detail")));
        browser.waitAtMost(PAGE).until(d -> {
            browser.script("arguments[0].scrollIntoView({block: 'center'});", d.findElement(indicatorRow()));
            return true;
        });
        assertThat(driver.findElement(indicatorRow()).findElement(testId("indicator-status")).getText()).isIn("Met", "At risk", "Off track");
        browser.screenshot("05-scorecard-english");
        assertThat(browser.script("return window.__dashboardTestMarker;")).isEqualTo(marker);
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static By planItem(String planId) {
        return By.cssSelector("[data-testid='plan-item'][data-plan-id='" + planId + "']");
    }

    private static By indicatorRow() {
        return By.cssSelector("[data-testid='indicator-row'][data-indicator-id='" + INDICATOR + "']");
    }

    private static long scoreVersion(WebDriver driver) {
        return Long.parseLong(driver.findElement(testId("score-version")).getDomAttribute("data-version"));
    }

    /** The indicator's points as shown, if it shows a number. */
    private static Optional<BigDecimal> points(WebDriver driver) {
        List<WebElement> rows = driver.findElements(indicatorRow());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String text = rows.get(0).findElement(testId("indicator-points")).getText().replace(",", "").strip();
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
