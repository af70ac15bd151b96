package org.patientportal.audit.control;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.patientportal.audit.entity.Archive;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.ChainVerification.Kind;
import org.patientportal.audit.entity.ChainVerification.Problem;
import org.patientportal.audit.entity.Checkpoint;

/**
 * Checks the access log's hash chain against the database as it is now: every sealed entry is
 * re-encoded and re-hashed in chain order, positions must follow each other without gaps, the head
 * must match the last entry, and every signed checkpoint (from the database and from the file kept
 * outside it) must carry a valid Ed25519 signature by a known audit key and match the chain at its
 * position. The first problem is reported with what it most likely is: an entry altered, deleted,
 * inserted or moved, or a checkpoint that does not match.
 *
 * <p>Plain JDBC, so that the same code runs in the server and in the command-line verifier. The
 * caller gives a connection with auto-commit off (PostgreSQL streams the rows only so). Not
 * thread-safe: one instance per check.
 */
public final class ChainVerifier {

  /** How many positions around a broken link are searched for where its entry belongs. */
  static final int WINDOW = 64;

  private static final int FETCH = 10_000;

  private final Map<String, byte[]> publicKeys;
  private final ChainCodec codec = new ChainCodec();

  /**
   * @param publicKeys the audit keys' raw Ed25519 public keys by key id
   */
  public ChainVerifier(Map<String, byte[]> publicKeys) {
    this.publicKeys = Map.copyOf(publicKeys);
  }

  /** The key id of a raw Ed25519 public key: the first 16 hex digits of its SHA-256. */
  public static String keyId(byte[] publicKey) {
    try {
      return ChainCodec.hex(MessageDigest.getInstance("SHA-256").digest(publicKey))
          .substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code checkpoint} is signed by one of the known keys. */
  public boolean signatureValid(Checkpoint checkpoint) {
    return signatureValid(checkpoint.keyId(), checkpoint.signedText(), checkpoint.signature());
  }

  /** Whether {@code signature} over {@code text} was made with the known key {@code keyId}. */
  public boolean signatureValid(String keyId, byte[] text, byte[] signature) {
    byte[] key = publicKeys.get(keyId);
    if (key == null || signature == null || signature.length != 64) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(key, 0));
    verifier.update(text, 0, text.length);
    return verifier.verifySignature(signature);
  }

