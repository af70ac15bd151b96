package org.patientportal.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail sink for benchmarks (issue 9, point 5): an SMTP server that speaks just enough (EHLO/HELO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT) to take every mail, counts it and throws it away, so memory
 * stays flat however many notifications a run sends (the demo's GreenMail keeps them all and ran
 * out of memory after about 26,600). Per mail it keeps one number in memory: the delay from the
 * mail's {@code Date} header to its receipt.
 *
 * <p>With a third argument it also appends, per mail, the time of receipt and the Message-ID to
 * that file: the portal derives a notification's Message-ID from its idempotency key
 * ("message/{id}/to/ {username}"), so {@code mail_delay.py} joins the receipts with the messages'
 * {@code sent_at} in the database and reports the whole delay from the send to the delivery, queue
 * included.
 *
 * <p>What the Date delay measures: the portal's MailSender sets {@code Date} when it composes the
 * mail, that is when the EmailQueue's consumer has taken the item, and Jakarta Mail writes it to
 * the second. So it covers composing and the SMTP hand-over, not the time the item waited in the
 * queue. The wait in the queue shows in the receipt timeline instead: the stats file has the
 * receipts per second, and the time the last mail arrived, which run-bench.sh compares with the end
 * of the load (the drain time), and exactly in the receipts file's join with the database.
 *
 * <pre>
 * java -cp benchmarks.jar org.patientportal.bench.SmtpSink [port=3025] [stats file=target/bench/mail-sink.json] [receipts file]
 * </pre>
 *
 * It listens on the loopback address only, and writes the stats file every 5 s and when stopped.
 */
public final class SmtpSink {

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final AtomicLong mails = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong undated = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();

  /** Delays in ms, bucketed: index = ms / 10 up to 10 minutes, the last bucket above. */
  private final long[] delayBuckets = new long[60_001];

  /** Receipts per second since the sink started. */
  private final List<long[]> perSecond = new ArrayList<>();

  private final long startedAt = System.currentTimeMillis();
  private java.io.Writer receipts;
  private volatile long firstAt;
  private volatile long lastAt;

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3025;
    Path stats = Path.of(args.length > 1 ? args[1] : "target/bench/mail-sink.json");
    SmtpSink sink = new SmtpSink();
    if (args.length > 2) {
      sink.receipts = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
    }
    sink.serve(port, stats);
  }

  void serve(int port, Path stats) throws IOException {
    ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    writeStats(stats);
                  } catch (IOException e) {
                    System.err.println("mail sink: could not write " + stats + ": " + e);
                  }
                }));
    Thread writer =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(5000);
                  writeStats(stats);
                } catch (InterruptedException e) {
                  return;
                } catch (IOException e) {
                  System.err.println("mail sink: " + e);
                }
              }
            },
            "stats");
    writer.setDaemon(true);
    writer.start();
    System.out.println("mail sink listening on 127.0.0.1:" + port + ", stats in " + stats);
    while (true) {
      Socket socket = server.accept();
      connections.incrementAndGet();
      Thread t = new Thread(() -> session(socket), "smtp");
      t.setDaemon(true);
      t.start();
    }
  }

  private void session(Socket socket) {
    try (socket) {
      socket.setSoTimeout(60_000);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      reply(out, "220 localhost portal-bench mail sink");
      String line;
      while ((line = readLine(in)) != null) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (verb) {
          case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO" -> reply(out, "250 localhost");
          case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            data(in);
            reply(out, "250 OK: counted and discarded");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away: nothing to keep
    }
  }

  /** Reads the message up to the lone dot, keeping only its Date header. */
  private void data(InputStream in) throws IOException {
    String date = null;
    String messageId = null;
    boolean headers = true;
    long size = 0;
    String line;
    while ((line = readLine(in)) != null) {
      if (line.equals(".")) {
        break;
      }
      size += line.length() + 2;
      if (headers) {
        if (line.isEmpty()) {
          headers = false;
        } else if (date == null && line.regionMatches(true, 0, "Date:", 0, 5)) {
          date = line.substring(5).trim();
        } else if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
          messageId = line.substring(11).trim();
        }
      }
    }
    received(date, messageId, size);
  }

  private void received(String date, String messageId, long size) {
    long now = System.currentTimeMillis();
    mails.incrementAndGet();
    bytes.addAndGet(size);
    synchronized (this) {
      if (firstAt == 0) {
        firstAt = now;
      }
      lastAt = now;
      long second = (now - startedAt) / 1000;
      if (perSecond.isEmpty() || perSecond.get(perSecond.size() - 1)[0] != second) {
        perSecond.add(new long[] {second, 0});
      }
      perSecond.get(perSecond.size() - 1)[1]++;
      if (receipts != null && messageId != null) {
        try {
          receipts.write(now + "\t" + messageId + "\n");
        } catch (IOException e) {
          System.err.println("mail sink: " + e);
        }
      }
      if (date == null) {
        undated.incrementAndGet();
        return;
      }
      try {
        long sent =
            ZonedDateTime.parse(date.replaceAll("\\s*\\(.*\\)$", ""), RFC_1123)
                .toInstant()
                .toEpochMilli();
        long delay = Math.max(0, now - sent);
        delayBuckets[(int) Math.min(delayBuckets.length - 1, delay / 10)]++;
      } catch (RuntimeException e) {
        undated.incrementAndGet();
      }
    }
  }

  private synchronized double percentile(double p) {
    long total = 0;
    for (long c : delayBuckets) {
      total += c;
    }
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(p * total);
    long seen = 0;
    for (int i = 0; i < delayBuckets.length; i++) {
      seen += delayBuckets[i];
      if (seen >= rank) {
        return i * 10.0;
      }
    }
    return Double.NaN;
  }

  synchronized void writeStats(Path file) throws IOException {
    if (receipts != null) {
      receipts.flush();
    }
    StringBuilder seconds = new StringBuilder();
    for (long[] s : perSecond) {
      seconds
          .append(seconds.length() == 0 ? "" : ", ")
          .append('[')
          .append(s[0])
          .append(", ")
          .append(s[1])
          .append(']');
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\"mails\": %d, \"bytes\": %d, \"connections\": %d, \"undated\": %d,"
                + " \"dateDelayP50Ms\": %s, \"dateDelayP99Ms\": %s, \"dateDelayMaxMs\": %s,"
                + " \"startedAt\": \"%s\", \"firstAt\": %s, \"lastAt\": %s, \"heapUsedMb\": %d,"
                + " \"perSecond\": [%s]}%n",
            mails.get(),
            bytes.get(),
            connections.get(),
            undated.get(),
            num(percentile(0.5)),
            num(percentile(0.99)),
            num(percentile(1.0)),
            Instant.ofEpochMilli(startedAt),
            firstAt == 0 ? "null" : "\"" + Instant.ofEpochMilli(firstAt) + "\"",
            lastAt == 0 ? "null" : "\"" + Instant.ofEpochMilli(lastAt) + "\"",
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
            seconds);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve(file.getFileName() + ".tmp");
    Files.writeString(temp, json);
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String num(double d) {
    return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.0f", d);
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A line without its CRLF (or LF), or null at the end of the stream; long lines are cut. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
      }
      if (line.size() < 8192) {
        line.write(b);
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }
}
