package org.patientportal.mail.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.patientportal.mail.control.SentJournal;
import org.patientportal.platform.boundary.SchemaMigration;

/**
 * This server's {@link SentJournal}: {@code <installation folder>/mail/sent.journal} (beside the
 * database's key stores and checkpoints, so a demo on H2 and one on PostgreSQL keep their own).
 */
@ApplicationScoped
public class SentEmails {

  @EJB SchemaMigration schema;

  private SentJournal journal;

  /** Writes down that the SMTP server took the email of {@code key}. */
  public void record(String key) {
    journal().record(key);
  }

  /** Whether this server wrote down that the SMTP server took the email of {@code key}. */
  public boolean contains(String key) {
    return journal().contains(key);
  }

  private synchronized SentJournal journal() {
    if (journal == null) {
      journal =
          new SentJournal(schema.installationFolder().resolve("mail").resolve("sent.journal"));
    }
    return journal;
  }

  @PreDestroy
  synchronized void close() {
    if (journal != null) {
      journal.close();
    }
  }
}
