package org.patientportal.it.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patientportal.it.support.Browser;
import org.patientportal.it.support.Portal;

/**
 * Secure messaging in Chromium, through the real Keycloak login: a patient writes with an
 * attachment, the clinician finds it in the work queue and replies, the patient reads the reply and
 * the read receipt. Every test makes its own threads, marked with its own unique text.
 */
@Tag("browser")
class MessagingBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aPatientAndHerClinicianExchangeMessagesWithAnAttachmentAndAReadReceipt() throws Exception {
    String marker = marker();
    String subject = "Moving my infusion " + marker;
    String body = "Could we move it to Friday? " + marker + "\nThank you <b>very</b> much.";
    String reply = "Friday at 9 works. " + marker;
    Path png = png(marker);
    String threadUrl;

    try (Browser browser = new Browser("en")) {
      // the patient writes
      browser.signIn("pat.jones");
      browser.follow(By.linkText("Messages"));
      assertEquals("Messages", browser.waitFor(By.tagName("h1")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-inbox");

      openCompose(browser);
      assertNoSeriousViolations(browser);
      new Select(browser.driver().findElement(By.id("compose:to"))).selectByValue("dr.smith");
      new Select(browser.driver().findElement(By.id("compose:category")))
          .selectByVisibleText("Appointment");
      browser.driver().findElement(By.id("compose:subject")).sendKeys(subject);
      browser.driver().findElement(By.id("compose:body")).sendKeys(body);
      browser.driver().findElement(By.id("compose:readReceipt")).click();
      browser.driver().findElement(By.id("compose:attachments")).sendKeys(png.toString());
      browser.screenshot("messages-compose");
      submit(browser, By.id("compose:send"));

      assertEquals("[Appointment] " + subject, browser.waitFor(By.id("subject")).getText());
      assertTrue(text(browser, "notices").contains("Your message has been sent."));
      WebElement mine = message(browser, marker);
      assertTrue(
          mine.findElement(By.className("portal-message-body")).getText().contains("<b>very</b>"),
          "the body is shown as text, its line breaks kept: " + mine.getText());
      assertTrue(mine.getText().contains("not read yet"), mine.getText());
      WebElement attachment = mine.findElement(By.className("portal-attachment"));
      assertEquals(png.getFileName().toString(), attachment.getText());
      assertDownloads(browser, attachment.getAttribute("href"), Files.readAllBytes(png));
      threadUrl = browser.driver().getCurrentUrl();
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-thread-patient");
      signOut(browser);

      // the clinician finds it in the work queue, unread, and replies
      browser.signIn("dr.smith");
      browser.open(Portal.URL + "/messages/inbox.xhtml"); // the notification email's link
      assertEquals("Work queue", browser.waitFor(By.tagName("h1")).getText());
      browser.follow(By.linkText("Home"));
      browser.waitFor(By.id("welcome"));
      browser.follow(By.linkText("Work queue"));
      WebElement table = browser.waitFor(By.id("results:threads"));
      new Select(browser.driver().findElement(By.id("filters:category")))
          .selectByVisibleText("Appointment");
      new Select(browser.driver().findElement(By.id("filters:order")))
          .selectByVisibleText("Newest first");
      browser.driver().findElement(By.id("filters:unreadOnly")).click();
      browser.driver().findElement(By.id("filters:apply")).click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(table));
      new WebDriverWait(browser.driver(), WAIT)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("results:threads"), marker));
      WebElement row = row(browser, marker);
      assertTrue(row.getText().contains("[Appointment] " + subject), row.getText());
      assertTrue(row.getText().contains("Pat Jones"), row.getText());
      assertTrue(row.getText().contains("Unread"), row.getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-queue");

      WebElement link = row.findElement(By.linkText("[Appointment] " + subject));
      link.click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(link));
      assertEquals("[Appointment] " + subject, browser.waitFor(By.id("subject")).getText());
      assertTrue(message(browser, marker).getText().contains("Could we move it to Friday?"));
      assertTrue(browser.driver().findElement(By.id("done:markDone")).isDisplayed());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-thread-clinician");
      browser.driver().findElement(By.id("reply:body")).sendKeys(reply);
      submit(browser, By.id("reply:send"));
      assertTrue(text(browser, "notices").contains("Your reply has been sent."));
      assertTrue(text(browser, "messages").contains(reply));
      submit(browser, By.id("done:markDone"));
      assertEquals("Work queue", browser.waitFor(By.tagName("h1")).getText());
      assertTrue(text(browser, "notices").contains("The conversation has been marked done."));
      signOut(browser);

