package org.patientportal.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * Text beyond ASCII survives the portal's forms unchanged: Spanish accents, a phone keyboard's
 * curly apostrophe, emoji (outside the Basic Multilingual Plane) and right-to-left Arabic, in a new
 * message's subject, body and attachment name, in a reply, in what the API reads back and in the
 * download's file name (RFC 6266 filename*).
 */
class Utf8FormsIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aSpanishMessageWithEmojiAndArabicKeepsEveryCharacter() throws IOException {
    String marker = Messages.marker("utf8");
    String subject = "Cita de medicación ’mañana’ 😀 " + marker;
    String body = "¿Puedo tomar la medicación con el café? Ñandú 💊\nمرحبا بالطبيب " + marker;
    String reply = "Gracias, doctora — añado una duda más 🙏 شكرا " + marker;
    String filename = "informe-médico-😀-تقرير-" + marker + ".png";
    Path dir = Files.createTempDirectory("portal-it-utf8");
    Path file = dir.resolve(filename);
    Files.write(file, Messages.png(marker));
    Messages.acceptGuidelines("sam.rivera");

    try (Browser browser = new Browser("es")) {
      browser.signIn("sam.rivera");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      browser.waitFor(By.id("compose:to"));
      new Select(browser.driver().findElement(By.id("compose:to"))).selectByValue("dr.chen");
      new Select(browser.driver().findElement(By.id("compose:category"))).selectByValue("GENERAL");
      // chromedriver types only the Basic Multilingual Plane: the emoji go in as a script would
      type(browser, "compose:subject", subject);
      type(browser, "compose:body", body);
      browser.driver().findElement(By.id("compose:attachments")).sendKeys(file.toString());
      browser.follow(By.id("compose:send"));

      WebElement shown = browser.waitFor(By.id("subject"));
      assertTrue(shown.getText().endsWith(subject), shown.getText());
      String messages = browser.waitFor(By.id("messages")).getText();
      assertTrue(messages.contains("¿Puedo tomar la medicación con el café? Ñandú 💊"), messages);
      assertTrue(messages.contains("مرحبا بالطبيب " + marker), messages);
      WebElement attachment = browser.driver().findElement(By.className("portal-attachment"));
      assertEquals(filename, attachment.getText());
      String href = attachment.getAttribute("href");
      String url = browser.driver().getCurrentUrl();
      long thread = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));

      // the download names the file as it was sent
      HttpResponse<byte[]> download = getWithSession(browser, href);
      assertEquals(200, download.statusCode());
      String disposition = download.headers().firstValue("Content-Disposition").orElse("");
      String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
      assertEquals(filename, URLDecoder.decode(encoded, StandardCharsets.UTF_8), disposition);

      // a reply in the same page keeps its characters too
      type(browser, "reply:body", reply);
      browser.follow(By.id("reply:send"));
      new WebDriverWait(browser.driver(), WAIT)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), reply));

      // what was stored, as the API reads it back
      JsonNode stored = Portal.json(Portal.get("/threads/" + thread, "sam.rivera").body());
      assertTrue(stored.get("subject").asText().endsWith(subject), stored.toString());
      assertEquals(body, stored.get("messages").get(0).get("body").asText().replace("\r\n", "\n"));
      assertEquals(reply, stored.get("messages").get(1).get("body").asText());
      assertEquals(
          filename,
          stored.get("messages").get(0).get("attachments").get(0).get("filename").asText());
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static void type(Browser browser, String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            field,
            text);
  }

  private static HttpResponse<byte[]> getWithSession(Browser browser, String url) {
    StringBuilder cookies = new StringBuilder();
    for (Cookie cookie : browser.driver().manage().getCookies()) {
      cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
    }
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.toString()).build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
