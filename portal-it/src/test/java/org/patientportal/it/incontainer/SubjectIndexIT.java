package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.boundary.SubjectIndexBackfill;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadSummary;

/**
 * The blind index of subjects in the database: a new thread's distinct words are there as tokens
 * (never as words), and a thread written before the index existed (no tokens, no index version) is
 * found by search once the start-up backfill has reached it.
 */
@ExtendWith(ArquillianExtension.class)
class SubjectIndexIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(SubjectIndexIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelines;
  @EJB SubjectIndexBackfill backfill;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void aNewThreadsWordsAreTokensAndOlderThreadsAreIndexedByTheBackfill() throws Exception {
    String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String subject = "Resultados de la biopsia, biopsia 🙏 " + word;
    long thread =
        asPatient.call(
            () -> {
              guidelines.accept(guidelines.guidelines("es").getSha256(), "es");
              return messaging.startThread(
                  new StartThread(
                      "dr.smith",
                      Category.TEST_RESULT,
                      subject,
                      "¿Están listos?",
                      false,
                      List.of(),
                      null));
            });
    // resultados, biopsia and the word: "de", "la" are too short, the repeat and the emoji dropped
    assertEquals(3, count("select count(*) from thread_subject_token where thread_id = ?", thread));
    assertEquals(1, count("select subject_index_version from message_thread where id = ?", thread));
    assertEquals(List.of(thread), search("BIOPSIA " + word));

    // as if written before the index: no tokens, no version; search does not find it
    update("delete from thread_subject_token where thread_id = ?", thread);
    update("update message_thread set subject_index_version = null where id = ?", thread);
    assertEquals(List.of(), search("biopsia " + word));

    int indexed = 0;
    for (int done = backfill.indexBatch(); done > 0; done = backfill.indexBatch()) {
      indexed += done;
    }
    assertTrue(indexed >= 1, "the backfill indexed it");
    assertEquals(3, count("select count(*) from thread_subject_token where thread_id = ?", thread));
    assertEquals(List.of(thread), search("resultados biopsia " + word));
    assertEquals(0, backfill.indexBatch(), "nothing left");
  }

  private List<Long> search(String words) throws Exception {
    return asPatient.call(
        () ->
            messaging.threads(ThreadListQuery.all(100).searching(words)).getThreads().stream()
                .map(ThreadSummary::getId)
                .toList());
  }

  private long count(String sql, long id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next());
        return r.getLong(1);
      }
    }
  }

  private void update(String sql, long id) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }
}
