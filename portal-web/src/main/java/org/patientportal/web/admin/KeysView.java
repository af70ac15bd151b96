package org.patientportal.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientportal.crypto.boundary.KeyRotation;
import org.patientportal.crypto.entity.KeyStatus;

/**
 * {@code admin/keys.xhtml}: the key-encryption keys and their rotation, for administrators (the
 * boundary enforces the role; web.xml keeps everyone else off the page).
 */
@Named
@ViewScoped
public class KeysView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A key version and how many stored values it wraps (EL reads getters, not records). */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int version;
    private final long values;
    private final boolean current;

    Row(int version, long values, boolean current) {
      this.version = version;
      this.values = values;
      this.current = current;
    }

    public int getVersion() {
      return version;
    }

    public long getValues() {
      return values;
    }

    public boolean isCurrent() {
      return current;
    }
  }

  @EJB KeyRotation rotation;

  private KeyStatus status;
  private KeyStatus lastRotation;

  public KeyStatus getStatus() {
    if (status == null) {
      status = rotation.status();
    }
    return status;
  }

  public List<Row> getRows() {
    KeyStatus s = getStatus();
    Map<Integer, Long> counts = s.getValuesByVersion();
    List<Row> rows = new ArrayList<>();
    for (int version : s.getVersions()) {
      rows.add(
          new Row(version, counts.getOrDefault(version, 0L), version == s.getCurrentVersion()));
    }
    return rows;
  }

  public void rotate() {
    lastRotation = rotation.rotate();
    status = lastRotation;
  }

  /** The versions the last rotation removed, as "1, 2" (empty when it removed none). */
  public String getRetiredList() {
    return lastRotation == null
        ? ""
        : String.join(", ", lastRotation.getRetired().stream().map(String::valueOf).toList());
  }

  /** What the last rotation on this page did, or null. */
  public KeyStatus getLastRotation() {
    return lastRotation;
  }
}
