package org.patientportal.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.ForbiddenException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * The views' one mapping of the domain's refusals, as the API's {@code ProblemMapper} maps them to
 * problems: not found answers with the not-found page (the boundary that refused has audited it),
 * forbidden (and a role the EJB refused) with the forbidden page, audited here as ACCESS_DENIED
 * with the request's method, path and query and the patient it names ({@link ViewRefusals}: once,
 * the forbidden page then records nothing more), and any other refusal is shown on the page the
 * user was on, in their language, as a message above the form, instead of an error page. Anything
 * else goes on to the default handling (the error page, never the exception's text).
 */
public class DomainExceptionHandler extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(DomainExceptionHandler.class.getName());

  public DomainExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (faces != null && events.hasNext()) {
      Throwable cause = unwrap(events.next().getContext().getException());
      if (cause instanceof NotFoundException) {
        events.remove();
        sendError(faces, HttpServletResponse.SC_NOT_FOUND);
      } else if (cause instanceof ForbiddenException || cause instanceof EJBAccessException) {
        events.remove();
        if (faces.getExternalContext().getRequest() instanceof HttpServletRequest request) {
          CDI.current().select(ViewRefusals.class).get().refused(request);
        }
        sendError(faces, HttpServletResponse.SC_FORBIDDEN);
      } else if (cause instanceof DomainException refusal && canShowOnPage(faces)) {
        events.remove();
        Locale locale = faces.getViewRoot().getLocale();
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.message(locale), null));
        faces.validationFailed();
        faces.renderResponse();
      }
    }
    getWrapped().handle();
  }

  /** A refusal before the page is rendered can be shown on it; during rendering it is too late. */
  private static boolean canShowOnPage(FacesContext faces) {
    return faces.getViewRoot() != null
        && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
        && !faces.getExternalContext().isResponseCommitted();
  }

  private static void sendError(FacesContext faces, int status) {
    ExternalContext external = faces.getExternalContext();
    try {
      if (!external.isResponseCommitted()) {
        external.responseReset();
        external.responseSendError(status, null);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "The error page could not be sent", e);
    }
    faces.responseComplete();
  }

  /** The domain's refusal inside the wrappers of Faces, EL and EJB, or the outermost exception. */
  static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    for (int i = 0; t != null && i < 10; i++) {
      if (t instanceof DomainException || t instanceof EJBAccessException) {
        return t;
      }
      if (!(t instanceof FacesException || t instanceof ELException || t instanceof EJBException)
          || t.getCause() == null
          || t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    return thrown;
  }
}
