package org.patientportal.it.incontainer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Runs test code as chris.jones, a caregiver (role proxy), as a signed-in request would reach the
 * EJBs.
 */
@Stateless
@PermitAll
@RunAs("proxy")
@RunAsPrincipal("chris.jones")
public class AsCaregiver {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