  /** The checkpoints stored in the database, oldest first. */
  public static List<Checkpoint> storedCheckpoints(Connection c) throws SQLException {
    List<Checkpoint> found = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select chain_position, head_hash, signed_at, key_id, signature"
                    + " from audit_checkpoint order by chain_position");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(
            new Checkpoint(
                rs.getLong(1),
                rs.getBytes(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4),
                rs.getBytes(5)));
      }
    }
    return found;
  }

  /**
   * Checks the chain against the checkpoint file {@code file}, unless that file belongs to another
   * database than this one (installation {@code installation}; null when the database has none
   * yet): then the chain is checked against the database's own checkpoints only, and a valid result
   * becomes {@link Kind#OTHER_DATABASE}, which says so plainly instead of reporting the other
   * database's checkpoints as tampering.
   */
  public ChainVerification verify(
      Connection c, CheckpointFile file, String installation, Instant now)
      throws SQLException, java.io.IOException {
    java.util.Set<String> others = new java.util.LinkedHashSet<>(file.installations());
    if (installation != null) {
      others.remove(installation);
    }
    if (installation == null || others.isEmpty()) {
      return verify(c, file.read(), now);
    }
    ChainVerification own = verify(c, List.of(), now);
    if (!own.valid()) {
      return own;
    }
    return new ChainVerification(
        false,
        own.entriesChecked(),
        own.firstPosition(),
        own.lastPosition(),
        own.pending(),
        own.checkpointsChecked(),
        own.lastCheckpoint(),
        own.lastCheckpointAt(),
        new Problem(
            Kind.OTHER_DATABASE,
            0,
            null,
            ("The checkpoint file %s belongs to another database (installation %s), not to this"
                    + " one (installation %s): give this database's checkpoint file. Checked"
                    + " against its own signed checkpoints, nothing in this database was found"
                    + " changed.")
                .formatted(file.path(), String.join(", ", others), installation)),
        own.checkedAt(),
        own.millis());
  }

  /**
   * Checks the chain.
   *
   * @param fromFile the checkpoints read from the file outside the database
   */
  public ChainVerification verify(Connection c, List<Checkpoint> fromFile, Instant now)
      throws SQLException {
    long started = System.nanoTime();
    TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    List<Checkpoint> all = new ArrayList<>(storedCheckpoints(c));
    all.addAll(fromFile);
    Problem problem = checkpointProblem(all, checkpoints);

    ChainSealer.Head head = ChainSealer.head(c, false);
    long pending = pending(c);
    long first = 1;
    byte[] previous = ChainCodec.genesis();
    for (Archive archive : ChainArchiver.archives(c)) {
      if (problem != null) {
        break;
      }
      if (!signatureValid(archive.keyId(), archive.signedText(), archive.signature())) {
        problem =
            new Problem(
                Kind.CHECKPOINT_MISMATCH,
                archive.first(),
                null,
                ("The archive record for positions %d to %d is not signed by a known audit key:"
                        + " entries may have been removed under a forged record.")
                    .formatted(archive.first(), archive.last()));
      } else if (archive.first() != first) {
        problem =
            new Problem(
                Kind.DELETED,
                first,
                null,
                "Positions %d to %d are neither in the database nor in a signed archive."
                    .formatted(first, archive.first() - 1));
      } else {
        Checkpoint atEnd = checkpoints.get(archive.last());
        if (atEnd != null && !Arrays.equals(atEnd.headHash(), archive.lastHash())) {
          problem =
              new Problem(
                  Kind.CHECKPOINT_MISMATCH,
                  archive.last(),
                  null,
                  "The archive of positions %d to %d does not match the checkpoint signed at %s."
                      .formatted(archive.first(), archive.last(), atEnd.signedAt()));
        }
        first = archive.last() + 1;
        previous = archive.lastHash();
      }
    }
    final byte[] start = previous;
    long expected = first;
    long checked = 0;

    if (problem == null) {
      byte[] beforePrevious = null;
      Long previousSeq = null;
      try (PreparedStatement s =
          c.prepareStatement(
              "select "
                  + ChainCodec.COLUMNS
                  + " from audit_entry where chain_position >= ? order by chain_position",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY)) {
        s.setFetchSize(FETCH);
        s.setLong(1, first);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ChainRow row = ChainCodec.read(rs);
            if (row.position() != expected) {
              problem =
                  new Problem(
                      Kind.DELETED,
                      expected,
                      null,
                      "No entry at position %d (the next one, seq %d, is at position %d): entries were deleted."
                          .formatted(expected, row.seq(), row.position()));
              break;
            }
            byte[] computed = codec.link(previous, row);
            if (!Arrays.equals(computed, row.storedHash())) {
              problem = classify(c, row, previous, beforePrevious, previousSeq, first, start);
              break;
            }
            Checkpoint checkpoint = checkpoints.get(row.position());
            if (checkpoint != null && !Arrays.equals(checkpoint.headHash(), computed)) {
              Long earlier = checkpoints.lowerKey(row.position());
              Problem inserted = insertedAtCheckpoint(c, row, previous, checkpoint);
              problem =
                  inserted != null
                      ? inserted
                      : new Problem(
                          Kind.CHECKPOINT_MISMATCH,
                          row.position(),
                          row.seq(),
                          ("The chain up to position %d does not match the checkpoint signed at %s:"
                                  + " entries after position %d were changed and re-chained.")
                              .formatted(
                                  row.position(),
                                  checkpoint.signedAt(),
                                  earlier == null ? first - 1 : earlier));
              break;
            }
            beforePrevious = previous;
            previous = computed;
            previousSeq = row.seq();
            expected++;
            checked++;
          }
        }
      }
    }
    long last = expected - 1;
    if (problem == null) {
      problem = endProblem(head, last, previous, checkpoints);
    }
    Map.Entry<Long, Checkpoint> latest = checkpoints.floorEntry(last);
    return new ChainVerification(
        problem == null,
        checked,
        first,
        last,
        pending,
        last >= first ? checkpoints.subMap(first, true, last, true).size() : 0,
        latest == null ? 0 : latest.getKey(),
        latest == null ? null : latest.getValue().signedAt(),
        problem,
        now,
        (System.nanoTime() - started) / 1_000_000);
  }

  private Problem checkpointProblem(List<Checkpoint> all, TreeMap<Long, Checkpoint> into) {
    for (Checkpoint checkpoint : all) {
      if (!signatureValid(checkpoint)) {
        return new Problem(
            Kind.CHECKPOINT_MISMATCH,
            checkpoint.position(),
            null,
            "The checkpoint at position %d (signed at %s) does not carry a valid signature of a known audit key (key %s)."
                .formatted(checkpoint.position(), checkpoint.signedAt(), checkpoint.keyId()));
      }
      Checkpoint other = into.putIfAbsent(checkpoint.position(), checkpoint);
      if (other != null && !Arrays.equals(other.headHash(), checkpoint.headHash())) {
        return new Problem(
            Kind.CHECKPOINT_MISMATCH,
            checkpoint.position(),
            null,
            "Two signed checkpoints at position %d disagree.".formatted(checkpoint.position()));
      }
    }
    return null;
  }

  private static Problem endProblem(
      ChainSealer.Head head, long last, byte[] lastHash, TreeMap<Long, Checkpoint> checkpoints) {
    if (head.position() > last) {
      return new Problem(
          Kind.DELETED,
          last + 1,
          null,
          "The chain's head is at position %d but its last entry at %d: the latest entries were deleted."
              .formatted(head.position(), last));
    }
    if (head.position() < last) {
      return new Problem(
          Kind.INSERTED,
          head.position() + 1,
          null,
          "Entries were chained after the head (position %d) outside the portal."
              .formatted(head.position()));
    }
    if (last > 0 && !Arrays.equals(head.hash(), lastHash)) {
      return new Problem(
          Kind.ALTERED,
          last,
          null,
          "The chain's head does not match its last entry (position %d).".formatted(last));
    }
    Long beyond = checkpoints.higherKey(last);
    if (beyond != null) {
      return new Problem(
          Kind.DELETED,
          last + 1,
          null,
          "A signed checkpoint covers position %d but the chain ends at %d: entries were deleted."
              .formatted(beyond, last));
    }
    return null;
  }

  /**
   * An entry chained by the intruder exactly at a checkpoint's position links correctly; what gives
   * it away is the entry after it, which, taken back to this position, is what the checkpoint
   * signed. Null when that is not so (then the entries up to here were changed and re-chained).
   */
  private Problem insertedAtCheckpoint(
      Connection c, ChainRow row, byte[] previous, Checkpoint checkpoint) throws SQLException {
    long p = row.position();
    ChainRow next = window(c, p).get(p + 1);
    if (next != null && Arrays.equals(checkpoint.headHash(), codec.link(previous, next.at(p)))) {
      return new Problem(
          Kind.INSERTED,
          p,
          row.seq(),
          ("The entry seq %d at position %d was inserted: the entry after it is the one the"
                  + " checkpoint signed at %s covers.")
              .formatted(row.seq(), p, checkpoint.signedAt()));
    }
    return null;
  }

  /** What a broken link at {@code row} most likely is, judged from its neighbours. */
  private Problem classify(
      Connection c,
      ChainRow row,
      byte[] previous,
      byte[] beforePrevious,
      Long previousSeq,
      long first,
      byte[] start)
      throws SQLException {
    long p = row.position();
    TreeMap<Long, ChainRow> around = window(c, p);
    ChainRow next = around.get(p + 1);
    ChainRow afterNext = around.get(p + 2);
    if (next != null
        && same(codec.link(previous, next.at(p)), next.storedHash())
        && (afterNext == null
            || same(codec.link(next.storedHash(), afterNext.at(p + 1)), afterNext.storedHash()))) {
      // With no entry after the next one to confirm it, this also fits the last two entries
      // swapped; the row's own hash, chained at another position, tells the two apart.
      Problem moved = afterNext == null ? reordered(row, previous, around, first, start) : null;
      if (moved != null) {
        return moved;
      }
      return new Problem(
          Kind.INSERTED,
          p,
          row.seq(),
          "The entry seq %d at position %d was inserted: the entry after it chains on from position %d."
              .formatted(row.seq(), p, p - 1));
    }
    if (beforePrevious != null
        && same(codec.link(beforePrevious, row.at(p - 1)), row.storedHash())
        && (next == null || same(codec.link(row.storedHash(), next.at(p)), next.storedHash()))) {
      return new Problem(
          Kind.INSERTED,
          p - 1,
          previousSeq,
          "The entry seq %d at position %d was inserted: the entry after it chains on from position %d."
              .formatted(previousSeq, p - 1, p - 2));
    }
    if (next != null
        && row.storedHash() != null
        && same(codec.link(row.storedHash(), next.at(p + 2)), next.storedHash())) {
      return new Problem(
          Kind.DELETED,
          p,
          row.seq(),
          "An entry before seq %d (position %d) was deleted and the later ones moved up."
              .formatted(row.seq(), p));
    }
    Problem moved = reordered(row, previous, around, first, start);
    if (moved != null) {
      return moved;
    }
    return new Problem(
        Kind.ALTERED,
        p,
        row.seq(),
        "The entry seq %d at position %d differs from what was chained: its content or its hash was changed."
            .formatted(row.seq(), p));
  }

  /**
   * The entry at {@code row}'s position was chained at another position {@code q} of its
   * neighbourhood (its own hash or the one stored at {@code q} is its link there), or null.
   */
  private Problem reordered(
      ChainRow row, byte[] previous, TreeMap<Long, ChainRow> around, long first, byte[] start) {
    long p = row.position();
    for (Map.Entry<Long, ChainRow> other : around.entrySet()) {
      long q = other.getKey();
      if (q == p) {
        continue;
      }
      List<byte[]> before = new ArrayList<>();
      if (q == first) {
        before.add(start);
      }
      if (q - 1 == p - 1) {
        before.add(previous);
      }
      ChainRow atBefore = around.get(q - 1);
      if (atBefore != null && atBefore.storedHash() != null) {
        before.add(atBefore.storedHash());
      }
      if (q == p + 1) {
        before.add(codec.link(previous, other.getValue().at(p)));
      }
      for (byte[] candidate : before) {
        byte[] h = codec.link(candidate, row.at(q));
        if (same(h, other.getValue().storedHash()) || same(h, row.storedHash())) {
          return new Problem(
              Kind.REORDERED,
              p,
              row.seq(),
              "The entry seq %d at position %d was chained at position %d: entries were reordered."
                  .formatted(row.seq(), p, q));
        }
      }
    }
    return null;
  }

  private static boolean same(byte[] a, byte[] b) {
    return b != null && Arrays.equals(a, b);
  }

  private static TreeMap<Long, ChainRow> window(Connection c, long p) throws SQLException {
    TreeMap<Long, ChainRow> rows = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + ChainCodec.COLUMNS
                + " from audit_entry where chain_position between ? and ?")) {
      s.setLong(1, p - WINDOW);
      s.setLong(2, p + WINDOW);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ChainRow r = ChainCodec.read(rs);
          rows.put(r.position(), r);
        }
      }
    }
    return rows;
  }

  static long pending(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("select count(*) from audit_entry where chain_position is null");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
