package org.patientportal.platform.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from. The web tier fills it in for every HTTP request; work that
 * no request started (queues, timers) leaves it at {@link #INTERNAL}.
 */
@RequestScoped
public class RequestOrigin {

  public static final String INTERNAL = "internal";
  private static final int MAX_USER_AGENT = 512;

  private String clientAddress = INTERNAL;
  private String userAgent;

  public void set(String clientAddress, String userAgent) {
    this.clientAddress = clientAddress == null ? INTERNAL : clientAddress;
    this.userAgent =
        userAgent == null || userAgent.length() <= MAX_USER_AGENT
            ? userAgent
            : userAgent.substring(0, MAX_USER_AGENT);
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String userAgent() {
    return userAgent;
  }
}
