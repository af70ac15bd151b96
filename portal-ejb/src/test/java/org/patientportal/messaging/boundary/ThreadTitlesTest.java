package org.patientportal.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How the titles read the items the access log names. */
class ThreadTitlesTest {

  @Test
  void readsTheIdOfAnItem() {
    assertEquals(5L, ThreadTitles.id("thread/5"));
    assertEquals(6L, ThreadTitles.id("message/6"));
    assertEquals(9_223_372_036_854_775_807L, ThreadTitles.id("attachment/9223372036854775807"));
  }

  @Test
  void anythingElseHasNoId() {
    for (String item :
        new String[] {
          null,
          "",
          "thread",
          "thread/",
          "/5",
          "thread/5/subject",
          "thread/-5",
          "thread/٥",
          "thread/99999999999999999999",
          "thread/9999999999999999999",
          "patient=null actor=null"
        }) {
      assertNull(ThreadTitles.id(item), item);
    }
  }
}
