package org.patientportal.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Answers whether the portal can serve: today, whether its database answers within a timeout. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Readiness {

  private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  public boolean databaseReady() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The database is not reachable", e);
      return false;
    }
  }
}
