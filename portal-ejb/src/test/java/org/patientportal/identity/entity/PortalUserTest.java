package org.patientportal.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.shared.entity.InvalidInputException;

class PortalUserTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void usernameIsNormalisedToLowerCase() {
    PortalUser user = new PortalUser("  Pat.Jones ", "Pat Jones", "pat.jones@portal.test", NOW);
    assertEquals("pat.jones", user.getUsername());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "pat jones", "-pat", "pat/jones", "pät"})
  void refusesAUsernameKeycloakWouldNotIssue(String username) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> new PortalUser(username, "P", null, NOW));
    assertEquals("username", e.field());
  }

  @Test
  void refusesAnOverlongUsername() {
    String tooLong = "p".repeat(PortalUser.MAX_USERNAME + 1);
    assertThrows(InvalidInputException.class, () -> new PortalUser(tooLong, "P", null, NOW));
  }

  @Test
  void aMissingNameFallsBackToTheUsername() {
    assertEquals("sam.rivera", new PortalUser("sam.rivera", " ", null, NOW).getDisplayName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-email", "two@@portal.test", "a b@portal.test"})
  void refusesAMalformedEmail(String email) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> new PortalUser("pat", "Pat", email, NOW));
    assertEquals("email", e.field());
  }

  @Test
  void signingInTakesKeycloaksCurrentNameAndEmailAndTheTime() {
    PortalUser user = new PortalUser("pat.jones", "Pat Jones", "old@portal.test", NOW);
    Instant later = NOW.plusSeconds(60);
    user.signedIn("Patricia Jones", "pat.jones@portal.test", later);
    assertEquals("Patricia Jones", user.getDisplayName());
    assertEquals("pat.jones@portal.test", user.getEmail());
    assertEquals(later, user.getLastSignInAt());
  }

  @Test
  void onlyTheLanguagesOfTheViewsCanBePreferred() {
    PortalUser user = new PortalUser("pat.jones", "Pat Jones", null, NOW);
    user.preferLanguage("es");
    assertEquals("es", user.getPreferredLanguage());
    assertThrows(InvalidInputException.class, () -> user.preferLanguage("fr"));
    assertEquals("es", user.getPreferredLanguage());
    user.preferLanguage(null);
    assertNull(user.getPreferredLanguage());
  }
}
