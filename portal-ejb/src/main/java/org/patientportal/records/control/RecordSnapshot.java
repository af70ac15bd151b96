package org.patientportal.records.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.FilingCopy;
import org.patientportal.shared.entity.Jsonp;

/**
 * A record entry's snapshot as JSON: what was filed, written once when it is filed (then sealed and
 * signed), read back unchanged. The text, not a structure rebuilt later, is what the signature's
 * hash covers.
 */
public final class RecordSnapshot {

  static final String FORMAT = "patient-portal/record-snapshot/1";

  private RecordSnapshot() {}

  /** The snapshot of {@code copy}, filed as entry {@code entryId} by {@code filedBy}. */
  public static String json(long entryId, String filedBy, Instant filedAt, FilingCopy copy) {
    return json(entryId, filedBy, filedAt, copy, null);
  }

  /**
   * The snapshot of {@code copy}, filed as entry {@code entryId} by {@code filedBy}, with why a new
   * version amends an entry ({@code reason}; null for none). The reason is in the snapshot, sealed
   * and covered by the signature like what was filed.
   */
  public static String json(
      long entryId, String filedBy, Instant filedAt, FilingCopy copy, String reason) {
    JsonArrayBuilder messages = Jsonp.array();
    for (FilingCopy.Filed m : copy.messages()) {
      JsonArrayBuilder files = Jsonp.array();
      m.attachments().forEach(files::add);
      messages.add(
          Jsonp.object()
              .add("id", m.id())
              .add("author", m.author())
              .add("authorName", m.authorName())
              .add("fromPatient", m.fromPatient())
              .add("sentAt", m.sentAt().toString())
              .add("body", m.body())
              .add("attachments", files));
    }
    JsonObjectBuilder snapshot =
        Jsonp.object()
            .add("format", FORMAT)
            .add("entry", entryId)
            .add("filedBy", filedBy)
            .add("filedAt", filedAt.toString())
            .add("thread", copy.threadId())
            .add("patient", copy.patient())
            .add("patientName", copy.patientName());
    if (copy.patientMrn() != null) {
      snapshot.add("patientMrn", copy.patientMrn());
    }
    if (reason != null) {
      snapshot.add("reason", reason);
    }
    return snapshot
        .add("category", copy.category().name())
        .add("subject", copy.subject())
        .add("to", copy.recipientAddress())
        .add("toName", copy.recipientName())
        .add("messages", messages)
        .build()
        .toString();
  }

  /** Why the snapshot's entry amends another, or null when it says nothing. */
  public static String reason(String json) {
    return object(json).getString("reason", null);
  }

  private static JsonObject object(String json) {
    JsonObject o;
    try (JsonReader reader = Jsonp.reader(json)) {
      o = reader.readObject();
    }
    if (!FORMAT.equals(o.getString("format", null))) {
      throw new IllegalArgumentException("not a record snapshot");
    }
    return o;
  }

  /** What a snapshot says was filed. */
  public static FilingCopy read(String json) {
    JsonObject o = object(json);
    List<FilingCopy.Filed> messages = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("messages")) {
      JsonObject m = v.asJsonObject();
      messages.add(
          new FilingCopy.Filed(
              m.getJsonNumber("id").longValue(),
              m.getString("author"),
              m.getString("authorName"),
              m.getBoolean("fromPatient"),
              Instant.parse(m.getString("sentAt")),
              m.getString("body"),
              m.getJsonArray("attachments").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList()));
    }
    return new FilingCopy(
        o.getJsonNumber("thread").longValue(),
        o.getString("patient"),
        o.getString("patientName"),
        o.getString("patientMrn", null),
        Category.valueOf(o.getString("category")),
        o.getString("subject"),
        o.getString("to"),
        o.getString("toName"),
        messages);
  }
}
