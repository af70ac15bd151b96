package org.patientportal.web.messaging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.patientportal.messaging.entity.ThreadCursor;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;

/**
 * The pages of one list as a view walks them: the cursor each page starts from, learnt as pages are
 * read (keyset paging has no page numbers of its own). Page 0 starts at the top; page n + 1 starts
 * where page n ended. A page asked for beyond the known ones is reached by reading the pages before
 * it in turn. Nothing counts the list: what the view can say is how many rows it has seen and
 * whether more follow ({@link #rowEstimate()}), so a paginator shows the pages seen and one more.
 * Going back to a page reads it again from its cursor: threads that became active meanwhile appear
 * on page 0, and no thread is shown twice going forward. Holds no subject, so it may be serialised
 * with the session.
 */
final class ThreadPages implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ThreadListQuery query;
  private final List<ThreadCursor> starts = new ArrayList<>();

  /** The number of rows of the last page, once it has been read; -1 while unknown. */
  private int lastPageRows = -1;

  /** Which page {@link #lastPageRows} counts. */
  private int lastPageIndex = -1;

  ThreadPages(ThreadListQuery query) {
    this.query = query;
    starts.add(null);
  }

  ThreadListQuery query() {
    return query;
  }

  int size() {
    return query.size();
  }

  /** Page {@code index} (from 0), read through {@code fetch}; an empty page past the end. */
  ThreadPage page(int index, Function<ThreadListQuery, ThreadPage> fetch) {
    int at = Math.min(Math.max(index, 0), starts.size() - 1);
    ThreadPage page;
    do {
      page = fetch.apply(query.after(starts.get(at)));
      if (page.getNext() == null) {
        lastPageRows = page.getThreads().size();
        lastPageIndex = at;
        while (starts.size() > at + 1) {
          starts.remove(starts.size() - 1); // the list shrank since those pages were read
        }
      } else if (starts.size() == at + 1) {
        starts.add(page.getNext());
      } else {
        starts.set(at + 1, page.getNext());
      }
      at++;
    } while (at <= index && page.getNext() != null);
    return page;
  }

  /** Whether a page follows page {@code index}, as far as is known. */
  boolean hasPageAfter(int index) {
    return starts.size() > index + 1;
  }

  /**
   * The rows of the pages known: every page seen is full but the last, whose size is known once it
   * has been read; a page known to exist but not yet read counts as one row ("more than N").
   */
  int rowEstimate() {
    int known = starts.size() - 1;
    return lastPageIndex == known ? known * size() + lastPageRows : known * size() + 1;
  }
}
