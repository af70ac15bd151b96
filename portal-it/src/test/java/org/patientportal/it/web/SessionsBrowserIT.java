package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * A patient signed in on two browsers sees both on "Where you are signed in" (in Spanish, with
 * axe), the one in use marked and without an end button, and ends the other: that browser's next
 * page asks for the password again at once (Keycloak's back-channel logout), while this one goes
 * on.
 */
@Tag("browser")
class SessionsBrowserIT {

  private static final String USER = "pat.jones";

  @Test
  void endingTheOtherBrowsersSessionSignsItOut() {
    try (Browser here = new Browser("es");
        Browser there = new Browser("en")) {
      here.signIn(USER);
      there.signIn(USER);

      here.open(Portal.URL + "/account/account.xhtml");
      here.follow(By.id("sessions-link"));
      here.waitFor(By.id("sessions:list"));
      assertEquals(
          "Dónde tiene la sesión iniciada", here.driver().findElement(By.tagName("h1")).getText());
      List<WebElement> rows = here.driver().findElements(By.cssSelector("tr.portal-session"));
      assertTrue(rows.size() >= 2, "both browsers: " + rows.size());
      List<WebElement> current =
          here.driver().findElements(By.cssSelector("tr.portal-session .portal-session-current"));
      assertEquals(1, current.size(), "one row is this browser");
      WebElement currentRow = current.get(0).findElement(By.xpath("ancestor::tr"));
      assertTrue(currentRow.findElements(By.cssSelector("input[data-session]")).isEmpty());
      assertTrue(currentRow.getText().contains("«Cerrar sesión»"), currentRow.getText());
      assertEquals(List.of(), here.seriousAccessibilityViolations());

      // the newest session that is not this browser's is the other browser's (signed in last)
      WebElement end = here.driver().findElements(By.cssSelector("input[data-session]")).get(0);
      String ended = end.getAttribute("data-session");
      assertTrue(end.getAttribute("aria-label").startsWith("Cerrar esta sesión"));
      here.follow(end);
      assertTrue(
          here.waitFor(By.cssSelector("#notices .portal-notice"))
              .getText()
              .startsWith("La sesión se ha cerrado"));
      assertTrue(
          here.driver()
              .findElements(By.cssSelector("input[data-session='" + ended + "']"))
              .isEmpty(),
          "gone from the list");

      // the other browser is signed out at once: its next page is Keycloak's sign-in
      there.open(Portal.URL + "/index.xhtml");
      there.waitFor(By.id("kc-login"));
      assertTrue(there.driver().getCurrentUrl().startsWith(Portal.KEYCLOAK));

      // this one goes on
      here.open(Portal.URL + "/index.xhtml");
      here.waitFor(By.id("welcome"));
    }
  }
}
