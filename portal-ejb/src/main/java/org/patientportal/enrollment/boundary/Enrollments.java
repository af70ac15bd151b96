package org.patientportal.enrollment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.enrollment.control.ActivationCodes;
import org.patientportal.enrollment.control.EnrollmentDirectory;
import org.patientportal.enrollment.entity.Delivery;
import org.patientportal.enrollment.entity.EnrollmentAttempt;
import org.patientportal.enrollment.entity.EnrollmentCode;
import org.patientportal.enrollment.entity.EnrollmentFailure;
import org.patientportal.enrollment.entity.EnrollmentKind;
import org.patientportal.enrollment.entity.EnrollmentResult;
import org.patientportal.enrollment.entity.IssuedCode;
import org.patientportal.enrollment.entity.Registration;
import org.patientportal.identity.boundary.People;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.identity.entity.Roles;
import org.patientportal.mail.boundary.Notifications;
import org.patientportal.platform.boundary.RequestOrigin;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * Enrollment: a staff member registers a patient or invites a caregiver and gets an activation code
 * ({@link #issue}); the person enrolls with it ({@link #enroll}, no sign-in). Everything is
 * audited: ENROLLMENT_CODE_ISSUED, ENROLLED, and ENROLLMENT_REFUSED for each refused attempt (with
 * the real reason, which the person is not told) or ENROLLMENT_RATE_LIMITED.
 *
 * <p>Limits (MicroProfile Config): a code is valid {@code PORTAL_ENROLLMENT_CODE_DAYS} (14) days
 * and locks after {@value EnrollmentCode#MAX_ATTEMPTS} wrong tries; within {@code
 * PORTAL_ENROLLMENT_WINDOW_MINUTES} (60), {@code PORTAL_ENROLLMENT_ADDRESS_FAILURES} (20) refused
 * attempts from one client address, or {@code PORTAL_ENROLLMENT_EMAIL_FAILURES} (10) naming one
 * email, make further attempts from it or for it wait (429) until the window has passed them.
 */
@Stateless
public class Enrollments {

  static final String ANONYMOUS = "anonymous";
  private static final int MAX_NAME = 100;
  private static final int MAX_EMAIL = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern MRN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject People people;
  @Inject RequestOrigin origin;
  @Inject EnrollmentDirectory directory;
  @Inject Crypto crypto;
  @Inject Notifications notifications;
  @Resource SessionContext session;

  @Inject
  @ConfigProperty(name = "portal.enrollment.code-days", defaultValue = "14")
  int codeDays;

  @Inject
  @ConfigProperty(name = "portal.enrollment.window-minutes", defaultValue = "60")
  int windowMinutes;

  @Inject
  @ConfigProperty(name = "portal.enrollment.address-failures", defaultValue = "20")
  int addressFailures;

  @Inject
  @ConfigProperty(name = "portal.enrollment.email-failures", defaultValue = "10")
  int emailFailures;

  /**
   * Registers a patient (or invites a caregiver) and issues their activation code, valid for the
   * configured days from now.
   *
   * @throws InvalidInputException naming the field at fault
   * @throws ConflictException when a patient with that medical record number has an account
   */
  @RolesAllowed(Roles.STAFF)
  public IssuedCode issue(Registration registration) {
    return issueAt(registration, clock.instant());
  }

  /** {@link #issue} as if it were {@code at} (for tests of expiry: no waiting). */
  @RolesAllowed(Roles.STAFF)
  public IssuedCode issueAt(Registration registration, Instant at) {
    Registration r = check(registration);
    if (r.kind() == EnrollmentKind.PATIENT
        && em.createQuery("select count(u) from PortalUser u where u.mrn = :mrn", Long.class)
                .setParameter("mrn", r.mrn())
                .getSingleResult()
            > 0) {
      throw new ConflictException("mrn-enrolled", "{enrollment.mrn.enrolled}");
    }
    String code = ActivationCodes.generate();
    EnrollmentCode issued =
        new EnrollmentCode(
            ActivationCodes.hash(ActivationCodes.normal(code)),
            r.kind(),
            r.firstName(),
            r.lastName(),
            r.birthDate(),
            r.email(),
            r.mrn(),
            session.getCallerPrincipal().getName(),
            at,
            at.plus(Duration.ofDays(codeDays)),
            r.delivery());
    em.persist(issued);
    em.flush();
    if (r.delivery() == Delivery.EMAIL) {
      // the queue item names the code's row; the code waits sealed in it until it is sent
      issued.sealForEmail(crypto.seal(code, EnrollmentCode.sealOwner(issued.getId())));
      notifications.enrollmentInvitation(
          issued.getEmail(), null, EnrollmentCode.sealOwner(issued.getId()));
    }
    audit.record(
        session.getCallerPrincipal().getName(),
        null,
        AuditAction.ENROLLMENT_CODE_ISSUED,
        resource(issued) + " kind=" + r.kind() + " delivery=" + r.delivery(),
        AuditOutcome.SUCCESS);
    return new IssuedCode(issued.getId(), code, issued.getExpiresAt(), issued);
  }

  /**
   * An attempt to enroll with a code, date of birth and email. Refusals commit (the attempt is
   * counted and audited) and say nothing of their reason.
   *
   * @throws InvalidInputException when a field is missing or cannot be what it should (a code of
   *     the wrong length, an email that is none): nothing is counted
   * @throws ConflictException when Keycloak has an account with that email already
   * @throws org.patientportal.shared.entity.UnavailableException when Keycloak cannot create the
   *     account now (the code stays unused)
   */
  @PermitAll
  public EnrollmentResult enroll(EnrollmentAttempt attempt) {
    EnrollmentAttempt a = attempt == null ? new EnrollmentAttempt(null, null, null) : attempt;
    String normal = ActivationCodes.normal(a.code());
    if (normal == null) {
      throw new InvalidInputException("code", "{enrollment.code.invalid}");
    }
    if (a.birthDate() == null) {
      throw new InvalidInputException("birthDate", "{enrollment.birthDate.required}");
    }
    String email = checkEmail(a.email());
    Instant now = clock.instant();
    String address = origin.clientAddress();
    String emailHash = ActivationCodes.sha256(email);
    Optional<Duration> wait = rateLimited(now, address, emailHash);
    if (wait.isPresent()) {
      audit.record(
          ANONYMOUS,
          null,
          AuditAction.ENROLLMENT_RATE_LIMITED,
          "enrollment email=" + emailHash.substring(0, 16),
          AuditOutcome.DENIED);
      return EnrollmentResult.rateLimited(wait.get());
    }
    Optional<EnrollmentCode> found =
        em.createNamedQuery(EnrollmentCode.BY_HASH, EnrollmentCode.class)
            .setParameter("hash", ActivationCodes.hash(normal))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return refuse(now, address, emailHash, null, "unknown-code");
    }
    EnrollmentCode code = found.get();
    EnrollmentCode.Unusable unusable = code.unusableAt(now);
    if (unusable != null) {
      return refuse(now, address, emailHash, code, unusable.name().toLowerCase());
    }
    if (!code.matches(a.birthDate(), email)) {
      boolean locked = code.failedAttempt(now);
      return refuse(
          now,
          address,
          emailHash,
          code,
          "wrong-details attempts=" + code.getFailedAttempts() + (locked ? " locked" : ""));
    }
    if (!USERNAME.matcher(code.getEmail()).matches()) {
      throw new InvalidInputException("email", "{enrollment.email.unusable}");
    }
    String username = directory.createAccount(code, code.getKind().role());
    PortalUser user =
        people
            .find(username)
            .orElseGet(
                () -> {
                  PortalUser created =
                      new PortalUser(
                          username,
                          code.getFirstName() + " " + code.getLastName(),
                          code.getEmail(),
                          now);
                  em.persist(created);
                  return created;
                });
    if (code.getKind() == EnrollmentKind.PATIENT) {
      user.assignMrn(code.getMrn());
    }
    code.used(username, now);
    audit.record(
        username,
        code.getKind() == EnrollmentKind.PATIENT ? username : null,
        AuditAction.ENROLLED,
        resource(code) + " kind=" + code.getKind() + " issuedBy=" + code.getIssuedBy(),
        AuditOutcome.SUCCESS);
    return EnrollmentResult.enrolled(username);
  }

  private EnrollmentResult refuse(
      Instant now, String address, String emailHash, EnrollmentCode code, String reason) {
    em.persist(new EnrollmentFailure(now, address, emailHash));
    audit.record(
        ANONYMOUS,
        null,
        AuditAction.ENROLLMENT_REFUSED,
        (code == null ? "enrollment-code/unknown" : resource(code)) + " " + reason,
        AuditOutcome.DENIED);
    return EnrollmentResult.refused();
  }

  /** How long to wait, when the address or the email has had too many refusals lately. */
  private Optional<Duration> rateLimited(Instant now, String address, String emailHash) {
    Duration window = Duration.ofMinutes(windowMinutes);
    Instant since = now.minus(window);
    long byAddress =
        em.createNamedQuery(EnrollmentFailure.BY_ADDRESS_SINCE, Long.class)
            .setParameter("address", address)
            .setParameter("since", since)
            .getSingleResult();
    long byEmail =
        em.createNamedQuery(EnrollmentFailure.BY_EMAIL_SINCE, Long.class)
            .setParameter("email", emailHash)
            .setParameter("since", since)
            .getSingleResult();
    if (byAddress >= addressFailures || byEmail >= emailFailures) {
      return Optional.of(window);
    }
    return Optional.empty();
  }

  private static String resource(EnrollmentCode code) {
    return EnrollmentCode.sealOwner(code.getId());
  }

  private Registration check(Registration registration) {
    Registration r =
        registration == null
            ? new Registration(null, null, null, null, null, null, null)
            : registration;
    EnrollmentKind kind = r.kind() == null ? EnrollmentKind.PATIENT : r.kind();
    String first = name("firstName", r.firstName());
    String last = name("lastName", r.lastName());
    LocalDate birth = r.birthDate();
    if (birth == null) {
      throw new InvalidInputException("birthDate", "{enrollment.birthDate.required}");
    }
    if (birth.isAfter(LocalDate.now(clock)) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
      throw new InvalidInputException("birthDate", "{enrollment.birthDate.invalid}");
    }
    String email = checkEmail(r.email());
    String mrn = null;
    if (kind == EnrollmentKind.PATIENT) {
      mrn = r.mrn() == null ? "" : r.mrn().strip();
      if (mrn.isEmpty()) {
        throw new InvalidInputException("mrn", "{enrollment.mrn.required}");
      }
      if (!MRN.matcher(mrn).matches()) {
        throw new InvalidInputException("mrn", "{enrollment.mrn.invalid}");
      }
    }
    if (!USERNAME.matcher(email).matches()) {
      throw new InvalidInputException("email", "{enrollment.email.unusable}");
    }
    Delivery delivery = r.delivery() == null ? Delivery.PRINT : r.delivery();
    return new Registration(kind, first, last, birth, email, mrn, delivery);
  }

  private static String name(String field, String value) {
    String name = value == null ? "" : value.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException(field, "{enrollment.name.required}");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException(field, "{enrollment.name.tooLong}");
    }
    return name;
  }

  private static String checkEmail(String value) {
    String email = EnrollmentCode.normalEmail(value);
    if (email == null || email.isEmpty()) {
      throw new InvalidInputException("email", "{enrollment.email.required}");
    }
    if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      throw new InvalidInputException("email", "{enrollment.email.invalid}");
    }
    return email;
  }
}
