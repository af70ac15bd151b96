package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.messaging.entity.Attachment;
import org.patientportal.messaging.entity.AttachmentContent;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Message;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.MessageTopics;
import org.patientportal.messaging.entity.NewAttachment;
import org.patientportal.messaging.entity.RecipientKind;
import org.patientportal.platform.boundary.Ids;

/**
 * Writes threads, messages and attachments, each sealed for its own ids before the row exists:
 * nothing readable reaches the database. Input is checked before it comes here.
 */
@ApplicationScoped
public class MessageWriter {

  @PersistenceContext EntityManager em;
  @Inject Crypto crypto;
  @Inject Ids ids;
  @Inject SubjectIndex subjects;

  /** The id the next thread will have (ids are known before rows exist: seals bind them). */
  public long nextThreadId() {
    return ids.next("message_thread_seq");
  }

  public long nextMessageId() {
    return ids.next("message_seq");
  }

  /** A new thread with the id {@link #nextThreadId()} gave, without messages yet. */
  public MessageThread thread(
      long threadId,
      String patient,
      Category category,
      RecipientKind kind,
      String recipient,
      String startedBy,
      Instant at,
      String subject) {
    MessageThread thread =
        new MessageThread(
            threadId,
            patient,
            category,
            kind,
            recipient,
            startedBy,
            at,
            crypto.seal(subject, MessageThread.subjectOwner(threadId)));
    em.persist(thread);
    subjects.index(thread, subject);
    return thread;
  }

  /** A message with the id {@link #nextMessageId()} gave, added to {@code thread}. */
  public Message message(
      long messageId,
      MessageThread thread,
      String author,
      Instant at,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments) {
    return message(messageId, thread, author, null, at, body, readReceipt, attachments);
  }

  /** As above, for a caregiver ({@code author}) writing for {@code onBehalfOf}. */
  public Message message(
      long messageId,
      MessageThread thread,
      String author,
      String onBehalfOf,
      Instant at,
      String body,
      boolean readReceipt,
      List<NewAttachment> attachments) {
    Message message =
        new Message(
            messageId,
            thread,
            author,
            at,
            readReceipt,
            crypto.seal(body, Message.bodyOwner(thread.getId(), messageId)));
    message.writtenFor(onBehalfOf);
    em.persist(message);
    for (NewAttachment file : attachments) {
      String type = AttachmentPolicy.detectType(file.content()).orElseThrow();
      long attachmentId = ids.next("attachment_seq");
      Attachment attachment =
          new Attachment(
              attachmentId,
              message,
              type,
              file.content().length,
              crypto.seal(
                  AttachmentPolicy.filename(file.getFilename(), type),
                  Attachment.owner(thread.getId(), messageId, attachmentId, "filename")));
      em.persist(attachment);
      em.persist(
          new AttachmentContent(
              attachment, crypto.sealBytes(file.content(), attachment.contentOwner())));
    }
    thread.messageAdded(message);
    return message;
  }

  /**
   * Flags a new message with the sensitive topics its author chose (sealed, bound to its ids), and
   * its thread as flagged from now on. No topics: nothing is written.
   */
  public void topics(Message message, Set<SensitiveTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    long threadId = message.getThread().getId();
    em.persist(
        new MessageTopics(
            message.getId(),
            threadId,
            crypto.seal(
                SensitiveTopic.join(topics), MessageTopics.owner(threadId, message.getId()))));
    message.getThread().flag();
  }
}
