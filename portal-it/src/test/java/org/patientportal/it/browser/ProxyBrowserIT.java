package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Proxy access in the browser. A patient (sam.rivera, in Spanish) gives the caregiver chris.jones
 * her messages, after the form refused bad input field by field; chris picks her on "Acting for",
 * the header names her, the menu offers only what the grant covers, and he reads and answers her
 * conversation; she revokes (after a confirmation) while he writes, and his reply is refused with a
 * clear notice that sends him back to the choice. Staff (nurse.lee, with her second factor) set up
 * access for a patient of their pools only with a reason. And each role on the three new pages: its
 * own, or "Not allowed". axe on each page, in English and Spanish.
 */
@Tag("browser")
class ProxyBrowserIT {

  private static final String PATIENT = "sam.rivera";
  private static final String CAREGIVER = "chris.jones";

  private static final By ACTIVE_ROW_OF_CHRIS =
      By.xpath("//tr[contains(., 'Chris Jones')][.//input[contains(@id, 'revoke')]]");

  private static String inDays(int days) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
  }

  @Test
  void aPatientGivesACaregiverHerMessagesAndEndsItWhileHeWrites() {
    Messages.acceptGuidelines(PATIENT);
    String subject = Messages.marker("Proxy story");
    long thread =
        Messages.start(
            PATIENT,
            Messages.draft("dr.smith", "GENERAL", subject, "A question for my team.", false));

    try (Browser sam = new Browser("es");
        Browser chris = new Browser("en")) {
      sam.signIn(PATIENT);
      sam.open(Portal.URL + "/account/proxies.xhtml");
      assertEquals("Acceso de cuidadores", sam.waitFor(By.tagName("h1")).getText());
      assertEquals(List.of(), sam.seriousAccessibilityViolations());

      // bad input is refused next to its field, in her language, and nothing is saved
      sam.follow(By.id("grant:save"));
      assertTrue(sam.waitFor(By.id("not-saved")).isDisplayed());
      assertEquals(
          "Indique el cuidador (su nombre de usuario).",
          sam.waitFor(By.id("grant:proxyError")).getText());
      assertEquals(
          "true", sam.driver().findElement(By.id("grant:proxy")).getAttribute("aria-invalid"));
      assertEquals(List.of(), sam.seriousAccessibilityViolations());
      sam.driver().findElement(By.id("grant:proxy")).sendKeys(CAREGIVER);
      sam.follow(By.id("grant:save"));
      assertTrue(
          sam.waitFor(By.id("grant:scopesError")).getText().startsWith("Elija al menos"),
          "scopes are required");
      // the caregiver's name was kept; now a day that is no date
      assertEquals(CAREGIVER, sam.driver().findElement(By.id("grant:proxy")).getAttribute("value"));
      messagingBox(sam).click();
      sam.driver().findElement(By.id("grant:expiresAt")).sendKeys("31/12/2027");
      sam.follow(By.id("grant:save"));
      assertTrue(
          sam.waitFor(By.id("grant:expiresAtError")).getText().startsWith("La fecha de fin"),
          "a date that is no day is refused");

      WebElement expiry = sam.driver().findElement(By.id("grant:expiresAt"));
      expiry.clear();
      expiry.sendKeys(inDays(30));
      if (!messagingBox(sam).isSelected()) {
        messagingBox(sam).click();
      }
      sam.follow(By.id("grant:save"));
      assertEquals(
          "Acceso concedido.", sam.waitFor(By.cssSelector("#notices .portal-notice")).getText());
      String row = sam.waitFor(ACTIVE_ROW_OF_CHRIS).getText();
      assertTrue(row.contains("Mensajes") && row.contains("Vigente") && row.contains("Usted"), row);

      // the caregiver: nobody chosen yet, so his messages page sends him to the choice
      chris.signIn(CAREGIVER);
      List<String> menu = menu(chris);
      assertTrue(menu.contains("Acting for"), menu.toString());
      assertFalse(menu.contains("Messages"), menu.toString());
      chris.open(Portal.URL + "/messages/inbox.xhtml");
      assertEquals("Whom you act for", chris.waitFor(By.tagName("h1")).getText());
      assertEquals(
          "Choose the patient you act for.",
          chris.waitFor(By.cssSelector("#notices .portal-notice")).getText());
      String patients = chris.waitFor(By.id("patients:list")).getText();
      assertTrue(patients.contains("Sam Rivera") && patients.contains("Pat Jones"), patients);
      assertEquals(List.of(), chris.seriousAccessibilityViolations());

      chris.follow(By.cssSelector("input[data-patient='" + PATIENT + "']"));
      assertTrue(chris.driver().getCurrentUrl().contains("/messages/inbox.xhtml"));
      assertEquals("Acting for Sam Rivera", chris.waitFor(By.id("acting-for")).getText());
      menu = menu(chris);
      assertTrue(menu.contains("Messages"), menu.toString());
      assertFalse(menu.contains("Requests"), "her grant does not cover requests: " + menu);
      assertTrue(chris.driver().findElement(By.id("new-message")).isDisplayed());
      assertEquals(List.of(), chris.seriousAccessibilityViolations());

      // he opens her conversation and answers it for her
      chris.follow(By.xpath("//a[contains(., '" + subject + "')]"));
      assertEquals("[General] " + subject, chris.waitFor(By.id("subject")).getText());
      assertTrue(chris.driver().findElements(By.id("archiving:archive")).isEmpty());
      assertEquals(List.of(), chris.seriousAccessibilityViolations());
      chris.waitFor(By.id("reply:body")).sendKeys("Sam asked me to say: thank you.");
      chris.follow(By.id("reply:send"));
      assertTrue(chris.waitFor(By.tagName("main")).getText().contains("Sam asked me to say"));

      // he starts another answer while she revokes, after confirming
      chris.waitFor(By.id("reply:body")).sendKeys("One more thing.");
      sam.open(Portal.URL + "/account/proxies.xhtml");
      sam.follow(
          sam.waitFor(ACTIVE_ROW_OF_CHRIS).findElement(By.cssSelector("input[id$='revoke']")));
      String confirm = sam.waitFor(By.id("confirm-revoke")).getText();
      assertTrue(confirm.contains("Chris Jones"), confirm);
      assertEquals(List.of(), sam.seriousAccessibilityViolations());
      sam.follow(By.id("confirm:yes"));
      assertTrue(
          sam.waitFor(By.cssSelector("#notices .portal-notice"))
              .getText()
              .startsWith("Acceso revocado"));
      assertTrue(sam.driver().findElements(ACTIVE_ROW_OF_CHRIS).isEmpty(), "no longer in force");
      assertTrue(sam.waitFor(By.id("grants:list")).getText().contains("Revocado"));

      // his reply is refused by the service: a clear notice, back to the choice, no error page
      chris.follow(By.id("reply:send"));
      assertEquals("Whom you act for", chris.waitFor(By.tagName("h1")).getText());
      String refusal = chris.waitFor(By.cssSelector("#notices .portal-error")).getText();
      assertTrue(refusal.contains("Sam Rivera") && refusal.contains("has ended"), refusal);
      assertTrue(chris.driver().findElements(By.id("acting-for")).isEmpty());
      assertFalse(chris.waitFor(By.id("main")).getText().contains("One more thing"));
      String left = chris.waitFor(By.id("patients:list")).getText();
      assertFalse(left.contains("Sam Rivera"), left);
      assertEquals(List.of(), chris.seriousAccessibilityViolations());
    }
    String bodies = Portal.get("/threads/" + thread, PATIENT).body();
    assertTrue(bodies.contains("Sam asked me to say"), "his first answer was sent");
    assertFalse(bodies.contains("One more thing"), "his answer after the revocation was not");
  }

  @Test
  void staffSetUpAccessForAPatientOfTheirPoolsOnlyWithAReason() {
    // the portal knows a patient's name once they signed in
    try (Browser sam = new Browser("es")) {
      sam.signIn(PATIENT);
    }
    try (Browser nurse = new Browser("en")) {
      nurse.signIn("nurse.lee");
      assertTrue(menu(nurse).contains("Caregiver access"), menu(nurse).toString());
      nurse.open(Portal.URL + "/care/proxies.xhtml");
      assertEquals("Caregiver access for patients", nurse.waitFor(By.tagName("h1")).getText());
      assertEquals(List.of(), nurse.seriousAccessibilityViolations());

      nurse.waitFor(By.id("patient:username")).sendKeys("nobody.here");
      nurse.follow(By.id("patient:show"));
      assertEquals(
          "No patient of your pools has that username.",
          nurse.waitFor(By.id("patient:usernameError")).getText());
      WebElement username = nurse.driver().findElement(By.id("patient:username"));
      username.clear();
      username.sendKeys(PATIENT);
      nurse.follow(By.id("patient:show"));
      assertEquals(
          "Caregiver access of Sam Rivera", nurse.waitFor(By.id("patient-title")).getText());

      nurse.waitFor(By.id("grant:proxy")).sendKeys(CAREGIVER);
      nurse
          .driver()
          .findElement(By.cssSelector("input[name='grant:scopes'][value='REQUESTS']"))
          .click();
      nurse.driver().findElement(By.id("grant:expiresAt")).sendKeys(inDays(400));
      nurse.follow(By.id("grant:save"));
      assertEquals(
          "Record why staff set up this access.",
          nurse.waitFor(By.id("grant:reasonError")).getText());
      assertEquals(List.of(), nurse.seriousAccessibilityViolations());

      String reason = Messages.marker("Parent of a minor patient");
      nurse.driver().findElement(By.id("grant:reason")).sendKeys(reason);
      nurse.follow(By.id("grant:save"));
      assertEquals(
          "Access given.", nurse.waitFor(By.cssSelector("#notices .portal-notice")).getText());
      String row = nurse.waitFor(ACTIVE_ROW_OF_CHRIS).getText();
      assertTrue(row.contains("Requests") && row.contains(reason), row);
      assertTrue(row.contains("Jordan Lee"), "set up by the nurse: " + row);
      assertEquals(List.of(), nurse.seriousAccessibilityViolations());

      // the caregiver holds it (the API agrees): her requests, and nothing of her messages
      assertTrue(Portal.get("/me/acting-for", CAREGIVER).body().contains(reason), "chris holds it");
      aCaregiverFilesARequestForHer();
      nurse.follow(
          nurse.waitFor(ACTIVE_ROW_OF_CHRIS).findElement(By.cssSelector("input[id$='revoke']")));
      nurse.follow(By.id("confirm:yes"));
      assertTrue(
          nurse
              .waitFor(By.cssSelector("#notices .portal-notice"))
              .getText()
              .startsWith("Access revoked"));
      assertFalse(Portal.get("/me/acting-for", CAREGIVER).body().contains(reason), "ended");
    }
  }

  /** chris, in Spanish, acts for sam under a grant of requests only and files one for her. */
  private static void aCaregiverFilesARequestForHer() {
    String medication = Messages.marker("Letrozole");
    try (Browser chris = new Browser("es")) {
      chris.signIn(CAREGIVER);
      chris.open(Portal.URL + "/account/acting-for.xhtml");
      chris.follow(By.cssSelector("input[data-patient='" + PATIENT + "']"));
      assertTrue(chris.driver().getCurrentUrl().contains("/requests/list.xhtml"));
      assertEquals("En nombre de Sam Rivera", chris.waitFor(By.id("acting-for")).getText());
      List<String> menu = menu(chris);
      assertTrue(menu.contains("Solicitudes"), menu.toString());
      assertFalse(menu.contains("Mensajes"), "no messages in this grant: " + menu);
      assertEquals(List.of(), chris.seriousAccessibilityViolations());

      chris.open(Portal.URL + "/requests/new.xhtml?type=PRESCRIPTION_RENEWAL");
      chris.waitFor(By.id("request:medication")).sendKeys(medication);
      chris.driver().findElement(By.id("request:dose")).sendKeys("2.5 mg");
      chris.driver().findElement(By.id("request:pharmacy")).sendKeys("Main Street Pharmacy");
      chris.follow(By.id("request:send"));
      // not to the conversation (his grant does not cover messages): back to her requests
      assertTrue(chris.driver().getCurrentUrl().contains("/requests/list.xhtml"));
      assertEquals(
          "Su solicitud se envió a su equipo de atención.",
          chris.waitFor(By.cssSelector("#notices .portal-notice")).getText());
      chris.waitFor(By.id("requests"));
      assertEquals(List.of(), chris.seriousAccessibilityViolations());
    }
    long newest =
        Portal.json(Portal.get("/requests?size=1", PATIENT).body()).get(0).get("id").asLong();
    assertTrue(
        Portal.get("/requests/" + newest, PATIENT).body().contains(medication),
        "filed for sam, as her newest request");
  }

  private static final Map<String, String> PAGES =
      Map.of(
          "actingFor", "/account/acting-for.xhtml",
          "proxies", "/account/proxies.xhtml",
          "careProxies", "/care/proxies.xhtml");

  private static final Map<String, Map<String, String>> TITLES =
      Map.of(
          "en",
          Map.of(
              "actingFor", "Whom you act for",
              "proxies", "Caregiver access",
              "careProxies", "Caregiver access for patients",
              "forbidden", "Not allowed"),
          "es",
          Map.of(
              "actingFor", "En nombre de quién actúa",
              "proxies", "Acceso de cuidadores",
              "careProxies", "Acceso de cuidadores para pacientes",
              "forbidden", "No permitido"));

  @ParameterizedTest(name = "{0} in {1}: acting-for {2}, proxies {3}, care proxies {4}")
  @CsvSource({
    "pat.jones,   en, forbidden, proxies,   forbidden",
    "pat.jones,   es, forbidden, proxies,   forbidden",
    "chris.jones, en, actingFor, forbidden, forbidden",
    "chris.jones, es, actingFor, forbidden, forbidden",
    "nurse.lee,   en, forbidden, forbidden, careProxies",
    "nurse.lee,   es, forbidden, forbidden, careProxies",
    "dr.smith,    en, forbidden, forbidden, forbidden",
    "audit.kim,   en, forbidden, forbidden, forbidden"
  })
  void eachRoleSeesOnlyItsProxyPages(
      String user, String language, String actingFor, String proxies, String careProxies) {
    try (Browser browser = new Browser(language)) {
      browser.signIn(user);
      for (Map.Entry<String, String> expected :
          List.of(
              Map.entry("actingFor", actingFor),
              Map.entry("proxies", proxies),
              Map.entry("careProxies", careProxies))) {
        browser.open(Portal.URL + PAGES.get(expected.getKey()));
        assertEquals(
            TITLES.get(language).get(expected.getValue()),
            browser.waitFor(By.tagName("h1")).getText(),
            user + " on " + expected.getKey());
        if (!expected.getValue().equals("forbidden")) {
          assertEquals(List.of(), browser.seriousAccessibilityViolations(), user + " " + language);
        }
      }
    }
  }

  private static WebElement messagingBox(Browser browser) {
    return browser
        .driver()
        .findElement(By.cssSelector("input[name='grant:scopes'][value='MESSAGING']"));
  }

  private static List<String> menu(Browser browser) {
    return browser.waitFor(By.cssSelector("nav.portal-nav")).findElements(By.tagName("a")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
