package org.patientportal.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A clinician's time away (whole days in the hospital's time zone, both inclusive) and the
 * colleague who covers for them meanwhile: new messages addressed to the clinician go to the cover,
 * and the cover works the clinician's open threads.
 */
@Entity
@Table(name = "away_period")
@NamedQuery(
    name = AwayPeriod.OF_CLINICIAN,
    query =
        "select a from AwayPeriod a where a.clinician = :clinician and a.endsOn >= :from"
            + " order by a.startsOn, a.id")
@NamedQuery(
    name = AwayPeriod.COVER_ON,
    query =
        "select a from AwayPeriod a where a.clinician = :clinician and a.endsOn >= :day"
            + " and a.startsOn <= :day order by a.startsOn desc, a.id desc")
@NamedQuery(
    name = AwayPeriod.COVERED_BY_ON,
    query =
        "select distinct a.clinician from AwayPeriod a where a.cover = :cover"
            + " and a.endsOn >= :day and a.startsOn <= :day")
@NamedQuery(
    name = AwayPeriod.OVERLAPPING,
    query =
        "select count(a) from AwayPeriod a where a.clinician = :clinician"
            + " and a.startsOn <= :to and a.endsOn >= :from")
public class AwayPeriod {

  public static final String OF_CLINICIAN = "AwayPeriod.ofClinician";
  public static final String COVER_ON = "AwayPeriod.coverOn";
  public static final String COVERED_BY_ON = "AwayPeriod.coveredByOn";
  public static final String OVERLAPPING = "AwayPeriod.overlapping";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "away_period_seq")
  @SequenceGenerator(
      name = "away_period_seq",
      sequenceName = "away_period_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String clinician;

  @Column(nullable = false, updatable = false, length = 64)
  private String cover;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private AwayKind kind;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", nullable = false, updatable = false)
  private LocalDate endsOn;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected AwayPeriod() {
    // for JPA
  }

  /**
   * @throws IllegalArgumentException when the period ends before it starts, or the clinician would
   *     cover for themselves
   */
  public AwayPeriod(
      String clinician,
      String cover,
      AwayKind kind,
      LocalDate startsOn,
      LocalDate endsOn,
      Instant createdAt) {
    this.clinician = Objects.requireNonNull(clinician, "clinician");
    this.cover = Objects.requireNonNull(cover, "cover");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.startsOn = Objects.requireNonNull(startsOn, "startsOn");
    this.endsOn = Objects.requireNonNull(endsOn, "endsOn");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("An away period cannot end before it starts");
    }
    if (cover.equals(clinician)) {
      throw new IllegalArgumentException("A clinician cannot cover for themselves");
    }
  }

  /** Whether the period runs on {@code day}. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /** Whether the period shares a day with {@code from}..{@code to} (both inclusive). */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !startsOn.isAfter(to) && !endsOn.isBefore(from);
  }

  public Long getId() {
    return id;
  }

  public String getClinician() {
    return clinician;
  }

  public String getCover() {
    return cover;
  }

  public AwayKind getKind() {
    return kind;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
