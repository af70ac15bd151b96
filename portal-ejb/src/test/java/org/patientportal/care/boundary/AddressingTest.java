package org.patientportal.care.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Covers of covers: who takes a message, and whose threads a cover works, on one day. */
class AddressingTest {

  /** Who covers whom today: absent clinician to their cover. */
  private static Function<String, Optional<String>> covers(Map<String, String> away) {
    return clinician -> Optional.ofNullable(away.get(clinician));
  }

  private static Function<String, List<String>> coveredBy(Map<String, String> away) {
    return cover ->
        away.entrySet().stream()
            .filter(e -> e.getValue().equals(cover))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
  }

  @Test
  void nobodyAwayMeansNoCover() {
    assertEquals(Optional.empty(), Addressing.presentCover("a", covers(Map.of())));
    assertEquals(List.of(), Addressing.coveredThrough("a", coveredBy(Map.of())));
  }

  @Test
  void theCoverTakesItWhenPresent() {
    Map<String, String> away = Map.of("a", "b");
    assertEquals(Optional.of("b"), Addressing.presentCover("a", covers(away)));
    assertEquals(List.of("a"), Addressing.coveredThrough("b", coveredBy(away)));
    assertEquals(List.of(), Addressing.coveredThrough("a", coveredBy(away)));
  }

  @Test
  void aCoverWhoIsAwayHandsOnToTheirOwnCover() {
    Map<String, String> away = Map.of("a", "b", "b", "c");
    assertEquals(Optional.of("c"), Addressing.presentCover("a", covers(away)));
    assertEquals(Optional.of("c"), Addressing.presentCover("b", covers(away)));
    assertEquals(List.of("b", "a"), Addressing.coveredThrough("c", coveredBy(away)));
    assertEquals(List.of("a"), Addressing.coveredThrough("b", coveredBy(away)));
  }

  @Test
  void coversThatComeBackRoundLeaveTheMessageWhereItWasAddressed() {
    Map<String, String> both = Map.of("a", "b", "b", "a");
    assertEquals(Optional.empty(), Addressing.presentCover("a", covers(both)));
    Map<String, String> three = Map.of("a", "b", "b", "c", "c", "a");
    assertEquals(Optional.empty(), Addressing.presentCover("b", covers(three)));
    // whose threads each may work stays bounded, and never includes oneself
    assertEquals(List.of("c", "b"), Addressing.coveredThrough("a", coveredBy(three)));
  }

  @Test
  void aChainLongerThanTheLimitIsNotFollowed() {
    Map<String, String> chain =
        Map.of("c0", "c1", "c1", "c2", "c2", "c3", "c3", "c4", "c4", "c5", "c5", "c6");
    assertEquals(Optional.empty(), Addressing.presentCover("c0", covers(chain)));
    assertEquals(Optional.of("c6"), Addressing.presentCover("c1", covers(chain)));
    assertEquals(Addressing.MAX_COVERS, Addressing.coveredThrough("c6", coveredBy(chain)).size());
  }
}
