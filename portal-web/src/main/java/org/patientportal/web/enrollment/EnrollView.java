package org.patientportal.web.enrollment;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.patientportal.enrollment.boundary.Enrollments;
import org.patientportal.enrollment.entity.EnrollmentAttempt;
import org.patientportal.enrollment.entity.EnrollmentResult;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.UserText;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code enroll.xhtml}, public: a person enrolls with their activation code, date of birth and
 * email. A refusal says the same whatever its reason; too many say to wait.
 */
@Named
@ViewScoped
public class EnrollView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> FIELDS = Set.of("code", "birthDate", "email");

  @EJB Enrollments enrollments;

  private String code;
  private String birthDate;
  private String email;
  private String enrolledEmail;

  public void enroll() {
    try {
      EnrollmentResult result =
          enrollments.enroll(new EnrollmentAttempt(code, EnrollmentResource.day(birthDate), email));
      switch (result.outcome()) {
        case ENROLLED -> {
          enrolledEmail = result.username();
          code = null;
        }
        case REFUSED -> error("{enrollment.refused}");
        case RATE_LIMITED -> error("{enrollment.rateLimited}");
      }
    } catch (DomainException e) {
      FieldErrors.show("enroll", FIELDS, e);
    }
  }

  private static void error(String template) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = UserText.of(template, Map.of(), faces.getViewRoot().getLocale());
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(String birthDate) {
    this.birthDate = birthDate;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getEnrolledEmail() {
    return enrolledEmail;
  }
}
