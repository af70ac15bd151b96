package org.patientportal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.entity.PortalUser;

/**
 * Loads the demo data when the server runs with {@code portal.demo-data=true} (a system property or
 * the environment variable PORTAL_DEMO_DATA): the portal records of the demo realm's users.
 * Idempotent: what is already there is left alone. Production leaves the switch off.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  /**
   * The demo realm's users (username and name, as in realm-config/src/main/demo), so that other
   * features can name them before their first sign-in. Their email is username@portal.test.
   */
  static final List<String[]> USERS =
      List.of(
          new String[] {"pat.jones", "Pat Jones"},
          new String[] {"sam.rivera", "Sam Rivera"},
          new String[] {"chris.jones", "Chris Jones"},
          new String[] {"dr.smith", "Alex Smith"},
          new String[] {"dr.chen", "Wei Chen"},
          new String[] {"nurse.lee", "Jordan Lee"},
          new String[] {"comms.diaz", "Maria Diaz"},
          new String[] {"audit.kim", "Dana Kim"},
          new String[] {"admin.ito", "Kai Ito"});

  /** The demo patients' medical record numbers, as the hospital's patient index would give them. */
  static final java.util.Map<String, String> MRNS =
      java.util.Map.of("pat.jones", "10004521", "sam.rivera", "10007833");

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Ids ids;

  @Inject
  @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
  boolean demo;

  @PostConstruct
  void load() {
    if (!demo) {
      return;
    }
    int created = 0;
    for (String[] u : USERS) {
      PortalUser user =
          em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
              .setParameter("username", u[0])
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (user == null) {
        user = new PortalUser(u[0], u[1], u[0] + "@portal.test", clock.instant());
        em.persist(user);
        created++;
      }
      if (user.getMrn() == null && MRNS.containsKey(u[0])) {
        user.assignMrn(MRNS.get(u[0]));
      }
    }
    int count = created;
    boolean pool = carePool();
    boolean proxy = proxyGrant();
    LOG.info(
        () ->
            "Demo data loaded: "
                + count
                + " portal users created"
                + (pool ? "; the Breast Oncology pool created" : "")
                + (proxy ? "; chris.jones made pat.jones's proxy" : ""));
  }

  /**
   * The demo's caregiver: chris.jones acts for pat.jones (messaging and requests) for a year from
   * the first start, unless a grant between them was ever made (a revoked one stays revoked).
   */
  private boolean proxyGrant() {
    boolean exists =
        !em.createNamedQuery(ProxyGrant.OF_PROXY, ProxyGrant.class)
            .setParameter("proxy", "chris.jones")
            .getResultList()
            .isEmpty();
    if (exists) {
      return false;
    }
    java.time.Instant now = clock.instant();
    em.persist(
        new ProxyGrant(
            ids.next("proxy_grant_seq"),
            "pat.jones",
            "chris.jones",
            java.util.EnumSet.of(ProxyScope.MESSAGING, ProxyScope.REQUESTS),
            now.plus(java.time.Duration.ofDays(365)),
            "pat.jones",
            now,
            null));
    return true;
  }

  /**
   * The demo's care team: the Breast Oncology pool, worked by dr.smith and dr.chen (clinicians) and
   * nurse.lee (staff), led by dr.smith, caring for pat.jones and sam.rivera.
   */
  private boolean carePool() {
    boolean exists =
        !em.createNamedQuery(CarePool.BY_CODE, CarePool.class)
            .setParameter("code", "breast-oncology")
            .getResultList()
            .isEmpty();
    if (exists) {
      return false;
    }
    CarePool pool = new CarePool("breast-oncology", "Breast Oncology");
    pool.addMember("dr.smith", PoolRole.CLINICIAN);
    pool.addMember("dr.chen", PoolRole.CLINICIAN);
    pool.addMember("nurse.lee", PoolRole.STAFF);
    pool.setLead("dr.smith");
    pool.addPatient("pat.jones");
    pool.addPatient("sam.rivera");
    em.persist(pool);
    return true;
  }
}
