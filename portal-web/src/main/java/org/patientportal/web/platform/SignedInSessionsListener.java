package org.patientportal.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Forgets a browser session in {@link SignedInSessions} when it ends, however it ends. */
@WebListener
public class SignedInSessionsListener implements HttpSessionListener {

  @Inject SignedInSessions sessions;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.ended(event.getSession());
  }
}
