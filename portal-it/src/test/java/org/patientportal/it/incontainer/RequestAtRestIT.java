package org.patientportal.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientportal.it.support.Deployments;
import org.patientportal.requests.boundary.Requests;
import org.patientportal.requests.entity.NewRequest;
import org.patientportal.requests.entity.RequestDetail;
import org.patientportal.requests.entity.RequestFiled;
import org.patientportal.requests.entity.RequestType;

/**
 * A request's fields are sealed at rest: a renewal filed with a unique marker in each field is
 * found in no raw value of any table (the request's own row, its thread's message), in UTF-8 or
 * UTF-16, while the boundary opens it back (the positive control: the marker was stored).
 */
@ExtendWith(ArquillianExtension.class)
class RequestAtRestIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.portalServicesWith(RequestAtRestIT.class, AsPatient.class);
  }

  @EJB AsPatient asPatient;
  @EJB Requests requests;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource database;

  @Test
  void theFieldsOfARequestAreNowhereInPlainText() throws Exception {
    String marker = "reqsecret" + UUID.randomUUID().toString().replace("-", "");
    RequestFiled filed =
        asPatient.call(
            () ->
                requests.file(
                    new NewRequest(
                        RequestType.PRESCRIPTION_RENEWAL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Medication " + marker,
                        "Dose " + marker,
                        "Pharmacy " + marker,
                        null,
                        null)));
    RequestDetail opened = asPatient.call(() -> requests.open(filed.id()));
    assertEquals("Medication " + marker, opened.getFields().get("medication"));
    assertEquals("Pharmacy " + marker, opened.getFields().get("pharmacy"));

    assertEquals(List.of(), rowsContaining(marker), "raw values holding the marker");
    assertTrue(
        rowsContaining("request/" + filed.id() + " thread/" + filed.threadId()).size() > 0,
        "the row search finds plain text (the audit entry of the request)");
  }

  /** "table.column" of every raw value, of every table, holding {@code text}. */
  private List<String> rowsContaining(String text) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = database.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet t =
          c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
        while (t.next()) {
          String schema = t.getString("TABLE_SCHEM");
          if (schema != null && schema.equalsIgnoreCase("public")) {
            tables.add(t.getString("TABLE_NAME"));
          }
        }
      }
      assertTrue(
          tables.stream().anyMatch(t -> t.equalsIgnoreCase("care_request")),
          "the requests' table is searched: " + tables);
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rows = s.executeQuery("select * from " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rows.getObject(i);
              boolean hit =
                  value instanceof byte[] bytes
                      ? holds(bytes, text)
                      : value != null && String.valueOf(value).contains(text);
              if (hit) {
                found.add(table + "." + rows.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static boolean holds(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1)
            .contains(
                new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
        || new String(bytes, StandardCharsets.ISO_8859_1)
            .contains(
                new String(text.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1))
        || new String(bytes, StandardCharsets.ISO_8859_1)
            .contains(
                new String(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
  }
}
