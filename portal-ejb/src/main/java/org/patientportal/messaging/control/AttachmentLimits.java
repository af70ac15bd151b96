package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.messaging.entity.AttachmentPolicy;

/**
 * The limits on attachments, from MicroProfile Config: {@code portal.attachment.max-mb} (or the
 * environment variable PORTAL_ATTACHMENT_MAX_MB; 10 MB each) and {@code
 * portal.attachment.max-count} (PORTAL_ATTACHMENT_MAX_COUNT; 5 files per message).
 */
@ApplicationScoped
public class AttachmentLimits {

  @Inject
  @ConfigProperty(name = "portal.attachment.max-mb", defaultValue = "10")
  long maxMb;

  @Inject
  @ConfigProperty(name = "portal.attachment.max-count", defaultValue = "5")
  int maxCount;

  public AttachmentPolicy policy() {
    return new AttachmentPolicy(maxMb * 1024 * 1024, maxCount);
  }
}
