package org.liandong.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium through Debian's chromedriver; nothing is
 * downloaded. Screenshots go to target/screenshots/ for people to look at.
 */
final class Browser implements AutoCloseable {
  static final Path SHOTS = Path.of("target", "screenshots");
  final ChromeDriver driver;
  private final int port;

  private Browser(ChromeDriver driver, int port) {
    this.driver = driver;
    this.port = port;
  }

  static Browser open(int port, int width, int height) {
    try {
      var profile = Files.createTempDirectory("liandong-chromium-");
      var options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
      var logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
      var driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(width, height));
      // lets a test hold back live messages (window.__holdLive = true) to stage a stale page
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
          const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
          Object.defineProperty(WebSocket.prototype, 'onmessage', {
            configurable: true,
            get() { return descriptor.get.call(this); },
            set(handler) { descriptor.set.call(this, e => { if (!window.__holdLive) handler(e); }); }
          });"""));
      return new Browser(driver, port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Browser go(String hash) {
    driver.get("http://127.0.0.1:" + port + "/" + hash);
    return this;
  }

  Browser login(String username) {
    go("");
    waitFor(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("login-submit")).click();
    waitFor(By.cssSelector("#who:not(:empty)"));
    waitFor(By.cssSelector("#conn[data-state='live']"));
    return this;
  }

  /** Logs out and waits for the login form, so the next page load cannot overtake the ending session. */
  Browser logout() {
    click(By.id("logout"));
    waitFor(By.id("username"));
    return this;
  }

  /**
   * The controls on screen a thumb would miss: every visible button, link, field, select and
   * summary (in the header and the page) less than 44 px tall, described for the failure message.
   * A link inside running text is measured by its line, as a person taps it.
   */
  @SuppressWarnings("unchecked")
  List<String> smallTapTargets() {
    return (List<String>) script("""
        return [...document.querySelectorAll('header button, header a, #view button, #view a[href], #view input, #view select, #view textarea, #view summary')]
          .filter(el => el.type !== 'hidden' && el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
          .map(el => [el, el.type === 'checkbox' || el.type === 'radio' ? (el.closest('label') || el) : el])
          .filter(([el, target]) => target.getBoundingClientRect().height < 44)
          .map(([el, target]) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.value || el.name || '').trim().slice(0, 30)
            + '" ' + Math.round(target.getBoundingClientRect().height) + 'px');""");
  }

  WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Waits until the element shows the text (a live page fills in after it appears). */
  WebElement waitForText(By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  void waitUntilGone(By by) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.numberOfElementsToBe(by, 0));
  }

  /** Clicks what the page shows now: a row redrawn by the live feed between finding and clicking is found again. */
  void click(By by) {
    new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      var element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) return false;
      element.click();
      return true;
    });
  }

  /**
   * Opens a {@code <details>} by clicking its summary, as a person does. A page still drawing
   * above it (the project page fills its timeline after its workbench) can move the summary from
   * under the click, so it is clicked until the details is open; an open one is left open.
   */
  void expand(By details) {
    until(Duration.ofSeconds(15), d -> {
      var box = d.findElement(details);
      if (box.getAttribute("open") == null && box.isDisplayed()) box.findElement(By.tagName("summary")).click();
      return box.getAttribute("open") != null;
    });
  }

  /** The element's text as the page shows it now: an element redrawn by the live feed while it is read is found again. */
  String text(By by) {
    return until(Duration.ofSeconds(15), d -> d.findElement(by).getText());
  }

  /**
   * Waits until the condition holds (a non-null, non-false answer) and returns it; an element the
   * live feed redraws while the condition reads it is read again, never a failure.
   */
  <T> T until(Duration timeout, java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      var file = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the page wrote to its console at SEVERE level (errors, failed loads). */
  List<LogEntry> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  /** Sets a date, time or any input's value as a person's typing would end up, with its input event. */
  void set(By by, String value) {
    var el = waitFor(by);
    script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, value);
  }

  /** Chooses options of a select (one or several) by value, as a person's clicks would. */
  void choose(By select, String... values) {
    var el = waitFor(select);
    var s = new org.openqa.selenium.support.ui.Select(el);
    for (var v : values) s.selectByValue(v);
  }

  /**
   * The page's own errors: {@link #errors()} without the browser's note of a refused request
   * (a 4xx the page answered with a message, as a test that sends bad input expects).
   */
  List<LogEntry> scriptErrors() {
    return errors().stream().filter(e -> !e.getMessage().matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*")).toList();
  }

  private static String axeSource;

  /**
   * What axe-core finds on the page as it is now against WCAG 2.1 A and AA, critical and serious
   * only, one line per rule with the first elements it names (empty: nothing to mend).
   */
  @SuppressWarnings("unchecked")
  List<String> accessibilityProblems() {
    synchronized (Browser.class) {
      if (axeSource == null) {
        try (var in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
          if (in == null) throw new IllegalStateException("axe-core is not on the test classpath");
          axeSource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    // run as the driver's own script: the page's Content-Security-Policy refuses inline scripts, rightly
    if (!Boolean.TRUE.equals(script("return !!window.axe"))) script(axeSource);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return (List<String>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
          .then(r => done(r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
            .map(v => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)))
          .catch(e => done(['axe failed: ' + e]));""");
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /**
   * Runs the body of an async function in the page ({@code args} as its arguments) and gives back
   * what it returns; a failure comes back as "failed: …" so the test can say what went wrong.
   */
  Object await(String body, Object... args) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        (async (...args) => { %s })(...Array.from(arguments).slice(0, -1))
          .then(done, e => done('failed: ' + (e && e.stack || e)));""".formatted(body), args);
  }


  @Override
  public void close() {
    driver.quit();
  }
}
