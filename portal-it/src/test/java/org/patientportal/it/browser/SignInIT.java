package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/** Signing in and out through the real Keycloak login page, in Chromium. */
@Tag("browser")
class SignInIT {

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser("en");
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aPatientSignsInThroughKeycloakAndSeesTheirNameAndMenu() {
    browser.open(Portal.URL + "/");
    assertTrue(
        browser.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK + "/realms/portal/"),
        "the portal sends an anonymous visitor to Keycloak: " + browser.driver().getCurrentUrl());
    browser.signInAtKeycloak("pat.jones", Portal.DEMO_PASSWORD);

    WebElement welcome = browser.waitFor(By.id("welcome"));
    assertEquals("Welcome, Pat Jones", welcome.getText());
    assertEquals(
        "Pat Jones",
        browser
            .driver()
            .findElement(By.id("signed-in-user"))
            .getText()
            .replace("Signed in as", "")
            .strip());
    List<String> menu =
        browser.driver().findElements(By.cssSelector("nav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            "Home",
            "Messages",
            "Requests",
            "My account",
            "Who saw my messages",
            "Sensitive topics",
            "Caregiver access"),
        menu,
        "a patient's menu has their messages and no care team or auditor entries");
    assertTrue(browser.driver().findElement(By.id("roles")).getText().contains("Patient"));
    browser.screenshot("home-pat.jones");
  }

  @Test
  void theHomePageHasNoSeriousAccessibilityViolations() {
    browser.signIn("pat.jones");
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
  }

  @Test
  void theKeyboardReachesTheSkipLinkFirstAndItLeadsToTheMainContent() {
    browser.signIn("pat.jones");
    org.openqa.selenium.WebElement body = browser.driver().findElement(By.tagName("body"));
    body.sendKeys(org.openqa.selenium.Keys.TAB);
    WebElement first = browser.driver().switchTo().activeElement();
    assertEquals("Skip to main content", first.getText());
    first.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertEquals("main", browser.driver().switchTo().activeElement().getAttribute("id"));
    // from the top again, through the header by keyboard alone: language, then signing out
    browser.driver().navigate().refresh();
    browser.waitFor(By.id("welcome"));
    List<String> order = new java.util.ArrayList<>();
    org.openqa.selenium.interactions.Actions keys =
        new org.openqa.selenium.interactions.Actions(browser.driver());
    for (int i = 0; i < 8; i++) {
      keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
      String id = browser.driver().switchTo().activeElement().getAttribute("id");
      order.add(id == null ? "" : id);
    }
    assertTrue(order.contains("language:choice"), order.toString());
    assertTrue(order.contains("signout:signOut"), order.toString());
  }

  @Test
  void aWrongPasswordIsRefusedByKeycloakAndOpensNoPortalSession() {
    browser.open(Portal.URL + "/");
    browser.signInAtKeycloak("pat.jones", "Not-the-password-1");
    WebElement error = browser.waitFor(By.id("input-error-username"));
    assertTrue(error.getText().contains("Invalid username or password"), error.getText());
    assertTrue(browser.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK));
    assertTrue(browser.driver().findElements(By.id("welcome")).isEmpty());
  }

  @Test
  void signingOutEndsThePortalAndTheKeycloakSession() {
    browser.signIn("pat.jones");
    browser.follow(By.id("signout:signOut"));
    browser.waitFor(By.id("signInAgain"));
    assertTrue(browser.driver().getCurrentUrl().endsWith("/signed-out.xhtml"));

    // Opening the portal again asks for a password: neither session survived.
    browser.open(Portal.URL + "/");
    browser.waitFor(By.id("username"));
    assertTrue(browser.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK));
  }

  @Test
  void aPatientIsRefusedTheAuditorsPageAndTheRefusalIsAudited() {
    java.time.Instant before = java.time.Instant.now().minusSeconds(5);
    browser.signIn("sam.rivera");
    browser.open(Portal.URL + "/audit/log.xhtml");
    WebElement heading = browser.waitFor(By.tagName("h1"));
    assertEquals("Not allowed", heading.getText());
    assertFalse(browser.driver().getPageSource().contains("ACCESS_DENIED"));

    String log =
        Portal.get("/audit?action=ACCESS_DENIED&actor=sam.rivera&from=" + before, "audit.kim")
            .body();
    assertTrue(log.contains("\"resource\":\"/portal/audit/log.xhtml\""), log);
  }

  @Test
  void theAuditorSeesTheAccessLogAndItIsAccessible() {
    browser.signIn("audit.kim");
    List<String> menu =
        browser.driver().findElements(By.cssSelector("nav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Home", "My account", "Access log", "Log integrity", "Reports"), menu);
    browser.follow(By.linkText("Access log"));
    browser.waitFor(By.id("search:go"));
    assertTrue(
        browser.driver().getPageSource().contains("SIGN_IN"),
        "the auditor's own sign-in is logged");
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    browser.screenshot("audit-log");
  }

  @Test
  void aMinuteBeforeTheIdleLimitADialogOffersToStaySignedInAndKeepsTheSession() {
    browser.signIn("pat.jones");
    WebElement dialog = browser.driver().findElement(By.id("idle-warning"));
    assertFalse(dialog.isDisplayed(), "no warning while the session is in use");
    // the browser cannot wait fourteen minutes: the page's own warning, now
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("window.portalIdle.warn();");
    browser.waitFor(By.id("idle-warning"));
    assertEquals("alertdialog", dialog.getAttribute("role"));
    assertTrue(dialog.getText().contains("You will be signed out in one minute"), dialog.getText());
    assertEquals(
        "idle-stay",
        browser.driver().switchTo().activeElement().getAttribute("id"),
        "the dialog takes the focus, on staying signed in");
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    browser.screenshot("idle-warning");

    // Tab stays inside the dialog; Enter on "Stay signed in" asks the server, which answers
    // 204 only within the signed-in session, and only then does the dialog close
    browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
    assertEquals("idle-signout", browser.driver().switchTo().activeElement().getAttribute("id"));
    browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
    assertEquals("idle-stay", browser.driver().switchTo().activeElement().getAttribute("id"));
    browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(30))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOf(dialog));
    browser.driver().navigate().refresh();
    assertEquals("Welcome, Pat Jones", browser.waitFor(By.id("welcome")).getText());
  }

  @Test
  void whenTheIdleTimeIsUpThePageSignsOutAndSaysWhyInTheUsersLanguage() {
    try (Browser spanish = new Browser("es")) {
      spanish.signIn("sam.rivera");
      ((org.openqa.selenium.JavascriptExecutor) spanish.driver())
          .executeScript("window.portalIdle.warn();");
      WebElement dialog = spanish.waitFor(By.id("idle-warning"));
      assertTrue(dialog.getText().contains("Seguir conectado"), dialog.getText());
      // the idle time is up (the page's own end, now): it signs out through the sign-out form
      WebElement page = spanish.driver().findElement(By.tagName("html"));
      ((org.openqa.selenium.JavascriptExecutor) spanish.driver())
          .executeScript("window.portalIdle.end();");
      new org.openqa.selenium.support.ui.WebDriverWait(
              spanish.driver(), java.time.Duration.ofSeconds(30))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      WebElement why = spanish.waitFor(By.id("signedOutWhy"));
      assertEquals(
          "Se cerró su sesión porque no hubo actividad durante 15 minutos. No se perdió nada de lo"
              + " que había enviado; un mensaje que aún no había enviado debe escribirse de nuevo.",
          why.getText());
      assertTrue(spanish.driver().getCurrentUrl().endsWith("/signed-out.xhtml?why=idle"));
      List<String> violations = spanish.seriousAccessibilityViolations();
      assertTrue(violations.isEmpty(), String.join("\n", violations));

      // both sessions ended: opening the portal again asks for a password
      spanish.open(Portal.URL + "/");
      spanish.waitFor(By.id("username"));
      assertTrue(spanish.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK));
    }
  }
}
