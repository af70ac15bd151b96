package org.patientportal.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.patientportal.audit.control.AuditSigningKey;
import org.patientportal.audit.control.ChainArchiver;
import org.patientportal.audit.control.ChainVerifier;
import org.patientportal.audit.control.CheckpointFile;
import org.patientportal.audit.entity.ChainVerification;
import org.patientportal.audit.entity.Checkpoint;
import org.patientportal.platform.control.Installation;

/**
 * The command-line verifier a compliance officer runs against the portal's database, without the
 * portal: it checks the hash chain of the access log and the signed checkpoints with the same code
 * as the server, and needs only the audit key's public half.
 *
 * <pre>
 * java -jar portal-audit-verifier.jar --url jdbc:postgresql://db/portal --user auditor \
 *      --public-keys portal-audit-signing.bcfks.pub --checkpoints checkpoints.log
 * </pre>
 *
 * With {@code --archive <file>} (repeatable) and no {@code --url} it checks archive files of the
 * retention job on their own, against the signed record beside each.
 *
 * <p>The password is read from the environment variable {@code PORTAL_AUDIT_DB_PASSWORD} (never
 * from the command line, where other users of the machine could see it). Exit code 0: valid; 1: a
 * problem was found (printed with its position, sequence number and kind); 2: the check could not
 * run (bad arguments, no database, unreadable files, or a checkpoint file that belongs to another
 * database: each line of the file names the installation id of its database).
 */
public final class VerifyAuditLog {

  static final int VALID = 0;
  static final int TAMPERED = 1;
  static final int CANNOT_RUN = 2;

