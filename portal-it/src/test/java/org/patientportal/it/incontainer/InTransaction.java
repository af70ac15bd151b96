package org.patientportal.it.incontainer;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/**
 * Runs test code in a container transaction of its own, as a boundary's method would: one that
 * commits, or one that rolls back whatever the code did.
 */
@Stateless
@PermitAll
public class InTransaction {

  @Resource SessionContext context;

  public <T> T commit(Callable<T> work) throws Exception {
    return work.call();
  }

  public <T> T rollBack(Callable<T> work) throws Exception {
    T result = work.call();
    context.setRollbackOnly();
    return result;
  }
}
