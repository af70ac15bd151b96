package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.MessageThread;

/**
 * Names a patient's own conversations for their access report: the subject (decrypted) and the day
 * it began, for the items the access log names ({@code thread/5}, {@code message/6}, {@code
 * attachment/7}, as messaging records them).
 *
 * <p>Only the calling patient's own threads are named; an item of anyone else's thread is left out,
 * as is one that does not exist. Opening a title is not audited: the access log records who else
 * saw a patient's messages, and the same patient already sees these subjects in their inbox, which
 * is not audited either; no message body is opened here.
 */
@Stateless
@RolesAllowed(Roles.PATIENT)
public class ThreadTitles {

  /** The most items one call names (the access report's largest page). */
  public static final int MAX_ITEMS = 500;

  /** A conversation as its patient sees it named (EL reads getters, so a class, not a record). */
  public static final class Title implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long threadId;
    private final Category category;
    private final String subject;
    private final Instant startedAt;

    public Title(long threadId, Category category, String subject, Instant startedAt) {
      this.threadId = threadId;
      this.category = category;
      this.subject = subject;
      this.startedAt = startedAt;
    }

    public long getThreadId() {
      return threadId;
    }

    public Category getCategory() {
      return category;
    }

    public String getSubject() {
      return subject;
    }

    public Instant getStartedAt() {
      return startedAt;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;
  @Resource SessionContext session;

  /**
   * The titles of the conversations {@code items} belong to, by item, for the calling patient's own
   * threads only. Items of another form, of another patient or past {@link #MAX_ITEMS} are left
   * out.
   */
  public Map<String, Title> of(Collection<String> items) {
    String me = session.getCallerPrincipal().getName();
    Set<Long> threads = new TreeSet<>();
    Set<Long> messages = new TreeSet<>();
    Set<Long> attachments = new TreeSet<>();
    items.stream()
        .distinct()
        .limit(MAX_ITEMS)
        .forEach(
            item -> {
              Long id = id(item);
              if (id != null) {
                switch (item.substring(0, item.indexOf('/'))) {
                  case "thread" -> threads.add(id);
                  case "message" -> messages.add(id);
                  case "attachment" -> attachments.add(id);
                  default -> {
                    // not a messaging item
                  }
                }
              }
            });
    Map<String, MessageThread> found = new HashMap<>();
    if (!threads.isEmpty()) {
      em.createQuery(
              "select t from MessageThread t where t.id in :ids and t.patient = :me",
              MessageThread.class)
          .setParameter("ids", threads)
          .setParameter("me", me)
          .getResultList()
          .forEach(t -> found.put("thread/" + t.getId(), t));
    }
    if (!messages.isEmpty()) {
      put(
          found,
          "message/",
          em.createQuery(
                  "select m.id, m.thread from Message m where m.id in :ids"
                      + " and m.thread.patient = :me",
                  Object[].class)
              .setParameter("ids", messages)
              .setParameter("me", me)
              .getResultList());
    }
    if (!attachments.isEmpty()) {
      put(
          found,
          "attachment/",
          em.createQuery(
                  "select a.id, a.message.thread from Attachment a where a.id in :ids"
                      + " and a.message.thread.patient = :me",
                  Object[].class)
              .setParameter("ids", attachments)
              .setParameter("me", me)
              .getResultList());
    }
    Map<Long, Title> byThread = new HashMap<>();
    Map<String, Title> titles = new HashMap<>();
    found.forEach(
        (item, t) ->
            titles.put(
                item,
                byThread.computeIfAbsent(
                    t.getId(),
                    id ->
                        new Title(
                            id,
                            t.getCategory(),
                            crypto.open(t.getSubject(), t.subjectOwner()),
                            t.getStartedAt()))));
    return titles;
  }

  private static void put(Map<String, MessageThread> found, String prefix, List<Object[]> rows) {
    for (Object[] row : rows) {
      found.put(prefix + row[0], (MessageThread) row[1]);
    }
  }

  /** The number after the slash of "thread/5"; null for anything else. */
  static Long id(String item) {
    if (item == null) {
      return null;
    }
    int slash = item.indexOf('/');
    if (slash < 1 || slash == item.length() - 1 || item.length() - slash - 1 > 19) {
      return null;
    }
    for (int i = slash + 1; i < item.length(); i++) {
      char c = item.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(item.substring(slash + 1));
    } catch (NumberFormatException e) {
      return null; // past Long.MAX_VALUE
    }
  }
}
