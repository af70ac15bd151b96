package org.patientportal.web.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.ThreadCursor;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.messaging.entity.ThreadSummary;

class ThreadPagesTest {

  /**
   * A list of {@code n} threads, ids n..1, newest first; pages read from it as the boundary would.
   */
  private static final class FakeList implements Function<ThreadListQuery, ThreadPage> {
    final List<Long> ids = new ArrayList<>();
    int reads;

    FakeList(int n) {
      for (long id = n; id >= 1; id--) {
        ids.add(id);
      }
    }

    @Override
    public ThreadPage apply(ThreadListQuery q) {
      reads++;
      int from = 0;
      if (q.before() != null) {
        from = ids.indexOf(q.before().id()) + 1;
      }
      List<ThreadSummary> page = new ArrayList<>();
      for (int i = from; i < ids.size() && page.size() < q.size(); i++) {
        page.add(summary(ids.get(i)));
      }
      boolean more = from + page.size() < ids.size();
      return new ThreadPage(
          page,
          more
              ? new ThreadCursor(
                  at(page.get(page.size() - 1).getId()), page.get(page.size() - 1).getId())
              : null);
    }
  }

  private static Instant at(long id) {
    return Instant.EPOCH.plusSeconds(id);
  }

  private static ThreadSummary summary(long id) {
    return new ThreadSummary(
        id,
        Category.GENERAL,
        "s",
        "p",
        "P",
        "pool:x",
        "X",
        false,
        at(id),
        "p",
        1,
        ThreadStatus.OPEN);
  }

  @Test
  void pagesAreLearntAsTheyAreReadAndTheEstimateSaysOneMore() {
    FakeList list = new FakeList(25);
    ThreadPages pages = new ThreadPages(ThreadListQuery.all(10));
    assertEquals(1, pages.rowEstimate());
    assertEquals(List.of(25L, 24L), ids(pages.page(0, list)).subList(0, 2));
    assertEquals(11, pages.rowEstimate()); // 10 seen, more follow
    assertEquals(List.of(15L), ids(pages.page(1, list)).subList(0, 1));
    assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids(pages.page(2, list)));
    assertEquals(25, pages.rowEstimate());
    assertFalse(pages.hasPageAfter(2));
    assertEquals(List.of(15L), ids(pages.page(1, list)).subList(0, 1), "back to a page");
  }

  @Test
  void aPageBeyondTheKnownOnesIsReachedThroughThePagesBeforeIt() {
    FakeList list = new FakeList(35);
    ThreadPages pages = new ThreadPages(ThreadListQuery.all(10));
    assertEquals(List.of(5L, 4L, 3L, 2L, 1L), ids(pages.page(3, list)));
    assertEquals(4, list.reads);
    assertEquals(35, pages.rowEstimate());
  }

  @Test
  void threadsAddedMeanwhileAppearOnTheFirstPageAndNeverTwiceGoingOn() {
    FakeList list = new FakeList(20);
    ThreadPages pages = new ThreadPages(ThreadListQuery.all(10));
    List<Long> seen = new ArrayList<>(ids(pages.page(0, list)));
    list.ids.add(0, 21L);
    seen.addAll(ids(pages.page(1, list)));
    assertEquals(20, seen.size());
    assertEquals(20, seen.stream().distinct().count());
    assertTrue(ids(pages.page(0, list)).contains(21L));
  }

  private static List<Long> ids(ThreadPage page) {
    return page.getThreads().stream().map(ThreadSummary::getId).toList();
  }
}
