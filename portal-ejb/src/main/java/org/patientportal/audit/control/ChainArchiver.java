package org.patientportal.audit.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.patientportal.audit.entity.Archive;

/**
 * Retention: moves a prefix of the hash chain (the oldest positions) to a file outside the
 * database, signs a record of it, and only then removes those entries. The file holds, per entry,
 * its chain hash and its canonical encoding (base64), after a header naming the hash the first
 * entry chains on from; {@link #checkFile} verifies a file on its own. Plain JDBC in the caller's
 * transaction; the chain's head row is locked meanwhile.
 */
public final class ChainArchiver {

  /** Where the chain kept in the database starts: its first position and the hash before it. */
  public record Start(long first, byte[] previous) {}

  static final String HEADER = "# portal-audit-archive-v1";

  private final ChainCodec codec = new ChainCodec();

  /** The signed archive records, oldest first. */
  public static List<Archive> archives(Connection c) throws SQLException {
    List<Archive> found = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select first_position, last_position, last_hash, entries, file_name, file_sha256,"
                    + " signed_at, key_id, signature from audit_archive order by first_position");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(
            new Archive(
                rs.getLong(1),
                rs.getLong(2),
                rs.getBytes(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getBytes(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8),
                rs.getBytes(9)));
      }
    }
    return found;
  }

  /**
   * The last position whose entry, and every entry before it, was written before {@code cutoff}
   * (the prefix retention may archive).
   */
  public static long expiredThrough(Connection c, Instant cutoff) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select min(chain_position) from audit_entry"
                + " where chain_position is not null and occurred_at >= ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long firstKept = rs.getLong(1);
        if (!rs.wasNull()) {
          return firstKept - 1;
        }
      }
    }
    return ChainSealer.head(c, false).position();
  }

  /**
   * Archives the positions after the last archive up to {@code through} (at most the head) into
   * {@code dir}, signed with {@code key}, then removes them from the database.
   *
   * @return the archive record, or null when there was nothing to archive
   * @throws IllegalStateException when the part to archive does not verify (nothing is archived)
   */
  public Archive archiveThrough(
      Connection c, long through, Path dir, AuditSigningKey key, Instant time)
      throws SQLException, IOException {
    Instant now = time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    ChainSealer.Head head = ChainSealer.lockHead(c);
    List<Archive> earlier = archives(c);
    long first = earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).last() + 1;
    byte[] previous =
        earlier.isEmpty() ? ChainCodec.genesis() : earlier.get(earlier.size() - 1).lastHash();
    long last = Math.min(through, head.position());
    if (last < first) {
      return null;
    }
    String name = "audit-archive-%012d-%012d.log".formatted(first, last);
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    MessageDigest fileDigest = sha256();
    long entries = 0;
    byte[] hash = previous;
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      BufferedWriter out =
          new BufferedWriter(
              new OutputStreamWriter(
                  new DigestOutputStream(Channels.newOutputStream(channel), fileDigest),
                  StandardCharsets.US_ASCII));
      out.write(
          "%s first=%d last=%d previous=%s%n"
              .formatted(HEADER, first, last, ChainCodec.hex(previous)));
      try (PreparedStatement s =
          c.prepareStatement(
              "select "
                  + ChainCodec.COLUMNS
                  + " from audit_entry where chain_position between ? and ?"
                  + " order by chain_position")) {
        s.setFetchSize(10_000);
        s.setLong(1, first);
        s.setLong(2, last);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ChainRow row = ChainCodec.read(rs);
            hash = codec.link(hash, row);
            if (row.position() != first + entries || !Arrays.equals(hash, row.storedHash())) {
              throw new IllegalStateException(
                  "The access log does not verify at position "
                      + (first + entries)
                      + "; nothing was archived. Run the verifier.");
            }
            out.write(ChainCodec.hex(hash));
            out.write(' ');
            out.write(Base64.getEncoder().encodeToString(codec.encoding(row)));
            out.write('\n');
            entries++;
          }
        }
      }
      out.flush();
      channel.force(true);
    }
    if (entries != last - first + 1) {
      throw new IllegalStateException(
          "Positions " + first + " to " + last + " are not all there; nothing was archived.");
    }
    byte[] fileSha = fileDigest.digest();
    byte[] text = Archive.signedText(first, last, hash, entries, name, fileSha, now);
    Archive archive =
        new Archive(
            first, last, hash, entries, name, fileSha, now, key.keyId(), key.signature(text));
    Files.writeString(dir.resolve(name + ".sig"), archive.line() + "\n", StandardCharsets.US_ASCII);
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into audit_archive (first_position, last_position, last_hash, entries,"
                + " file_name, file_sha256, signed_at, key_id, signature)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, first);
      insert.setLong(2, last);
      insert.setBytes(3, hash);
      insert.setLong(4, entries);
      insert.setString(5, name);
      insert.setBytes(6, fileSha);
      insert.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setString(8, key.keyId());
      insert.setBytes(9, archive.signature());
      insert.executeUpdate();
    }
    try (PreparedStatement delete =
        c.prepareStatement("delete from audit_entry where chain_position between ? and ?")) {
      delete.setLong(1, first);
      delete.setLong(2, last);
      delete.executeUpdate();
    }
    return archive;
  }

  /**
   * Checks an archive file against its signed record ({@code <file>.sig}): the signature, the
   * file's SHA-256, and the chain inside it up to the signed last hash.
   *
   * @return null when valid, else what is wrong
   */
  public static String checkFile(Path file, Map<String, byte[]> publicKeys) throws IOException {
    Path sig = file.resolveSibling(file.getFileName() + ".sig");
    if (!Files.exists(sig)) {
      return "No signed record " + sig + " beside the archive.";
    }
    Archive record;
    try {
      record = Archive.parse(Files.readString(sig, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return sig + " is not a signed archive record.";
    }
    if (!new ChainVerifier(publicKeys)
        .signatureValid(record.keyId(), record.signedText(), record.signature())) {
      return "The archive record is not signed by a known audit key.";
    }
    if (!Arrays.equals(sha256().digest(Files.readAllBytes(file)), record.fileSha256())) {
      return "The archive file was changed after it was signed.";
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    String[] header = lines.get(0).split(" ");
    byte[] hash = java.util.HexFormat.of().parseHex(header[header.length - 1].substring(9));
    ChainCodec codec = new ChainCodec();
    long position = record.first();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(" ");
      ChainRow row = ChainCodec.decode(Base64.getDecoder().decode(f[1]));
      hash = codec.link(hash, row);
      if (row.position() != position || !ChainCodec.hex(hash).equals(f[0])) {
        return "The archived entry at position " + position + " does not verify.";
      }
      position++;
    }
    if (position - 1 != record.last() || !Arrays.equals(hash, record.lastHash())) {
      return "The archive does not end where its signed record says.";
    }
    return null;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
