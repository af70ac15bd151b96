package org.patientportal.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.patientportal.audit.boundary.AuditLog;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.care.boundary.CareDirectory;
import org.patientportal.care.entity.CarePool;
import org.patientportal.crypto.boundary.Crypto;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.entity.NewTemplate;
import org.patientportal.messaging.entity.ReplyTemplate;
import org.patientportal.messaging.entity.TemplateDetail;
import org.patientportal.platform.boundary.Ids;
import org.patientportal.shared.boundary.Commands;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * Quick-reply templates of clinicians and staff: their own, and their teams' (created by a member
 * for a pool they work, usable by every member of it). Title and text are sealed like message
 * bodies. A template one may not use does not exist for one (404, audited as ACCESS_DENIED).
 */
@Stateless
@RolesAllowed({Roles.CLINICIAN, Roles.STAFF})
public class ReplyTemplates {

  @Resource SessionContext session;
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Crypto crypto;
  @Inject Ids ids;
  @Inject Commands commands;
  @Inject CareDirectory care;
  @Inject AuditLog audit;
  @EJB AuditService auditService;

  /** The caller's templates and their teams', oldest first. */
  public List<TemplateDetail> mine() {
    String me = caller();
    List<String> pools = care.poolsOf(me);
    return em
        .createNamedQuery(ReplyTemplate.VISIBLE_TO, ReplyTemplate.class)
        .setParameter("me", me)
        // an empty "in" list is not SQL everywhere: a code no pool has stands for none
        .setParameter("pools", pools.isEmpty() ? List.of("") : pools)
        .getResultList()
        .stream()
        .map(t -> detail(t, me))
        .toList();
  }

  /** The teams (pools) the caller works in, for whose members a team-wide template can be made. */
  public List<CarePool> teams() {
    return care.poolsOf(caller()).stream()
        .map(care::pool)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(CarePool::getName))
        .toList();
  }

  /** A new template; returns its id. */
  public long create(NewTemplate command) {
    String me = caller();
    NewTemplate c = commands.valid(command);
    String pool = c.pool() == null || c.pool().isBlank() ? null : c.pool().strip();
    if (pool != null && !care.poolsOf(me).contains(pool)) {
      throw new InvalidInputException("pool", "{messaging.template.pool.notYours}");
    }
    long id = ids.next("reply_template_seq");
    ReplyTemplate template =
        new ReplyTemplate(
            id,
            me,
            pool,
            clock.instant(),
            crypto.seal(c.title().strip(), ReplyTemplate.titleOwner(id)),
            crypto.seal(c.text(), ReplyTemplate.textOwner(id)));
    em.persist(template);
    audit.record(me, null, AuditAction.TEMPLATE_CREATED, "template/" + id, AuditOutcome.SUCCESS);
    return id;
  }

  /** Deletes a template the caller wrote. */
  public void delete(long id) {
    String me = caller();
    ReplyTemplate template = em.find(ReplyTemplate.class, id);
    if (template == null || !template.deletableBy(me)) {
      auditService.recordDenied("template/" + id);
      throw new NotFoundException("{messaging.template.notFound}");
    }
    em.remove(template);
    audit.record(me, null, AuditAction.TEMPLATE_DELETED, "template/" + id, AuditOutcome.SUCCESS);
  }

  private TemplateDetail detail(ReplyTemplate t, String me) {
    return new TemplateDetail(
        t.getId(),
        crypto.open(t.getTitle(), ReplyTemplate.titleOwner(t.getId())),
        crypto.open(t.getText(), ReplyTemplate.textOwner(t.getId())),
        t.getPool(),
        t.getOwner(),
        t.deletableBy(me));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
