package org.patientportal.messaging.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.crypto.boundary.SealedColumns;
import org.patientportal.crypto.boundary.SealedColumns.Column;
import org.patientportal.crypto.boundary.SealedValues;
import org.patientportal.identity.entity.Roles;

/**
 * Messaging's sealed values for key rotation: thread subjects, message bodies, attachment names and
 * contents, quick-reply templates' titles and texts, forwards' notes, messages' topic flags and the
 * topics of consent requests. Re-wrapping reads and writes only the wrapped data keys, never the
 * ciphertexts. Called by {@link org.patientportal.crypto.boundary.KeyRotation}, whose caller must
 * be an administrator.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class MessagingSealedValues implements SealedValues {

  private static final SealedColumns SEALED =
      new SealedColumns(
          Column.of("MessageThread", "subject"),
          Column.of("Message", "body"),
          Column.of("Attachment", "filename"),
          new Column("AttachmentContent", "content", "attachmentId"),
          Column.of("ReplyTemplate", "title"),
          Column.of("ReplyTemplate", "text"),
          Column.of("ThreadForward", "note"),
          new Column("MessageTopics", "topics", "messageId"),
          Column.of("ConsentRequest", "topics"));
  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;

  @Override
  public String name() {
    return "messaging";
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int rewrapBatch(int limit) {
    return SEALED.rewrapBatch(em, crypto, limit);
  }

  @Override
  public Map<Integer, Long> countByKeyVersion() {
    return SEALED.countByKeyVersion(em);
  }
}
