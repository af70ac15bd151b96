package org.patientportal.it.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * The care-team administration page and the away page in the browser, in English and Spanish, with
 * axe-core finding nothing serious: admin.ito builds a team; dr.smith records and deletes an away
 * period; refusals show next to their field in the page's language; and a patient writing to an
 * absent clinician is told on sending who is covering.
 */
@Tag("browser")
class CareTeamsBrowserIT {

  private static final ZoneId HOSPITAL = ZoneId.of("America/New_York");

  private final String code = Teams.code("it-browser");

  @AfterEach
  void cleanUp() {
    Teams.clearAway("dr.smith");
    Teams.clearAway("dr.chen");
    Teams.empty(code);
  }

  @Test
  void anAdministratorBuildsATeamInTheBrowser() {
    try (Browser browser = new Browser("en")) {
      browser.signIn("admin.ito");
      browser.follow(By.linkText("Care teams"));
      assertEquals("Care teams", browser.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(browser);

      browser.waitFor(By.id("create:code")).sendKeys(code);
      browser.driver().findElement(By.id("create:name")).sendKeys("Oncología pediátrica 🧸");
      browser.follow(By.id("create:save"));
      assertEquals(
          "Oncología pediátrica 🧸 (" + code + ")", browser.waitFor(By.id("team-title")).getText());

      addMember(browser, "dr.smith", "CLINICIAN");
      assertTrue(browser.waitFor(By.id("members:list")).getText().contains("dr.smith"));
      // a staff member cannot join as a clinician: said next to the field
      addMember(browser, "nurse.lee", "CLINICIAN");
      assertEquals(
          "Only a person of the portal with the clinician role can join as a clinician.",
          browser.waitFor(By.id("member:usernameError")).getText());
      assertEquals(
          "true",
          browser.driver().findElement(By.id("member:username")).getAttribute("aria-invalid"));
      assertNoSeriousViolations(browser);
      browser.driver().findElement(By.id("member:username")).clear();
      addMember(browser, "nurse.lee", "STAFF");
      assertTrue(browser.waitFor(By.id("members:list")).getText().contains("nurse.lee"));

      browser.waitFor(By.id("patient:username")).sendKeys("sam.rivera");
      browser.follow(By.id("patient:add"));
      assertTrue(browser.waitFor(By.id("patients:list")).getText().contains("Sam Rivera"));

      new Select(browser.waitFor(By.id("team:lead"))).selectByValue("dr.smith");
      browser.follow(By.id("team:save"));
      assertEquals(
          "dr.smith",
          new Select(browser.waitFor(By.id("team:lead")))
              .getFirstSelectedOption()
              .getAttribute("value"));
      assertNoSeriousViolations(browser);
      browser.screenshot("admin-teams");
    }
    var team = Portal.json(Portal.get("/admin/teams/" + code, Teams.ADMIN).body());
    assertEquals("dr.smith", team.get("lead").asText());
    assertEquals(2, team.get("members").size());
    assertEquals(1, team.get("patients").size());
  }

  @Test
  void theTeamsPageSpeaksSpanish() {
    try (Browser browser = new Browser("es")) {
      browser.signIn("admin.ito");
      browser.follow(By.linkText("Equipos de atención"));
      assertEquals("Equipos de atención", browser.waitFor(By.tagName("h1")).getText());
      browser.waitFor(By.id("create:code")).sendKeys("Código Malo");
      browser.driver().findElement(By.id("create:name")).sendKeys("Cardiología");
      browser.follow(By.id("create:save"));
      String error = browser.waitFor(By.id("create:codeError")).getText();
      assertTrue(error.startsWith("El código de un equipo tiene"), error);
      assertEquals(
          "No se ha guardado nada: corrija el campo marcado abajo.",
          browser.waitFor(By.id("not-saved")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("admin-teams-es");
    }
  }

  @Test
  void aClinicianRecordsAndDeletesAnAwayPeriod() {
    twoClinicians();
    LocalDate from = LocalDate.now(HOSPITAL).plusDays(30);
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.follow(By.linkText("Away and cover"));
      assertEquals("Away and cover", browser.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(browser);

      browser.waitFor(By.id("away:from")).sendKeys(from.toString());
      browser.driver().findElement(By.id("away:to")).sendKeys(from.plusDays(4).toString());
      new Select(browser.driver().findElement(By.id("away:kind"))).selectByValue("ILLNESS");
      new Select(browser.driver().findElement(By.id("away:cover"))).selectByValue("dr.chen");
      browser.follow(By.id("away:save"));
      String list = browser.waitFor(By.id("periods:list")).getText();
      assertTrue(list.contains(from.toString()) && list.contains("Wei Chen"), list);
      assertTrue(list.contains("Illness"), list);
      assertNoSeriousViolations(browser);
      browser.screenshot("account-away");

      browser.follow(By.id("periods:list:0:delete"));
      assertEquals(
          "You have no away periods planned.", browser.waitFor(By.id("periods:none")).getText());
    }
    assertEquals(0, Portal.json(Portal.get("/me/away", "dr.smith").body()).size());
  }

  @Test
  void theAwayPageSpeaksSpanish() {
    twoClinicians();
    LocalDate from = LocalDate.now(HOSPITAL).plusDays(30);
    try (Browser browser = new Browser("es")) {
      browser.signIn("dr.chen");
      browser.follow(By.linkText("Ausencias y sustitución"));
      assertEquals("Ausencias y sustitución", browser.waitFor(By.tagName("h1")).getText());
      browser.waitFor(By.id("away:from")).sendKeys(from.plusDays(3).toString());
      browser.driver().findElement(By.id("away:to")).sendKeys(from.toString());
      new Select(browser.driver().findElement(By.id("away:cover"))).selectByValue("dr.smith");
      browser.follow(By.id("away:save"));
      assertEquals(
          "El último día no puede ser anterior al primero.",
          browser.waitFor(By.id("away:toError")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("account-away-es");
    }
  }

  @Test
  void aPatientIsToldOnSendingWhoIsCovering() {
    twoClinicians();
    Teams.addPatient(code, "sam.rivera");
    Messages.acceptGuidelines("sam.rivera");
    LocalDate today = LocalDate.now(HOSPITAL);
    Map<String, Object> away = new LinkedHashMap<>();
    away.put("from", today.toString());
    away.put("to", today.plusDays(1).toString());
    away.put("kind", "VACATION");
    away.put("cover", "dr.chen");
    assertEquals(201, Portal.post("/me/away", "dr.smith", away).statusCode());
    try (Browser browser = new Browser("es")) {
      browser.signIn("sam.rivera");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      new Select(browser.waitFor(By.id("compose:to"))).selectByValue("dr.smith");
      new Select(browser.driver().findElement(By.id("compose:category"))).selectByValue("GENERAL");
      browser.driver().findElement(By.id("compose:subject")).sendKeys(Messages.marker("Cover"));
      browser.driver().findElement(By.id("compose:body")).sendKeys("Hola");
      browser.follow(By.id("compose:send"));
      WebElement main = browser.waitFor(By.tagName("main"));
      assertTrue(
          main.getText().contains("Alex Smith está ausente; le sustituye Wei Chen"),
          main.getText());
      assertNoSeriousViolations(browser);
    }
  }

  private void twoClinicians() {
    Teams.clearAway("dr.smith");
    Teams.clearAway("dr.chen");
    Teams.create(code, "Away");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "dr.chen", "CLINICIAN");
  }

  private static void addMember(Browser browser, String username, String role) {
    browser.waitFor(By.id("member:username")).sendKeys(username);
    new Select(browser.driver().findElement(By.id("member:role"))).selectByValue(role);
    browser.follow(By.id("member:add"));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
