package org.patientportal.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.KeycloakEvent;
import org.patientportal.audit.entity.KeycloakEventCursor;
import org.patientportal.audit.entity.KeycloakUserName;

/**
 * Writes imported sign-in events into the access log: each page in a transaction of its own, with
 * the realm's cursor, so a page is recorded whole or not at all. For {@link KeycloakEventImporter}
 * (which runs on a timer, as nobody) and {@link KeycloakEventImport}, which checks who asks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KeycloakEventRecorder {

  @PersistenceContext EntityManager em;
  @Inject AuditLog log;
  @Inject Clock clock;

  /** Where the next import of {@code realm} starts; null: from the oldest event Keycloak keeps. */
  public Instant resumeFrom(String realm, Duration margin) {
    KeycloakEventCursor cursor = em.find(KeycloakEventCursor.class, realm);
    return cursor == null ? null : cursor.resumeFrom(margin);
  }

  /**
   * Records the events of {@code page} that the access log does not hold yet (by their ids), oldest
   * first, and moves the cursor past the page. The cursor's row lock makes imports running at once
   * (the timer and a request, or two nodes) take turns, and the later one sees what the earlier one
   * committed. Returns how many it recorded.
   */
  public int record(String realm, List<KeycloakEvent> page) {
    if (page.isEmpty()) {
      return 0;
    }
    KeycloakEventCursor cursor = lockCursor(realm);
    List<KeycloakEvent> events =
        page.stream()
            .sorted(Comparator.comparing(KeycloakEvent::time).thenComparing(KeycloakEvent::id))
            .toList();
    Set<String> recorded = recordedIds(events.get(0).time(), events.get(events.size() - 1).time());
    Map<String, String> names = new HashMap<>();
    int count = 0;
    for (KeycloakEvent event : events) {
      String known = learnName(event, names);
      if (recorded.add(event.id())) {
        log.recordExternal(
            event.time(),
            event.actor(known),
            event.action(),
            event.resource(),
            event.outcome(),
            event.clientAddress(),
            null);
        count++;
      }
    }
    cursor.advance(events.get(events.size() - 1).time(), clock.instant());
    return count;
  }

  /** Records that {@code actor} had the events imported now, and how it went. */
  public void recordImportRequest(String actor, String result, boolean succeeded) {
    log.record(
        actor,
        null,
        AuditAction.KEYCLOAK_EVENTS_IMPORTED,
        "keycloak-events " + result,
        succeeded ? AuditOutcome.SUCCESS : AuditOutcome.FAILED);
  }

  private KeycloakEventCursor lockCursor(String realm) {
    KeycloakEventCursor cursor =
        em.find(KeycloakEventCursor.class, realm, LockModeType.PESSIMISTIC_WRITE);
    if (cursor == null) {
      // the first import of this realm; a node doing the same at once fails this page's
      // transaction on the primary key, and the next import goes on from the other's
      cursor = new KeycloakEventCursor(realm, clock.instant());
      em.persist(cursor);
      em.flush();
    }
    return cursor;
  }

  /** The ids of the Keycloak events the access log holds from {@code from} to {@code to}. */
  private Set<String> recordedIds(Instant from, Instant to) {
    return em.createQuery(
            "select e.resource from AuditEntry e where e.action in :actions"
                + " and e.at >= :from and e.at <= :to",
            String.class)
        .setParameter("actions", KeycloakEvent.ACTIONS)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(KeycloakEvent::idOf)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  /**
   * The username last seen with the event's user id; an event that carries both a user id and a
   * username teaches it (for the logouts, which carry only the id).
   */
  private String learnName(KeycloakEvent event, Map<String, String> names) {
    String userId = event.userId();
    if (userId == null || userId.isBlank() || userId.length() > 64) {
      return null;
    }
    String typed = event.typedName();
    if (typed != null && typed.length() <= 64) {
      if (!typed.equals(names.get(userId))) {
        KeycloakUserName known = em.find(KeycloakUserName.class, userId);
        if (known == null) {
          em.persist(new KeycloakUserName(userId, typed));
        } else if (!known.getUsername().equals(typed)) {
          known.rename(typed);
        }
        names.put(userId, typed);
      }
      return typed;
    }
    return names.computeIfAbsent(
        userId,
        id -> {
          KeycloakUserName known = em.find(KeycloakUserName.class, id);
          return known == null ? null : known.getUsername();
        });
  }
}
