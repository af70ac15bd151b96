package org.patientportal.it.incontainer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as nurse.lee with the role staff (Breast Oncology pool). */
@Stateless
@PermitAll
@RunAs("staff")
@RunAsPrincipal("nurse.lee")
public class AsNurse {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
