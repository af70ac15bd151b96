package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.shared.entity.InvalidInputException;

class ThreadCursorTest {

  @Test
  void aTokenReadsBackAsTheSamePosition() {
    ThreadCursor cursor = new ThreadCursor(Instant.parse("2026-11-30T10:15:30.123456789Z"), 4711);
    assertEquals(cursor, ThreadCursor.parse("before", cursor.token()));
    assertNull(ThreadCursor.parse("before", " "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonsense!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAA", "42", "////"})
  void anythingElseIsRefusedNamingTheField(String token) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ThreadCursor.parse("before", token));
    assertEquals("before", e.field());
  }

  @Test
  void aPageSizeOutsideItsBoundsIsRefused() {
    assertEquals(
        "size", assertThrows(InvalidInputException.class, () -> ThreadListQuery.all(0)).field());
    assertEquals(
        "size", assertThrows(InvalidInputException.class, () -> ThreadListQuery.all(101)).field());
    assertEquals(100, ThreadListQuery.all(100).size());
  }
}
