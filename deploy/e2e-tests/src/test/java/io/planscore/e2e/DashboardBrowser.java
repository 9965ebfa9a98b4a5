package io.planscore.e2e;

import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Headless Chromium for the dashboard test: Debian's chromium and chromedriver (never a downloaded
 * driver: Selenium Manager is not involved when both paths are given), screenshots into
 * {@code target/screenshots}, and the browser console kept for failure reports.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;
    private final OutputStream driverLog;

    private DashboardBrowser(Path browser, Path chromedriver, Path outputDir) throws IOException {
        screenshots = Files.createDirectories(outputDir.resolve("screenshots"));
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        driverLog = new FileOutputStream(outputDir.resolve("chromedriver.log").toFile());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(driverLog)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--force-device-scale-factor=1", "--lang=zh-TW", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-TW,zh"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    /** The browser and driver to use, or empty when this machine has none (see .ci/run for how CI installs them). */
    static Optional<Path[]> locate() {
        Optional<Path> browser = find(System.getProperty("planscore.chromium"), BROWSERS);
        Optional<Path> driver = find(System.getProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY), DRIVERS);
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Path[] {browser.get(), driver.get()}) : Optional.empty();
    }

    private static Optional<Path> find(String configured, List<String> candidates) {
        return Stream.concat(Stream.ofNullable(configured), candidates.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    static DashboardBrowser start(Path[] browserAndDriver) {
        Path outputDir = Path.of(System.getProperty("basedir", ".")).resolve("target").toAbsolutePath();
        try {
            return new DashboardBrowser(browserAndDriver[0], browserAndDriver[1], outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waitAtMost(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(ElementClickInterceptedException.class);
        return wait;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("dashboard screenshot: " + file);
        return file;
    }

    /** On a failure: a screenshot, the DOM and the browser console, next to the screenshots. */
    void saveFailureReport(String name) {
        try {
            screenshot(name);
            Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            Files.writeString(screenshots.resolve(name + ".console.txt"), console(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.out.println("could not save the failure report: " + e);
        }
    }

    String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(browser console unavailable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try {
                driverLog.close();
            } catch (IOException ignored) {
                // nothing more to keep
            }
        }
    }
}
