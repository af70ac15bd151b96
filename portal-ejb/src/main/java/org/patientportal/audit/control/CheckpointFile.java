package org.patientportal.audit.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patientportal.audit.entity.Checkpoint;

/**
 * The file outside the database where every signed checkpoint is also written, one line each and
 * flushed to disk before the database records it. A copy that an intruder in the database cannot
 * reach; ship it to write-once storage or another host in production.
 *
 * <p>Each line names the installation (the database) whose chain it signs, so that a file given
 * with another database is reported as such ({@link #installations()}), not as tampering.
 */
public final class CheckpointFile {

  private final Path file;
  private final String installation;

  /** A file whose lines name no installation (the first format; still read). */
  public CheckpointFile(Path file) {
    this(file, null);
  }

  /** The checkpoint file of installation {@code installation} (null: lines without one). */
  public CheckpointFile(Path file, String installation) {
    this.file = file;
    this.installation = installation;
  }

  public Path path() {
    return file;
  }

  /** Appends {@code checkpoint} and forces it to disk. */
  public synchronized void append(Checkpoint checkpoint) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      out.write(
          ByteBuffer.wrap(
              (checkpoint.line(installation) + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    }
  }

  /**
   * The checkpoints in the file (none if there is no file). A line that cannot be read fails the
   * whole read: a damaged file is something to look into, not to skip.
   */
  public List<Checkpoint> read() throws IOException {
    List<Checkpoint> found = new ArrayList<>();
    if (!Files.exists(file)) {
      return found;
    }
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        found.add(Checkpoint.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IOException("Line " + number + " of " + file + " is not a checkpoint", e);
      }
    }
    return found;
  }

  /** The installations named by the file's lines (empty if none is named, or there is no file). */
  public Set<String> installations() throws IOException {
    Set<String> found = new LinkedHashSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String named = Checkpoint.installationOf(line);
        if (named != null) {
          found.add(named);
        }
      }
    }
    return found;
  }
}
