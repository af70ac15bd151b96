package org.patientportal.shared.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * JSON-P through one provider, looked up once. Each static {@code jakarta.json.Json.createX} call
 * looks its provider up anew through the service loader, which in WildFly reads the deployment's
 * jars and modules every time: a profile of email delivery had 10 % of its samples there (issue 9).
 * The provider is thread-safe; builders and readers it makes are not shared.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonReader reader(String json) {
    return PROVIDER.createReader(new StringReader(json));
  }

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder object(Map<String, ?> values) {
    return PROVIDER.createObjectBuilder(values);
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }
}
