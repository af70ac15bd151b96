package org.patientportal.mail.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {

  @Test
  void aClaimOutlivesTheLongestLiveSendAndNotTheQueuesAttempts() {
    assertEquals(Duration.ofMinutes(2), MailDelivery.lease(10), "12 timeouts of the default 10 s");
    // connect + EHLO, MAIL, RCPT, DATA, the text, QUIT: each bounded by one timeout
    assertTrue(MailDelivery.lease(10).compareTo(Duration.ofSeconds(7 * 10)) > 0);
    // the EmailQueue's redelivery delays before its 6th and last attempt: 30+60+120+240+480 s
    assertTrue(MailDelivery.lease(10).compareTo(Duration.ofSeconds(930)) < 0);
  }
}
