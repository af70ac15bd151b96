package org.patientportal.mail.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A local file in which email delivery writes the idempotency key of each email the SMTP server has
 * taken, the moment its reply to DATA arrives, before the "sent" mark is committed to the database.
 * Appending a line is a write into the operating system's page cache, microseconds, no round trip:
 * a crash of the server process (kill -9, an out-of-memory death) does not lose it, because the
 * kernel still writes it out. A delivery that finds a key left SENDING by a crashed attempt asks
 * the journal first: if the key is in it, the email went out and is not sent again. So the window
 * in which a crash doubles an email shrinks from a database commit to the return of one {@code
 * write} call. It does not close: a crash of the whole machine can lose the last lines (then the
 * email is sent again, at least once, as before), and in a cluster only the node that sent an email
 * knows it from its journal.
 *
 * <p>It grows by one short line per email; past {@link #ROTATE_BYTES} it is renamed to {@code
 * <name>.1} (replacing an older one) and started afresh. A stale claim is taken over two minutes
 * (the lease) after a crash, long before two rotations' worth of emails could have been sent.
 */
public final class SentJournal {

  static final long ROTATE_BYTES = 16L * 1024 * 1024;

  private final Path file;
  private final Path previous;
  private final long rotateBytes;
  private FileChannel channel;

  public SentJournal(Path file) {
    this(file, ROTATE_BYTES);
  }

  SentJournal(Path file, long rotateBytes) {
    this.file = file;
    this.previous = file.resolveSibling(file.getFileName() + ".1");
    this.rotateBytes = rotateBytes;
  }

  /** Writes down that the email of {@code key} was taken by the SMTP server. */
  public synchronized void record(String key) {
    if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("An idempotency key is one line");
    }
    try {
      FileChannel c = open();
      if (c.size() >= rotateBytes) {
        c.close();
        channel = null;
        Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
        c = open();
      }
      ByteBuffer line = ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        c.write(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The sent-email journal " + file + " cannot be written", e);
    }
  }

  /** Whether the email of {@code key} was written down as taken by the SMTP server. */
  public synchronized boolean contains(String key) {
    try {
      for (Path p : List.of(file, previous)) {
        if (Files.exists(p)) {
          try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
            if (lines.anyMatch(key::equals)) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (IOException | UncheckedIOException e) {
      // unreadable: the email is sent again (at least once), as without a journal
      return false;
    }
  }

  /** Closes the file (a later {@link #record} opens it again). */
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing is buffered here: the lines written are the kernel's already
      }
      channel = null;
    }
  }

  private FileChannel open() throws IOException {
    if (channel == null) {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    return channel;
  }
}
