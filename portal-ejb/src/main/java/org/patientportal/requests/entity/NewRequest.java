package org.patientportal.requests.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as its form or the API asks for it. The constraints of the Default group hold for every
 * type (lengths, one line); those of the type's group ({@link RequestType#group()}) say which
 * fields the type needs. Fields of another type are ignored. {@code patient} is for staff and
 * clinicians filing on a patient's behalf (and, later, proxies); {@code team} chooses among the
 * patient's care teams (by default the first). Text is stripped of surrounding spaces.
 */
public record NewRequest(
    @NotNull(message = "{requests.type.required}") RequestType type,
    @Size(max = 64, message = "{requests.patient.invalid}") String patient,
    @Size(max = 64, message = "{requests.team.invalid}") String team,
    @NotBlank(groups = ForAppointment.class, message = "{requests.preferredDays.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String preferredDays,
    @NotBlank(groups = ForAppointment.class, message = "{requests.preferredTimes.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String preferredTimes,
    @NotBlank(
            groups = {ForAppointment.class, ForReferral.class},
            message = "{requests.reason.required}")
        @Size(max = LONG, message = "{requests.field.tooLong}")
        String reason,
    @NotBlank(groups = ForAppointment.class, message = "{requests.location.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String location,
    @NotBlank(groups = ForPrescription.class, message = "{requests.medication.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String medication,
    @NotBlank(groups = ForPrescription.class, message = "{requests.dose.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String dose,
    @NotBlank(groups = ForPrescription.class, message = "{requests.pharmacy.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String pharmacy,
    @NotBlank(groups = ForReferral.class, message = "{requests.specialty.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String specialty,
    @NotBlank(groups = ForReferral.class, message = "{requests.insurer.required}")
        @Size(max = SHORT, message = "{requests.field.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{requests.field.oneLine}")
        String insurer) {

  /** The longest one-line field. */
  public static final int SHORT = 200;

  /** The longest reason. */
  public static final int LONG = 2000;

  static final String ONE_LINE = "\\P{Cc}*";

  /** The constraints of an appointment request. */
  public interface ForAppointment {}

  /** The constraints of a prescription renewal request. */
  public interface ForPrescription {}

  /** The constraints of a referral authorization request. */
  public interface ForReferral {}

  public NewRequest {
    patient = strip(patient);
    team = strip(team);
    preferredDays = strip(preferredDays);
    preferredTimes = strip(preferredTimes);
    reason = strip(reason);
    location = strip(location);
    medication = strip(medication);
    dose = strip(dose);
    pharmacy = strip(pharmacy);
    specialty = strip(specialty);
    insurer = strip(insurer);
  }

  /** The type's fields that were given, in the form's order. */
  public Map<String, String> fields() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("preferredDays", preferredDays);
    all.put("preferredTimes", preferredTimes);
    all.put("reason", reason);
    all.put("location", location);
    all.put("medication", medication);
    all.put("dose", dose);
    all.put("pharmacy", pharmacy);
    all.put("specialty", specialty);
    all.put("insurer", insurer);
    Map<String, String> fields = new LinkedHashMap<>();
    if (type != null) {
      for (String name : type.fields()) {
        String value = all.get(name);
        if (value != null && !value.isEmpty()) {
          fields.put(name, value);
        }
      }
    }
    return fields;
  }

  private static String strip(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    return s.isEmpty() ? null : s;
  }
}
