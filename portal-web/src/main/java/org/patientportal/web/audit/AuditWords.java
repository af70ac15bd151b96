package org.patientportal.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import org.patientportal.web.layout.Times;

/**
 * What an audit entry's resource says, in words for the auditor's console: the criteria of a search
 * that were not given ({@code actor=null}) are left out, names and values are translated through
 * the bundle ({@code audit.what.*}, {@code audit.action.*}, {@code audit.outcome.*}) and instants
 * are shown in the hospital's time zone. The entry's exact text stays in its details.
 */
@Named
@ApplicationScoped
public class AuditWords {

  /** The parts of a search's description that page through it rather than narrow it. */
  private static final Set<String> PAGING = Set.of("page", "before");

  @Inject Times times;

  /** {@code resource} in the view's language. */
  public String what(String resource) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return what(
        resource, key -> bundle.containsKey(key) ? bundle.getString(key) : null, times::dateTime);
  }

  /**
   * {@code resource} with {@code words} (a bundle look-up, null for a key it lacks) and {@code
   * time} (how an instant is shown).
   */
  static String what(
      String resource, Function<String, String> words, Function<Instant, String> time) {
    if (resource == null || resource.isBlank()) {
      return "";
    }
    List<String> plain = new ArrayList<>();
    List<String> criteria = new ArrayList<>();
    List<String> paging = new ArrayList<>();
    boolean described = false;
    for (String token : resource.strip().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq <= 0) {
        plain.add(token);
        continue;
      }
      described = true;
      String key = token.substring(0, eq);
      String value = token.substring(eq + 1);
      if (value.isEmpty() || value.equals("null")) {
        continue;
      }
      String label = words.apply("audit.what." + key);
      String shown = (label == null ? key : label) + ": " + value(key, value, words, time);
      (PAGING.contains(key) ? paging : criteria).add(shown);
    }
    if (described && criteria.isEmpty() && plain.isEmpty()) {
      String all = words.apply("audit.what.all");
      criteria.add(all == null ? "all" : all);
    }
    criteria.addAll(paging);
    String head = String.join(" ", plain);
    String tail = String.join("; ", criteria);
    if (head.isEmpty()) {
      return tail;
    }
    return tail.isEmpty() ? head : head + " – " + tail;
  }

  private static String value(
      String key, String value, Function<String, String> words, Function<Instant, String> time) {
    String translated =
        switch (key) {
          case "action" -> words.apply("audit.action." + value);
          case "outcome" -> words.apply("audit.outcome." + value);
          default -> null;
        };
    if (translated != null) {
      return translated;
    }
    if (key.equals("page")) {
      try {
        return String.valueOf(Integer.parseInt(value) + 1);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    if (value.length() > 10 && value.endsWith("Z")) {
      try {
        return time.apply(Instant.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    return value;
  }
}
