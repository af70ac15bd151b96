package org.patientportal.it.incontainer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as admin.ito with the role admin, as a signed-in request would reach the EJBs. */
@Stateless
@PermitAll
@RunAs("admin")
@RunAsPrincipal("admin.ito")
public class AsAdmin {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
