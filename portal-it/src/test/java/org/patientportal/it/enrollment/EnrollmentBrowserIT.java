package org.patientportal.it.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.KeycloakUsers;
import org.patientportal.it.support.Portal;

/**
 * The whole story in the browser: nurse.lee registers a patient whose name has accents and an emoji
 * and gets the printable letter with the code; the patient, whose browser speaks Spanish, enrolls
 * on the public page without signing in, first with a date of birth written the wrong way (told
 * next to the field, in Spanish), then with the keyboard alone. Every page passes axe.
 */
@Tag("browser")
class EnrollmentBrowserIT {

  @Test
  void staffRegistersAndPrintsThenThePatientEnrollsInSpanish() {
    String email = KeycloakUsers.unique("navegador-") + "@portal.test";
    String mrn = KeycloakUsers.unique("MRN-");
    String code;
    try (Browser staff = new Browser("en")) {
      staff.signIn("nurse.lee");
      staff.open(Portal.URL + "/care/register.xhtml");
      assertEquals(
          "Register a patient or invite a caregiver", staff.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(staff);
      staff.driver().findElement(By.id("register:firstName")).sendKeys("Zoë");
      // ChromeDriver types only the Basic Multilingual Plane: the emoji goes in by script
      ((JavascriptExecutor) staff.driver())
          .executeScript(
              "arguments[0].value = arguments[1];",
              staff.driver().findElement(By.id("register:lastName")),
              "Ñandú 🌻");
      staff.driver().findElement(By.id("register:birthDate")).sendKeys("1975-02-28");
      staff.driver().findElement(By.id("register:email")).sendKeys(email);
      staff.driver().findElement(By.id("register:mrn")).sendKeys(mrn);
      staff.follow(By.id("register:issue"));
      code = staff.waitFor(By.id("code")).getText();
      assertTrue(code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
      assertTrue(
          staff.driver().findElement(By.id("letterName")).getText().contains("Zoë Ñandú 🌻"),
          staff.driver().findElement(By.id("letterName")).getText());
      assertTrue(staff.driver().findElement(By.id("print")).isDisplayed(), "a print button");
      assertNoSeriousViolations(staff);
      staff.screenshot("enrollment-letter");
    }

    try (Browser patient = new Browser("es")) {
      patient.open(Portal.URL + "/enroll.xhtml");
      assertEquals("Cree su cuenta del portal", patient.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(patient);
      patient.driver().findElement(By.id("enroll:code")).sendKeys(code);
      patient.driver().findElement(By.id("enroll:birthDate")).sendKeys("28/02/1975");
      patient.driver().findElement(By.id("enroll:email")).sendKeys(email);
      patient.follow(By.id("enroll:submit"));
      String error = patient.waitFor(By.id("enroll:birthDateError")).getText();
      assertTrue(error.startsWith("Escriba una fecha de nacimiento"), error);
      assertEquals(
          "true",
          patient.driver().findElement(By.id("enroll:birthDate")).getAttribute("aria-invalid"));
      assertNoSeriousViolations(patient);

      // the keyboard alone: correct the date and press Enter in the form
      patient.driver().findElement(By.id("enroll:birthDate")).clear();
      patient.driver().findElement(By.id("enroll:birthDate")).sendKeys("1975-02-28", Keys.ENTER);
      String done = patient.waitFor(By.id("enrolled")).getText();
      assertTrue(done.contains(email), done);
      assertTrue(done.contains("Casi listo"), done);
      assertNoSeriousViolations(patient);
      patient.screenshot("enrollment-done-es");
    }

    JsonNode user = KeycloakUsers.find(email).orElseThrow();
    assertEquals("Zoë", user.get("firstName").asText());
    assertEquals("Ñandú 🌻", user.get("lastName").asText());
    assertTrue(KeycloakUsers.realmRoles(user.get("id").asText()).contains("patient"));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
