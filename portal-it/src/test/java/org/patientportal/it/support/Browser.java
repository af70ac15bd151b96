package org.patientportal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (nothing is downloaded), with a
 * fresh profile, in the language asked for.
 */
public final class Browser implements AutoCloseable {

  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private final WebDriver driver;
  private final Path profile;
  private final Path downloads;

  public Browser(String language) {
    this(language, 1280);
  }

  /**
   * A browser {@code width} CSS pixels wide (1280 for a desktop, 390 for a phone); on a narrow one
   * the pages also get a phone's touch input and device scale, as Chromium's device mode does.
   */
  public Browser(String language, int width) {
    try {
      profile = Files.createTempDirectory("portal-chromium");
      downloads = Files.createDirectories(profile.resolve("downloads"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's Chromium and chromedriver: apt-get install chromium"
              + " chromium-driver (or set -Dchromium.binary and -Dchromedriver.binary)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.getPath());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=" + width + ",1000",
        "--lang=" + language,
        "--accept-lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "intl.accept_languages",
            language,
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    if (width < 1280) {
      // a phone's viewport whatever the smallest window the platform allows
      chrome.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          java.util.Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }
    driver = chrome;
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /**
   * How far the element {@code css} (the first match) is wider than its box: scrollWidth minus
   * clientWidth, 0 when nothing overflows it sideways.
   */
  public long horizontalOverflow(String css) {
    Object result =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const e = document.querySelector(arguments[0]);"
                    + " return e ? e.scrollWidth - e.clientWidth : -1;",
                css);
    long overflow = ((Number) result).longValue();
    if (overflow < 0) {
      throw new IllegalStateException("Nothing matches " + css);
    }
    return overflow;
  }

  /**
   * The texts of the elements {@code css} matches whose content is cut off or overflows sideways.
   */
  @SuppressWarnings("unchecked")
  public List<String> cutOff(String css) {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                    + ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
                    + ".map(e => e.textContent.trim() + ' (' + e.scrollWidth + ' > '"
                    + " + e.clientWidth + ')');",
                css);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Where the browser saves downloads (inside its profile, deleted with it). */
  public Path downloads() {
    return downloads;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement waitFor(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Clicks what loads a new page (a link, a non-Ajax button) and returns once the old page is gone,
   * so that what is looked up next is on the new page and never a stale element of the old.
   */
  public void follow(By locator) {
    // an Ajax update of the form (a menu's change listener, say) may replace the element between
    // finding and clicking it: then it is found again, a few times at most
    for (int attempt = 1; ; attempt++) {
      try {
        follow(driver.findElement(locator));
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3
            || !String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          throw e;
        }
      }
    }
  }

  /** Like {@link #follow(By)} for an element already found. */
  public void follow(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
  }

  /**
   * Fills in and submits Keycloak's login form, which the portal has redirected to; when Keycloak
   * then asks a demo user with an OTP secret for the code of their authenticator app, enters it.
   */
  public void signInAtKeycloak(String username, String password) {
    waitFor(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    follow(By.id("kc-login"));
    if (Totp.demoSecret(username).isPresent() && !driver.findElements(By.id("otp")).isEmpty()) {
      long start = System.nanoTime();
      enterOneTimeCode(Totp.nextCode(username));
      Totp.countBrowserStep(System.nanoTime() - start);
    }
  }

  /** Fills in and submits the code on Keycloak's "one-time code" page. */
  public void enterOneTimeCode(String code) {
    WebElement otp = waitFor(By.id("otp"));
    otp.clear();
    otp.sendKeys(code);
    follow(By.cssSelector("#kc-otp-login-form [type=submit]"));
  }

  /** Opens the portal and signs in through the real Keycloak page; returns on the home page. */
  public void signIn(String username) {
    open(Portal.URL + "/");
    signInAtKeycloak(username, Portal.DEMO_PASSWORD);
    waitFor(By.id("welcome"));
  }

  /**
   * Runs axe-core (from the npm registry, see the pom) on the current page and returns the
   * violations of serious or critical impact, one line each.
   */
  public List<String> seriousAccessibilityViolations() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeSource());
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object raw =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done('ERROR ' + e));");
    String result = String.valueOf(raw);
    if (result.startsWith("ERROR")) {
      throw new IllegalStateException("axe-core failed: " + result);
    }
    List<String> serious = new ArrayList<>();
    for (JsonNode violation : Portal.json(result)) {
      if (BLOCKING_IMPACTS.contains(violation.path("impact").asText())) {
        List<String> targets = new ArrayList<>();
        violation.get("nodes").forEach(n -> targets.add(n.get("target").toString()));
        serious.add(
            violation.get("id").asText()
                + " ("
                + violation.get("impact").asText()
                + "): "
                + violation.get("help").asText()
                + " at "
                + targets);
      }
    }
    return serious;
  }

  private static String axeSource() {
    try {
      return Files.readString(Path.of(System.getProperty("axe.script")));
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is fetched by the build into target/", e);
    }
  }

  /** Saves a screenshot under target/screenshots, for a person to look at. */
  public void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile.toFile());
    }
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
