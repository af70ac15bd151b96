package org.patientportal.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.care.entity.PoolMember;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.messaging.entity.MessageThread;
import org.patientportal.messaging.entity.RecipientKind;

/**
 * A thread's team: the pool it is addressed to, or, for a thread addressed to a clinician by name,
 * the pools of that clinician that care for the thread's patient. Its members are whom the thread
 * may be assigned to; its lead is whom it escalates to.
 */
@ApplicationScoped
public class ThreadTeams {

  @Inject CareDirectory care;

  /** The pools of the thread's team (usually one). */
  public List<CarePool> of(MessageThread thread) {
    if (thread.getRecipientKind() == RecipientKind.POOL) {
      return care.pool(thread.getRecipient()).map(List::of).orElse(List.of());
    }
    return care.poolsOfMemberCaringFor(thread.getRecipient(), thread.getPatient());
  }

  /** The team's members with their roles, by username (a member of two pools: the first role). */
  public Map<String, PoolRole> members(List<CarePool> team) {
    Map<String, PoolRole> members = new LinkedHashMap<>();
    for (CarePool pool : team) {
      pool.getMembers().stream()
          .sorted(java.util.Comparator.comparing(PoolMember::getUsername))
          .forEach(m -> members.putIfAbsent(m.getUsername(), m.getRole()));
    }
    return members;
  }

  /** The leads of the team's pools (none named: empty). */
  public List<String> leads(List<CarePool> team) {
    List<String> leads = new ArrayList<>();
    for (CarePool pool : team) {
      if (pool.getLead() != null && !leads.contains(pool.getLead())) {
        leads.add(pool.getLead());
      }
    }
    return leads;
  }

  /** The lead escalations of the thread go to: its first pool's named lead. */
  public Optional<String> leadOf(MessageThread thread) {
    return leads(of(thread)).stream().findFirst();
  }
}
