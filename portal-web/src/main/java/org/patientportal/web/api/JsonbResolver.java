package org.patientportal.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's one JSON-B instance. Without a {@code ContextResolver<Jsonb>}, RESTEasy builds a new
 * Jsonb for every request body it reads or writes, and each build looks its provider up through the
 * service loader (reading the module's jar indexes, contended across request threads): about a
 * tenth of the CPU of a message send in a profile. A Jsonb is thread-safe and keeps what it learns
 * about each class, so one built here serves every request. The configuration is JSON-B's default,
 * exactly what RESTEasy built per request before.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
