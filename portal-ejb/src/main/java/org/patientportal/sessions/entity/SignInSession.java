package org.patientportal.sessions.entity;

import java.time.Instant;
import java.util.List;

/**
 * One of a person's signed-in sessions, as Keycloak keeps it: where it began (the client address),
 * on what (browser, operating system, device as Keycloak reads them from the user agent), since
 * when and until when, which applications take part in it, and whether it is the one the request
 * came with.
 */
public record SignInSession(
    String id,
    String ipAddress,
    Instant started,
    Instant lastAccess,
    Instant expires,
    String browser,
    String os,
    String device,
    boolean mobile,
    List<String> clients,
    boolean current) {}
