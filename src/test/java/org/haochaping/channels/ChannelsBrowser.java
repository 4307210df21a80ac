package org.haochaping.channels;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
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
 * Headless Chromium for the channels' browser tests, as a static JUnit extension
 * ({@code @RegisterExtension static ChannelsBrowser browser = ChannelsBrowser.phone();}): Debian's {@code chromium}
 * and {@code chromedriver} from the PATH (or {@code -Dhcp.test.chromium}, {@code -Dhcp.test.chromedriver}), so
 * nothing is downloaded; phone and tablet by Chromium's mobile emulation. Cookies are cleared before each test;
 * screenshots go to {@code target/screenshots/}, also of the page a failed test was on.
 */
final class ChannelsBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, Object> emulation;
    private ChromeDriver driver;
    private Path profile;

    private ChannelsBrowser(Map<String, Object> emulation) {
        this.emulation = emulation;
    }

    /** A phone: 390 × 844 CSS pixels, touch. */
    static ChannelsBrowser phone() {
        return new ChannelsBrowser(Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0,
                "touch", true), "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"));
    }

    /** A window tablet in landscape: 1024 × 768 CSS pixels, touch. */
    static ChannelsBrowser tablet() {
        return new ChannelsBrowser(Map.of("deviceMetrics", Map.of("width", 1024, "height", 768, "pixelRatio", 1.0,
                "touch", true), "userAgent", "Mozilla/5.0 (Linux; Android 13; Tablet) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"));
    }

    /** A desktop screen (a terminal's kiosk, the console, a poster's preview): 1280 × 900. */
    static ChannelsBrowser desktop() {
        return new ChannelsBrowser(null);
    }

    ChromeDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    void open(String url) {
        driver().get(url);
    }

    WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> findAll(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    String pageText() {
        return find("body").getText();
    }

    boolean scrollsSideways() {
        return (Boolean) driver().executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    WebElement waitVisible(String css) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks and waits until the browser has left the current page and loaded the next one. */
    void clickAndWaitForPage(WebElement element) {
        driver().executeScript("window.hcpLeaving = true");
        element.click();
        waitUntil(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return window.hcpLeaving === undefined && document.readyState === 'complete'")));
    }

    /** Whether every image on the page has loaded with a real size. */
    boolean imagesLoaded() {
        return (Boolean) driver().executeScript(
                "return [...document.images].every(i => i.complete && i.naturalWidth > 0)");
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
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
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
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
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                } catch (IOException e) {
                    // a leftover temporary profile is harmless
                }
                profile = null;
            }
        }
    }

    private ChromeDriver start() {
        try {
            profile = Files.createTempDirectory("hcp-channels-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("hcp.test.chromium", "chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (emulation != null) {
            options.setExperimentalOption("mobileEmulation", emulation);
        } else {
            options.addArguments("--window-size=1280,900");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("hcp.test.chromedriver", "chromedriver")).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static File executable(String property, String name) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            File file = new File(configured);
            if (!file.canExecute()) {
                throw new IllegalStateException("-D" + property + " names no executable file: " + file);
            }
            return file;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not on the PATH; install it or set -D" + property);
    }
}
