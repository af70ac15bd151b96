package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The compose form keeps the files picked when another field is refused, and sends once however
 * often the same form is submitted (Back and Send again, a double click).
 */
@Tag("browser")
class MessagingFormsBrowserIT {

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void filesPickedAreKeptWhenAnotherFieldIsRefusedAndSentWithTheMessage() {
    String marker = Messages.marker("kept");
    byte[] png = Messages.png(marker);
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      fill(browser, "Photo " + marker);
      browser
          .driver()
          .findElement(By.id("compose:attachments"))
          .sendKeys(file("photo-" + marker + ".png", png).toString());
      // no body: the form's own check refuses it
      browser.follow(By.id("compose:send"));
      assertEquals("Write a message.", browser.waitFor(By.id("compose:bodyError")).getText());
      assertTrue(
          browser.waitFor(By.id("keptFileNames")).getText().contains("photo-" + marker + ".png"));
      assertTrue(browser.seriousAccessibilityViolations().isEmpty());

      // the body typed, Send again without picking the file again
      browser.driver().findElement(By.id("compose:body")).sendKeys("Here it is " + marker);
      browser.follow(By.id("compose:send"));
      browser.waitFor(By.id("messages"));
    }
    JsonNode thread = threadWith(marker);
    JsonNode files =
        Portal.json(Portal.get("/threads/" + thread.get("id").asLong(), "pat.jones").body())
            .get("messages")
            .get(0)
            .get("attachments");
    assertEquals(1, files.size(), files.toString());
    assertEquals("photo-" + marker + ".png", files.get(0).get("filename").asText());
  }

  @Test
  void theSameFormSubmittedTwiceSendsOneMessage() {
    String marker = Messages.marker("twice");
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      fill(browser, "Twice " + marker);
      browser.driver().findElement(By.id("compose:body")).sendKeys("Sent once " + marker);
      // the browser posts the very same form twice, as Back and Send again (or a double click)
      // does, and follows each answer's redirect
      @SuppressWarnings("unchecked")
      List<String> landed =
          (List<String>)
              ((JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "const form = document.getElementById('compose');"
                          + "const data = new FormData(form);"
                          + "data.append('compose:send', 'Send');"
                          + "const post = () => fetch(form.action, {method: 'POST', body: data,"
                          + " credentials: 'same-origin'}).then(r => r.url);"
                          + "post().then(a => post().then(b => done([a, b])))"
                          + ".catch(e => done(['error ' + e]));");
      assertEquals(2, landed.size(), landed.toString());
      assertTrue(landed.get(0).contains("/messages/thread.xhtml?id="), landed.toString());
      assertEquals(landed.get(0), landed.get(1), "both submissions land on the same thread");
    }
    int found = 0;
    for (JsonNode t : Portal.json(Portal.get("/threads?size=100", "pat.jones").body())) {
      if (t.get("subject").asText().contains(marker)) {
        found++;
      }
    }
    assertEquals(1, found, "one message sent");
  }

  private static void fill(Browser browser, String subject) {
    new Select(browser.waitFor(By.id("compose:to"))).selectByValue("dr.smith");
    new Select(browser.driver().findElement(By.id("compose:category"))).selectByValue("GENERAL");
    browser.driver().findElement(By.id("compose:subject")).sendKeys(subject);
  }

  private static JsonNode threadWith(String marker) {
    for (JsonNode t : Portal.json(Portal.get("/threads?size=100", "pat.jones").body())) {
      if (t.get("subject").asText().contains(marker)) {
        return t;
      }
    }
    throw new AssertionError("no thread with " + marker + " " + Map.of());
  }

  private static Path file(String name, byte[] content) {
    try {
      Path file = Files.createTempDirectory("portal-it").resolve(name);
      Files.write(file, content);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
