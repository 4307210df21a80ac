package org.haochaping.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, registered as a static JUnit extension:
 * {@code @RegisterExtension static Browser browser = Browser.phone();}. The driver starts on first use, its cookies
 * are cleared before each test, and it quits after the test class. When a test fails, the page it was on is saved
 * as {@code target/screenshots/FAILED-<class>-<test>.png} and {@code .html}. Uses Debian's {@code chromium} and
 * {@code chromedriver} from the PATH (or system properties {@code hcp.test.chromium} and
 * {@code hcp.test.chromedriver}), so Selenium never downloads a driver.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Chromium's mobile emulation settings, or null for a desktop window. */
    private final Map<String, Object> emulation;
    private ChromeDriver driver;
    private Path profile;

    private Browser(Map<String, Object> emulation) {
        this.emulation = emulation;
    }

    /** A desktop browser, 1280 × 900. */
    public static Browser desktop() {
        return new Browser(null);
    }

    /** A phone (390 × 844 CSS pixels, pixel ratio 3, touch), by Chromium's mobile emulation. */
    public static Browser phone() {
        return new Browser(Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/156.0.0.0 Mobile Safari/537.36"));
    }

    /** A window tablet in landscape (1024 × 768 CSS pixels, touch). */
    public static Browser tablet() {
        return new Browser(Map.of(
                "deviceMetrics", Map.of("width", 1024, "height", 768, "pixelRatio", 1.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 13; Tablet) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/156.0.0.0 Safari/537.36"));
    }

    /** Whether every image on the page has loaded (a QR code, say). */
    public boolean imagesLoaded() {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver())
                .executeScript("return [...document.images].every(i => i.complete && i.naturalWidth > 0)");
    }

    public WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    public void open(String url) {
        driver().get(url);
    }

    public WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    /** The text the user sees on the page (the body's rendered text). */
    public String pageText() {
        return find("body").getText();
    }

    /** Whether the page is wider than the viewport, i.e. the user would have to scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) ((ChromeDriver) driver()).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    public String source() {
        return driver().getPageSource();
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    public WebElement waitVisible(String css) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks and waits until the browser has left the current page and the new one is loaded. */
    public void clickAndWaitForPage(WebElement element) {
        ChromeDriver chrome = (ChromeDriver) driver();
        chrome.executeScript("window.hcpLeaving = true");
        element.click();
        waitUntil(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return window.hcpLeaving === undefined && document.readyState === 'complete'")));
    }

    /**
     * The texts of the elements matching {@code css} that stick out to the right of their enclosing {@code .card}
     * (or of the viewport when they are in none).
     */
    @SuppressWarnings("unchecked")
    public List<String> stickingOut(String css) {
        return (List<String>) ((ChromeDriver) driver()).executeScript("""
                return [...document.querySelectorAll(arguments[0])].filter(el => {
                    const box = el.closest('.card');
                    const right = box ? box.getBoundingClientRect().right : document.documentElement.clientWidth;
                    return el.getBoundingClientRect().right > right + 0.5;
                }).map(el => el.textContent);
                """, css);
    }

    /**
     * Saves the whole page (not only the viewport) as {@code target/screenshots/<name>.png} and returns the file.
     */
    public Path screenshot(String name) {
        ChromeDriver chrome = (ChromeDriver) driver();
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        try {
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            context.getExecutionException().get().addSuppressed(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    private ChromeDriver start() {
        try {
            profile = Files.createTempDirectory("hcp-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("hcp.test.chromium", "chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        if (emulation != null) {
            options.setExperimentalOption("mobileEmulation", emulation);
        } else {
            options.addArguments("--window-size=1280,900");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("hcp.test.chromedriver", "chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    /** The executable named by the system property, else the first one of that name on the PATH. */
    private static File executable(String property, String name) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return existing(new File(configured), property);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not on the PATH; install it or set -D" + property + "=/path/to/"
                + name);
    }

    private static File existing(File file, String property) {
        if (!file.isFile() || !file.canExecute()) {
            throw new IllegalStateException("-D" + property + " names no executable file: " + file);
        }
        return file;
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
        profile = null;
    }
}
