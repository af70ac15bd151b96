package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;
import org.patientportal.it.support.Teams;

/**
 * The quick-replies page in the browser, in English and Spanish, with axe-core finding nothing
 * serious: dr.smith is refused an empty title next to its field, writes a team-wide quick reply in
 * Spanish, Arabic and emoji and a personal one, and deletes the personal one; nurse.lee, of the
 * same team, can use the team's but not delete it; a patient gets the forbidden page, audited.
 */
@Tag("browser")
class QuickRepliesBrowserIT {

  private static final String TEXT =
      "Gracias por su mensaje 🙂 — شكرا لرسالتك. Le llamaremos mañana.";

  private final String code = Teams.code("it-replies");

  @AfterEach
  void cleanUp() {
    for (String user : List.of("dr.smith", "nurse.lee")) {
      for (JsonNode t : Portal.json(Portal.get("/me/templates", user).body())) {
        if (t.get("deletable").asBoolean()
            && t.get("title").asText().startsWith("IT quick reply")) {
          Portal.delete("/me/templates/" + t.get("id").asLong(), user);
        }
      }
    }
    Teams.empty(code);
  }

  @Test
  void aClinicianWritesAndDeletesQuickRepliesAndTheTeamUsesThem() {
    Teams.create(code, "Quick replies team");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    try (Browser browser = new Browser("en")) {
      browser.signIn("dr.smith");
      browser.follow(By.linkText("Quick replies"));
      assertEquals("Quick replies", browser.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(browser);

      browser.waitFor(By.id("template:text")).sendKeys(TEXT);
      browser.follow(By.id("template:save"));
      assertEquals(
          "Give the template a title.", browser.waitFor(By.id("template:titleError")).getText());
      assertEquals(
          TEXT, browser.driver().findElement(By.id("template:text")).getAttribute("value"));
      assertTrue(browser.driver().findElement(By.id("not-saved")).isDisplayed());
      assertNoSeriousViolations(browser);

      browser.driver().findElement(By.id("template:title")).sendKeys("IT quick reply team ✓");
      new Select(browser.driver().findElement(By.id("template:pool"))).selectByValue(code);
      browser.follow(By.id("template:save"));
      browser.waitFor(By.id("templates:list"));
      browser.waitFor(By.id("template:title")).sendKeys("IT quick reply mine");
      browser.driver().findElement(By.id("template:text")).sendKeys("Only mine");
      browser.follow(By.id("template:save"));
      String list = browser.waitFor(By.id("templates:list")).getText();
      assertTrue(list.contains("IT quick reply team ✓") && list.contains(TEXT), list);
      assertTrue(list.contains("Team: Quick replies team"), list);
      assertTrue(list.contains("IT quick reply mine") && list.contains("Only me"), list);
      assertNoSeriousViolations(browser);
      browser.screenshot("account-quick-replies");

      browser.follow(By.cssSelector("[aria-label='Delete: IT quick reply mine']"));
      list = browser.waitFor(By.id("templates:list")).getText();
      assertFalse(list.contains("IT quick reply mine"), list);
      assertTrue(list.contains("IT quick reply team ✓"), list);
    }

    List<JsonNode> nurses = titled(Portal.json(Portal.get("/me/templates", "nurse.lee").body()));
    assertEquals(1, nurses.size(), nurses.toString());
    assertEquals(TEXT, nurses.get(0).get("text").asText());
    assertFalse(nurses.get(0).get("deletable").asBoolean(), "written by a colleague");
    assertEquals(
        404,
        Portal.delete("/me/templates/" + nurses.get(0).get("id").asLong(), "nurse.lee")
            .statusCode());
  }

  @Test
  void theQuickRepliesPageSpeaksSpanishAndAColleaguesReplyCannotBeDeleted() {
    Teams.create(code, "Equipo de respuestas");
    Teams.addMember(code, "dr.smith", "CLINICIAN");
    Teams.addMember(code, "nurse.lee", "STAFF");
    assertEquals(
        201,
        Portal.post(
                "/me/templates",
                "dr.smith",
                Map.of("title", "IT quick reply equipo", "text", TEXT, "pool", code))
            .statusCode());
    try (Browser browser = new Browser("es")) {
      browser.signIn("nurse.lee");
      browser.follow(By.linkText("Respuestas rápidas"));
      assertEquals("Respuestas rápidas", browser.waitFor(By.tagName("h1")).getText());
      String list = browser.waitFor(By.id("templates:list")).getText();
      assertTrue(list.contains("IT quick reply equipo"), list);
      assertTrue(list.contains("Equipo: Equipo de respuestas"), list);
      assertTrue(list.contains("Escrita por un colega"), list);
      assertTrue(
          browser.driver().findElements(By.cssSelector("[id$=':delete']")).stream()
              .noneMatch(b -> b.getAttribute("aria-label").contains("IT quick reply equipo")),
          "no delete button for a colleague's quick reply");
      browser.follow(By.id("template:save"));
      assertEquals(
          "Dé un título a la plantilla.", browser.waitFor(By.id("template:titleError")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("account-quick-replies-es");
    }
  }

  @Test
  void aPatientGetsTheForbiddenPageAndItIsAudited() {
    Instant before = Instant.now().minusSeconds(2);
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      assertTrue(browser.driver().findElements(By.linkText("Quick replies")).isEmpty());
      browser.open(Portal.URL + "/account/templates.xhtml");
      assertEquals("Not allowed", browser.waitFor(By.tagName("h1")).getText());
    }
    assertTrue(
        Messages.audit("pat.jones", "ACCESS_DENIED", before).stream()
            .anyMatch(e -> e.get("resource").asText().endsWith("/portal/account/templates.xhtml")));
  }

  private static List<JsonNode> titled(JsonNode templates) {
    List<JsonNode> found = new java.util.ArrayList<>();
    templates.forEach(
        t -> {
          if (t.get("title").asText().startsWith("IT quick reply")) {
            found.add(t);
          }
        });
    return found;
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