      // the patient sees the reply first in her inbox, unread, and the receipt on her message
      browser.signIn("pat.jones");
      browser.follow(By.linkText("Messages"));
      WebElement first = browser.waitFor(By.cssSelector("#threads > li"));
      assertTrue(first.getText().contains("[Appointment] " + subject), first.getText());
      assertTrue(first.getText().contains("Unread"), first.getText());
      WebElement open = first.findElement(By.tagName("a"));
      open.click();
      new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(open));
      browser.waitFor(By.id("subject"));
      assertTrue(text(browser, "messages").contains(reply));
      String receipt =
          message(browser, "Could we move it to Friday? " + marker)
              .findElement(By.className("portal-receipt"))
              .getText();
      assertTrue(receipt.startsWith("Read by Alex Smith at "), receipt);
      assertEquals("Done", text(browser, "status"));
      assertEquals(threadUrl, browser.driver().getCurrentUrl());
    }
  }

  @Test
  void aMessageWithoutABodyOrWithAFileOfTheWrongKindIsNotSentAndKeepsWhatWasTyped() {
    String marker = marker();
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/inbox.xhtml");
      openCompose(browser);
      new Select(browser.driver().findElement(By.id("compose:to")))
          .selectByValue("pool:breast-oncology");
      new Select(browser.driver().findElement(By.id("compose:category")))
          .selectByVisibleText("Prescription");
      browser.driver().findElement(By.id("compose:subject")).sendKeys("Refill " + marker);
      submit(browser, By.id("compose:send"));

      // the form's own check: nothing typed
      assertEquals("Write a message.", browser.waitFor(By.id("compose:bodyError")).getText());
      assertEquals(
          "true", browser.driver().findElement(By.id("compose:body")).getAttribute("aria-invalid"));
      assertTrue(browser.driver().findElement(By.id("not-sent")).isDisplayed());
      assertEquals(
          "Refill " + marker,
          browser.driver().findElement(By.id("compose:subject")).getAttribute("value"));
      browser.screenshot("messages-compose-invalid");

      // the boundary's check: only spaces
      browser.driver().findElement(By.id("compose:body")).sendKeys("   ");
      submit(browser, By.id("compose:send"));
      assertEquals("Write a message.", browser.waitFor(By.id("compose:bodyError")).getText());

      // the boundary's check of the attachment, shown next to it, the text kept
      browser.driver().findElement(By.id("compose:body")).clear();
      browser.driver().findElement(By.id("compose:body")).sendKeys("Please renew " + marker);
      browser
          .driver()
          .findElement(By.id("compose:attachments"))
          .sendKeys(file("notes-" + marker + ".txt", "not a picture").toString());
      submit(browser, By.id("compose:send"));
      String error = browser.waitFor(By.id("compose:attachmentsError")).getText();
      assertTrue(error.contains("is not a PDF, PNG or JPEG file"), error);
      assertEquals(
          "Please renew " + marker,
          browser.driver().findElement(By.id("compose:body")).getAttribute("value"));
      assertEquals(
          "pool:breast-oncology",
          new Select(browser.driver().findElement(By.id("compose:to")))
              .getFirstSelectedOption()
              .getAttribute("value"));
    }
    assertFalse(
        Portal.get("/threads?size=100", "pat.jones").body().contains(marker),
        "nothing has been sent");
  }

  @Test
  void aFileOverTheLimitIsRefusedWithAPageThatSaysWhy() throws IOException {
    String marker = marker();
    Path big = Files.createTempDirectory("portal-it").resolve("photo-" + marker + ".png");
    byte[] content = new byte[11 * 1024 * 1024];
    System.arraycopy(pngBytes(), 0, content, 0, 8);
    Files.write(big, content);
    big.toFile().deleteOnExit();
    try (Browser browser = new Browser("en")) {
      browser.signIn("pat.jones");
      browser.open(Portal.URL + "/messages/inbox.xhtml");
      openCompose(browser);
      new Select(browser.driver().findElement(By.id("compose:to"))).selectByValue("dr.chen");
      new Select(browser.driver().findElement(By.id("compose:category")))
          .selectByVisibleText("General");
      browser.driver().findElement(By.id("compose:subject")).sendKeys("Photo " + marker);
      browser.driver().findElement(By.id("compose:body")).sendKeys("A large photo " + marker);
      browser.driver().findElement(By.id("compose:attachments")).sendKeys(big.toString());
      submit(browser, By.id("compose:send"));
      assertEquals("The files are too large to send", browser.waitFor(By.tagName("h1")).getText());
      assertTrue(browser.driver().getPageSource().contains("at most 10 MB each"));
      assertNoSeriousViolations(browser);
    } finally {
      Files.deleteIfExists(big);
    }
    assertFalse(
        Portal.get("/threads?size=100", "pat.jones").body().contains(marker),
        "nothing has been sent");
  }

  @Test
  void anotherPatientOpeningTheThreadGetsTheNotFoundPageAndNothingOfIt() {
    String marker = marker();
    acceptGuidelinesByApi("pat.jones");
    HttpResponse<String> created =
        Portal.post(
            "/threads",
            "pat.jones",
            Map.of(
                "to",
                "pool:breast-oncology",
                "category",
                "TEST_RESULT",
                "subject",
                "My scan " + marker,
                "body",
                "The scan report " + marker,
                "attachments",
                List.of(
                    Map.of(
                        "filename",
                        "scan.png",
                        "content",
                        Base64.getEncoder().encodeToString(pngBytes())))));
    assertEquals(201, created.statusCode(), created.body());
    long thread = Portal.json(created.body()).get("id").asLong();
    JsonNode opened = Portal.json(Portal.get("/threads/" + thread, "pat.jones").body());
    long attachment = opened.get("messages").get(0).get("attachments").get(0).get("id").asLong();

    try (Browser browser = new Browser("en")) {
      browser.signIn("sam.rivera");
      String url = Portal.URL + "/messages/thread.xhtml?id=" + thread;
      browser.open(url);
      assertEquals("Page not found", browser.waitFor(By.tagName("h1")).getText());
      assertFalse(browser.driver().getPageSource().contains(marker));
      assertEquals(404, getWithSession(browser, url).statusCode());
      assertEquals(
          404,
          getWithSession(
                  browser,
                  Portal.URL + "/messages/attachment?thread=" + thread + "&id=" + attachment)
              .statusCode());
      assertEquals(
          404, getWithSession(browser, Portal.URL + "/messages/thread.xhtml?id=x").statusCode());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-thread-not-found");
    }
  }

  @Test
  void theComposePageInSpanishIsAccessible() {
    try (Browser browser = new Browser("es")) {
      browser.signIn("sam.rivera");
      browser.open(Portal.URL + "/messages/compose.xhtml");
      assertEquals("Nuevo mensaje", browser.waitFor(By.tagName("h1")).getText());
      assertEquals("es", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
      if (!browser.driver().findElements(By.id("guidelines-form:accept")).isEmpty()) {
        assertEquals(
            "Normas para la mensajería segura",
            browser.driver().findElement(By.id("guidelines-title")).getText());
        assertNoSeriousViolations(browser);
        browser.screenshot("messages-guidelines-es");
        submit(browser, By.id("guidelines-form:accept"));
      }
      WebElement to = browser.waitFor(By.id("compose:to"));
      assertEquals(
          "Para",
          browser.driver().findElement(By.cssSelector("label[for='compose:to']")).getText());
      assertTrue(
          new Select(browser.driver().findElement(By.id("compose:category")))
              .getOptions().stream().anyMatch(o -> o.getText().equals("Cita")));
      assertTrue(to.isDisplayed());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-compose-es");
    }
  }

  // --- helpers

  /** From the inbox to the form, accepting the guidelines first if this user has not yet. */
  private static void openCompose(Browser browser) {
    WebElement newMessage = browser.waitFor(By.id("new-message"));
    newMessage.click();
    new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.stalenessOf(newMessage));
    assertEquals("New message", browser.waitFor(By.tagName("h1")).getText());
    if (!browser.driver().findElements(By.id("guidelines-form:accept")).isEmpty()) {
      assertEquals(
          "Guidelines for secure messaging",
          browser.driver().findElement(By.id("guidelines-title")).getText());
      assertNoSeriousViolations(browser);
      browser.screenshot("messages-guidelines");
      submit(browser, By.id("guidelines-form:accept"));
    }
    browser.waitFor(By.id("compose:to"));
  }

  /** Clicks a button that submits a whole page, and waits until the next page replaced it. */
  private static void submit(Browser browser, By button) {
    browser.follow(button);
  }

  private static void signOut(Browser browser) {
    submit(browser, By.id("signout:signOut"));
    browser.waitFor(By.id("signInAgain"));
  }

  private static String text(Browser browser, String id) {
    return browser.waitFor(By.id(id)).getText();
  }

  /** The message of the open thread whose text contains {@code text}. */
  private static WebElement message(Browser browser, String text) {
    return browser.driver().findElements(By.cssSelector("#messages > li")).stream()
        .filter(m -> m.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message with " + text));
  }

  private static WebElement row(Browser browser, String text) {
    return browser.driver().findElements(By.cssSelector("[id='results:threads'] tbody tr")).stream()
        .filter(r -> r.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue row with " + text));
  }

  private static void assertNoSeriousViolations(Browser browser) {
    List<String> violations = browser.seriousAccessibilityViolations();
    assertTrue(
        violations.isEmpty(),
        browser.driver().getCurrentUrl() + "\n" + String.join("\n", violations));
  }

  /** The attachment link gives the file as a download that no browser or proxy keeps. */
  private static void assertDownloads(Browser browser, String href, byte[] expected) {
    HttpResponse<byte[]> response = getBytesWithSession(browser, href);
    assertEquals(200, response.statusCode());
    assertArrayEquals(expected, response.body());
    assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
        response.headers().toString());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
  }

  private static HttpResponse<String> getWithSession(Browser browser, String url) {
    return Portal.send(sessionRequest(browser, url));
  }

  private static HttpResponse<byte[]> getBytesWithSession(Browser browser, String url) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(sessionRequest(browser, url), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET in the browser's portal session (its session cookie), without following redirects. */
  private static HttpRequest sessionRequest(Browser browser, String url) {
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    return HttpRequest.newBuilder(URI.create(url))
        .header("Cookie", "JSESSIONID=" + session.getValue())
        .GET()
        .build();
  }

  private static void acceptGuidelinesByApi(String patient) {
    JsonNode guidelines =
        Portal.json(Portal.get("/messaging/guidelines?language=en", patient).body());
    if (!guidelines.get("accepted").asBoolean()) {
      HttpResponse<String> accepted =
          Portal.post(
              "/messaging/guidelines/acceptance",
              patient,
              Map.of("sha256", guidelines.get("sha256").asText(), "language", "en"));
      assertEquals(204, accepted.statusCode(), accepted.body());
    }
  }

  private static String marker() {
    return "T" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static byte[] pngBytes() {
    try {
      BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, 0x0b4f8a);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path png(String marker) throws IOException {
    Path file = Files.createTempDirectory("portal-it").resolve("scan-" + marker + ".png");
    Files.write(file, pngBytes());
    file.toFile().deleteOnExit();
    return file;
  }

  private static Path file(String name, String content) {
    try {
      Path file = Files.createTempDirectory("portal-it").resolve(name);
      Files.writeString(file, content, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
