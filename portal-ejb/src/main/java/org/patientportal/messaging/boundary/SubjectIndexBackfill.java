package org.patientportal.messaging.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.patientportal.messaging.control.SubjectIndex;

/**
 * Puts the subjects of threads written before the blind index existed into it: a migration cannot
 * compute HMACs in SQL, so after each start this indexes threads without tokens in batches, one
 * transaction each, until none is left, without holding up the deployment. New threads are indexed
 * as they are written. Nodes of a cluster may run it at once: a batch that collides with another
 * node's rolls back and the next timer goes on.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class SubjectIndexBackfill {

  private static final Logger LOG = Logger.getLogger(SubjectIndexBackfill.class.getName());
  static final int BATCH = 200;

  @Resource TimerService timers;
  @Resource SessionContext context;
  @Inject SubjectIndex index;

  @PostConstruct
  void start() {
    schedule(1);
  }

  /** Indexes one batch in a transaction of its own; returns how many (0: none was left). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int indexBatch() {
    return index.backfill(BATCH);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    try {
      int done = context.getBusinessObject(SubjectIndexBackfill.class).indexBatch();
      if (done > 0) {
        LOG.fine(() -> "Indexed the subjects of " + done + " threads");
      }
      if (done == BATCH) {
        schedule(1);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Indexing thread subjects failed; trying again in a minute", e);
      schedule(60_000);
    }
  }

  private void schedule(long millis) {
    timers.createSingleActionTimer(millis, new TimerConfig(null, false));
  }
}
