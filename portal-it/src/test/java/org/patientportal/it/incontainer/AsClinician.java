package org.patientportal.it.incontainer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Runs test code as dr.smith with the role clinician (Breast Oncology pool, its lead). */
@Stateless
@PermitAll
@RunAs("clinician")
@RunAsPrincipal("dr.smith")
public class AsClinician {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
