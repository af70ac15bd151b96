package org.patientportal.it.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment helper of the in-container tests: the real portal.ear from the build, with its
 * web module replaced by a test WAR holding the given classes, so that it can run beside the
 * deployed portal (another application name, another context root) on the same database. The test
 * WAR also carries Awaitility (and the Hamcrest it needs), which the server does not have.
 */
public final class Deployments {

  private Deployments() {}

  public static EnterpriseArchive portalServicesWith(Class<?>... testClasses) {
    File built = new File(System.getProperty("portal.ear", "../portal-ear/target/portal.ear"));
    if (!built.isFile()) {
      throw new IllegalStateException(built + " is missing: build portal-ear first");
    }
    EnterpriseArchive ear =
        ShrinkWrap.create(ZipImporter.class, "portal-it.ear")
            .importFrom(built)
            .as(EnterpriseArchive.class);
    ear.delete("/portal-web.war");
    ear.delete("/META-INF/application.xml"); // modules are then found by their names
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, "portal-it.war")
            .addClasses(testClasses)
            .addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class))
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    if (Arrays.asList(testClasses).contains(Portal.class)) {
      tests.addClass(Totp.class); // Portal signs staff in with their demo second factor
    }
    return ear.addAsModule(tests);
  }

  /**
   * As {@link #portalServicesWith}, for tests that also call the portal's API over HTTP from the
   * server ({@link Portal}, with the Jackson it reads answers with).
   */
  public static EnterpriseArchive portalServicesCallingTheApiWith(Class<?>... testClasses) {
    List<Class<?>> classes = new ArrayList<>(Arrays.asList(testClasses));
    classes.add(Portal.class);
    EnterpriseArchive ear = portalServicesWith(classes.toArray(Class<?>[]::new));
    ear.getAsType(WebArchive.class, "portal-it.war")
        .addAsLibraries(
            jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonAutoDetect.class));
    return ear;
  }

  /** The jar on the test class path that holds {@code type}. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }
}