  private VerifyAuditLog() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv("PORTAL_AUDIT_DB_PASSWORD"), System.out, System.err));
  }

  static int run(String[] args, String password, PrintStream out, PrintStream err) {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return CANNOT_RUN;
    }
    if (options.containsKey("--help")) {
      out.println(USAGE);
      return VALID;
    }
    String url = options.get("--url");
    String keys = options.get("--public-keys");
    if (options.containsKey("--archive") && url == null && keys != null) {
      return checkArchives(options.get("--archive"), Path.of(keys), out, err);
    }
    if (url == null || keys == null) {
      err.println("--url and --public-keys are required.");
      err.println(USAGE);
      return CANNOT_RUN;
    }
    Map<String, byte[]> publicKeys;
    List<Checkpoint> fromFile = List.of();
    CheckpointFile file = null;
    try {
      publicKeys = AuditSigningKey.readPublicKeys(Path.of(keys));
      if (publicKeys.isEmpty()) {
        err.println("No Ed25519 public key in " + keys + ".");
        return CANNOT_RUN;
      }
      if (options.containsKey("--checkpoints")) {
        file = new CheckpointFile(Path.of(options.get("--checkpoints")));
        fromFile = file.read();
      }
    } catch (IOException | RuntimeException e) {
      err.println("Cannot read the keys or the checkpoint file: " + e.getMessage());
      return CANNOT_RUN;
    }
    Properties login = new Properties();
    if (options.containsKey("--user")) {
      login.setProperty("user", options.get("--user"));
    }
    if (password != null) {
      login.setProperty("password", password);
    }
    ChainVerification result;
    try (Connection c = DriverManager.getConnection(url, login)) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        ChainVerifier verifier = new ChainVerifier(publicKeys);
        result =
            file == null
                ? verifier.verify(c, fromFile, Instant.now())
                : verifier.verify(
                    c,
                    file,
                    Installation.read(c).map(Object::toString).orElse(null),
                    Instant.now());
      } finally {
        c.rollback();
      }
    } catch (SQLException | IOException e) {
      err.println("Cannot read the access log at " + url + ": " + e.getMessage());
      return CANNOT_RUN;
    }
    print(result, fromFile.size(), out);
    if (result.problem() != null
        && result.problem().kind() == ChainVerification.Kind.OTHER_DATABASE) {
      return CANNOT_RUN;
    }
    return result.valid() ? VALID : TAMPERED;
  }

  /** Checks archive files on their own, against their signed records. */
  static int checkArchives(String files, Path keys, PrintStream out, PrintStream err) {
    try {
      Map<String, byte[]> publicKeys = AuditSigningKey.readPublicKeys(keys);
      int result = VALID;
      for (String file : files.split(java.io.File.pathSeparator)) {
        String problem = ChainArchiver.checkFile(Path.of(file), publicKeys);
        if (problem == null) {
          out.println("VALID archive: " + file);
        } else {
          out.println("NOT VALID archive: " + file + ": " + problem);
          result = TAMPERED;
        }
      }
      return result;
    } catch (IOException | RuntimeException e) {
      err.println("Cannot read the archive or the keys: " + e.getMessage());
      return CANNOT_RUN;
    }
  }

  static void print(ChainVerification r, int inFile, PrintStream out) {
    if (r.problem() != null && r.problem().kind() == ChainVerification.Kind.OTHER_DATABASE) {
      out.println("OTHER DATABASE: the checkpoint file belongs to another database; not checked.");
      out.println(r.problem().detail());
      out.printf(
          "Entries checked against this database's own checkpoints: %d (positions %d to %d).%n",
          r.entriesChecked(), r.firstPosition(), r.lastPosition());
      return;
    }
    if (r.valid()) {
      out.printf(
          "VALID: %d entries (positions %d to %d) match the hash chain.%n",
          r.entriesChecked(), r.firstPosition(), r.lastPosition());
    } else {
      ChainVerification.Problem p = r.problem();
      out.printf(
          "NOT VALID: %s at position %d%s.%n",
          p.kind(), p.position(), p.seq() == null ? "" : " (entry seq " + p.seq() + ")");
      out.println(p.detail());
      out.printf("Entries checked before the problem: %d.%n", r.entriesChecked());
      out.printf("Signed checkpoints in the file: %d.%n", inFile);
      out.printf("Took %d ms.%n", r.millis());
      return;
    }
    out.printf(
        "Signed checkpoints checked: %d (%d from the file); the latest covers position %d%s.%n",
        r.checkpointsChecked(),
        inFile,
        r.lastCheckpoint(),
        r.lastCheckpointAt() == null ? "" : ", signed " + r.lastCheckpointAt());
    if (r.lastPosition() > r.lastCheckpoint()) {
      out.printf(
          "Positions after %d are not covered by a signed checkpoint yet.%n", r.lastCheckpoint());
    }
    if (r.pending() > 0) {
      out.printf(
          "Entries not chained yet (the portal chains them within seconds): %d.%n", r.pending());
    }
    out.printf("Took %d ms (%d entries/s).%n", r.millis(), r.entriesPerSecond());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      switch (name) {
        case "--help", "-h" -> options.put("--help", "");
        case "--archive" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value.");
          }
          options.merge("--archive", args[++i], (a, b) -> a + java.io.File.pathSeparator + b);
        }
        case "--url", "--user", "--public-keys", "--checkpoints" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value.");
          }
          options.put(name, args[++i]);
        }
        default -> throw new IllegalArgumentException("Unknown option " + name + ".");
      }
    }
    return options;
  }

  static final String USAGE =
      """
      Usage: java -jar portal-audit-verifier.jar --url <JDBC URL> [--user <database user>]
                  --public-keys <the portal's portal-audit-signing.bcfks.pub>
                  [--checkpoints <the portal's checkpoints.log>]
         or: java -jar portal-audit-verifier.jar --public-keys <...pub> --archive <archive file> ...
      The database password comes from the environment variable PORTAL_AUDIT_DB_PASSWORD.
      Exit code 0: the access log is valid; 1: it was changed (what and where is printed);
      2: the check could not run (also: the checkpoint file belongs to another database).""";
}
