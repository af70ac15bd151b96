package org.patientportal.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.patientportal.audit.control.ChainCodec;
import org.patientportal.audit.control.ChainRow;
import org.patientportal.audit.control.ChainSealer;
import org.patientportal.crypto.control.Envelope;
import org.patientportal.crypto.control.KeyEncryptionKeys;
import org.patientportal.crypto.control.SearchKey;
import org.patientportal.crypto.entity.Sealed;
import org.patientportal.messaging.control.SubjectIndex;
import org.patientportal.messaging.control.SubjectWords;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a portal database on PostgreSQL for the load benchmark: patients, clinicians and staff in
 * pools, threads of messages between each patient and their pool, and the access log entries those
 * messages leave (a MESSAGE_SENT per message, a MESSAGE_OPENED by the other side). The data is what
 * the portal itself would write: subjects and bodies sealed by the portal's {@link Envelope} with
 * the installation's own key-encryption key (the key store under the server's data folder), with
 * the same associated data ("thread/{id}/subject", "thread/{id}/message/{id}/body"); the access log
 * chained by the portal's {@link ChainCodec} after the chain's head, so that {@code GET
 * /audit/verify} still says valid (the portal signs its next checkpoint over the new head by
 * itself).
 *
 * <p>Run it with the portal stopped (the portal must have started once on the database, which
 * migrates it and writes its installation id and key store). Rows are written by COPY, one
 * transaction per chunk of threads (the head of the chain moves with each); sealing runs on {@code
 * --workers} threads. Ids are taken above the sequences' values, which are then moved past them.
 * Alongside, it writes the benchmark's sample (users, their peer and some of their threads) and the
 * Keycloak users of the sample (a partial-import document) with the demo's password.
 *
 * <pre>
 * java -cp benchmarks.jar org.patientportal.bench.DataGenerator --data-dir=&lt;server&gt;/standalone/data \
 *   [--jdbc=jdbc:postgresql://127.0.0.1:5432/bench] [--patients=10000] [--clinicians=400] [--staff=100]
 *   [--pools=50] [--messages=1000000] [--per-thread=5] [--sample-patients=200] [--sample-clinicians=20]
 *   [--out=target/bench] [--workers=2]
 * </pre>
 */
public final class DataGenerator {

  static final String PASSWORD = "Demo-pass-2026";
  static final String CLIENT = "10.20.0.";
  static final String AGENT = "Mozilla/5.0 (portal-bench DataGenerator)";
  static final String[] CATEGORIES = {
    "STATUS", "APPOINTMENT", "PRESCRIPTION", "REFERRAL", "TEST_RESULT", "BILLING", "GENERAL"
  };
  static final String[] SUBJECTS = {
    "Pregunta sobre mi cita del martes",
    "Renewal of my tamoxifen prescription",
    "Resultados de laboratorio — ¿están listos?",
    "Referral to physical therapy",
    "Question about my bill 🧾",
    "Side effects after the second infusion",
    "¿Puedo cambiar la hora de la radioterapia?",
    "Follow-up after the mammogram"
  };
  static final String FILLER =
      "Buenos días, doctora. I have a question about the treatment plan we discussed: the nausea is"
          + " better since Monday, pero todavía me cuesta dormir. Should I keep the same dose, or"
          + " wait until the next visit? Gracias por su ayuda. ";

  private final Map<String, String> opts;
  private final int patients;
  private final int clinicians;
  private final int staff;
  private final int pools;
  private final long messages;
  private final int perThread;
  private final int workers;
  private final Path out;

  /** The installation's search key (beside the key store), for the subjects' blind index. */
  private SearchKey searchKey;

  /** The installation's key store, as {@link #keys} found it. */
  private Path keyStore;

  private DataGenerator(Map<String, String> opts) {
    this.opts = opts;
    patients = Integer.parseInt(opts.getOrDefault("patients", "10000"));
    clinicians = Integer.parseInt(opts.getOrDefault("clinicians", "400"));
    staff = Integer.parseInt(opts.getOrDefault("staff", "100"));
    pools = Integer.parseInt(opts.getOrDefault("pools", "50"));
    messages = Long.parseLong(opts.getOrDefault("messages", "1000000"));
    perThread = Integer.parseInt(opts.getOrDefault("per-thread", "5"));
    workers =
        Integer.parseInt(
            opts.getOrDefault(
                "workers", Integer.toString(Runtime.getRuntime().availableProcessors())));
    out = Path.of(opts.getOrDefault("out", "target/bench"));
    if (clinicians < pools || staff < pools && staff > 0 || patients < pools) {
      throw new IllegalArgumentException("each pool needs a clinician and patients");
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("options are --name=value: " + a);
      }
      opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    new DataGenerator(opts).run();
  }

  static String patient(int i) {
    return String.format("bp%05d", i + 1);
  }

  static String clinician(int i) {
    return String.format("bc%04d", i + 1);
  }

  static String staffMember(int i) {
    return String.format("bs%04d", i + 1);
  }

  static String pool(int i) {
    return String.format("bench-%02d", i + 1);
  }

  int poolOf(int patient) {
    return patient % pools;
  }

  /** The clinicians of pool {@code p}: those whose index is p modulo the pool count. */
  String clinicianOf(int pool, int k) {
    int perPool = clinicians / pools;
    return clinician(pool + pools * Math.floorMod(k, perPool));
  }

  private void run() throws Exception {
    long t0 = System.nanoTime();
    String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/bench");
    try (Connection c =
        DriverManager.getConnection(
            jdbc,
            opts.getOrDefault("user", "postgres"),
            opts.getOrDefault("password", "postgres"))) {
      c.setAutoCommit(false);
      KeyEncryptionKeys keys = keys(c);
      searchKey = searchKey();
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

      sealPending(c, now);
      users(c, copy, now);
      c.commit();
      System.out.printf("users and pools: %.1f s%n", (System.nanoTime() - t0) / 1e9);

      messages(c, copy, keys, now);
      System.out.printf(
          "done in %.1f s (%d patients, %d clinicians, %d staff, %d pools, %d messages)%n",
          (System.nanoTime() - t0) / 1e9, patients, clinicians, staff, pools, messages);
    }
  }

  /** The installation's key store, as the portal opens it (the demo's password unless told). */
  private KeyEncryptionKeys keys(Connection c) throws SQLException {
    String path = opts.get("keystore");
    if (path == null) {
      String id;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select id from installation")) {
        if (!rs.next()) {
          throw new IllegalStateException(
              "no installation id: start the portal once on this database");
        }
        id = rs.getString(1);
      }
      String data = opts.get("data-dir");
      if (data == null) {
        throw new IllegalArgumentException(
            "--data-dir=<server>/standalone/data or --keystore=<file>");
      }
      path = Path.of(data, "portal", id, "keys", "portal-kek.bcfks").toString();
    }
    if (!Files.exists(Path.of(path))) {
      throw new IllegalStateException("no key store at " + path);
    }
    char[] password =
        opts.getOrDefault("keystore-password", "demo-keystore-password-not-for-production")
            .toCharArray();
    keyStore = Path.of(path);
    KeyEncryptionKeys keys = KeyEncryptionKeys.openOrCreate(keyStore, password, new SecureRandom());
    System.out.println("key store " + path + ", key version " + keys.currentVersion());
    return keys;
  }

  /**
   * The search key the portal indexes subjects with: its own store beside the key store (made here
   * when the portal has not made it yet, exactly as the portal would), with the same password.
   */
  private SearchKey searchKey() {
    Path file = SearchKey.fileBeside(keyStore);
    char[] password =
        opts.getOrDefault("keystore-password", "demo-keystore-password-not-for-production")
            .toCharArray();
    SearchKey key = SearchKey.openOrCreate(file, password, new SecureRandom());
    System.out.println("search key " + file + ", version " + key.version());
    return key;
  }

  /** Chains what the portal left unsealed, so that the generated entries follow a sealed head. */
  private static void sealPending(Connection c, Instant now) throws SQLException {
    ChainSealer sealer = new ChainSealer();
    int n;
    int total = 0;
    while ((n = sealer.seal(c, 5000, now)) > 0) {
      total += n;
    }
    c.commit();
    if (total > 0) {
      System.out.println("sealed " + total + " entries the portal had not chained yet");
    }
  }

  /** Reserves {@code count} ids of {@code sequence} above its value; returns the first. */
  private static long reserve(Connection c, String sequence, long count) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select nextval('" + sequence + "')")) {
      rs.next();
      long first = rs.getLong(1) + 1000;
      try (Statement set = c.createStatement()) {
        set.executeQuery("select setval('" + sequence + "', " + (first + count + 1000) + ")")
            .close();
      }
      return first;
    }
  }

  private void users(Connection c, CopyManager copy, Instant now) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select count(*) from portal_user where username = 'bp00001'")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException(
            "this database has generated data already; use a fresh one");
      }
    }
    long userId = reserve(c, "portal_user_seq", patients + clinicians + staff);
    long poolId = reserve(c, "care_pool_seq", pools);
    StringBuilder u = new StringBuilder();
    String created = now.minus(Duration.ofDays(400)).toString();
    for (int i = 0; i < patients; i++) {
      u.append(userId++)
          .append("\t0\t")
          .append(patient(i))
          .append("\tPaciente ")
          .append(i + 1)
          .append(i % 3 == 0 ? " Núñez" : i % 3 == 1 ? " O'Brien" : " García-Löw")
          .append('\t')
          .append(patient(i))
          .append("@portal.test\t")
          .append(i % 2 == 0 ? "es" : "en")
          .append('\t')
          .append(created)
          .append("\t\\N\t")
          .append(String.format("BENCH%07d", i + 1))
          .append('\n');
    }
    for (int i = 0; i < clinicians + staff; i++) {
      String name = i < clinicians ? clinician(i) : staffMember(i - clinicians);
      u.append(userId++)
          .append("\t0\t")
          .append(name)
          .append('\t')
          .append(i < clinicians ? "Dr. Clínico " + (i + 1) : "Enfermera " + (i - clinicians + 1))
          .append('\t')
          .append(name)
          .append("@portal.test\ten\t")
          .append(created)
          .append("\t\\N\t\\N\n");
    }
    copyIn(
        copy,
        "portal_user (id, version, username, display_name, email, preferred_language,"
            + " created_at, last_sign_in_at, mrn)",
        u);

    StringBuilder p = new StringBuilder();
    StringBuilder m = new StringBuilder();
    StringBuilder pp = new StringBuilder();
    for (int i = 0; i < pools; i++) {
      long id = poolId + i;
      p.append(id)
          .append('\t')
          .append(pool(i))
          .append("\tPool ")
          .append(i + 1)
          .append(" — Oncología\n");
      for (int k = i; k < clinicians; k += pools) {
        m.append(id).append('\t').append(clinician(k)).append("\tCLINICIAN\n");
      }
      for (int k = i; k < staff; k += pools) {
        m.append(id).append('\t').append(staffMember(k)).append("\tSTAFF\n");
      }
      for (int k = i; k < patients; k += pools) {
        pp.append(id).append('\t').append(patient(k)).append('\n');
      }
    }
    copyIn(copy, "care_pool (id, code, name)", p);
    copyIn(copy, "care_pool_member (pool_id, username, member_role)", m);
    copyIn(copy, "care_pool_patient (pool_id, patient)", pp);
  }

  private static void copyIn(CopyManager copy, String table, CharSequence rows) throws Exception {
    if (rows.length() > 0) {
      copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
    }
  }

  // --- threads, messages, access log

  /** What a worker made of a chunk of threads: COPY text, and the audit rows still to chain. */
  record Chunk(
      StringBuilder threads,
      StringBuilder messages,
      StringBuilder readers,
      StringBuilder tokens,
      List<ChainRow> audit,
      long messages_) {}

  private void messages(Connection c, CopyManager copy, KeyEncryptionKeys keys, Instant now)
      throws Exception {
    long threadCount = Math.max(1, messages / perThread);
    long threadBase = reserve(c, "message_thread_seq", threadCount);
    // a thread has at most 2 * perThread - 1 messages; ids are given per thread from its index
    int maxPerThread = 2 * perThread - 1;
    long messageBase = reserve(c, "message_seq", threadCount * maxPerThread);
    long auditBase = reserve(c, "audit_entry_seq", threadCount * maxPerThread * 2);
    c.commit();

    Envelope envelope = new Envelope(keys, new SecureRandom());
    Instant from = now.minus(Duration.ofDays(365));
    // threads start up to 5 days ago; a thread's messages span at most (2 * perThread - 2) * 10.2 h
    // (3.4 days at 5), so no message is dated after the generation (a benchmark's "since the run
    // started" must find only the run's own messages)
    long span = Duration.between(from, now.minus(Duration.ofDays(5))).toSeconds();

    Sample sample = new Sample();
    int chunkSize = 2000;
    long chunks = (threadCount + chunkSize - 1) / chunkSize;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
    ChainCodec codec = new ChainCodec();
    long written = 0;
    long audits = 0;
    long t0 = System.nanoTime();
    try {
      long next = 0;
      while (next < chunks || !pending.isEmpty()) {
        while (next < chunks && pending.size() < workers * 2) {
          long first = next * chunkSize;
          long last = Math.min(threadCount, first + chunkSize);
          pending.add(
              pool.submit(
                  () ->
                      chunk(
                          first,
                          last,
                          threadCount,
                          threadBase,
                          messageBase,
                          auditBase,
                          maxPerThread,
                          from,
                          span,
                          envelope,
                          sample)));
          next++;
        }
        Chunk chunk = pending.poll().get();
        copyIn(
            copy,
            "message_thread (id, version, patient, category, recipient_kind, recipient,"
                + " started_by, started_at, last_message_id, last_message_at, last_message_by,"
                + " message_count, status, done_by, done_at, subject_ciphertext, subject_nonce,"
                + " subject_wrapped_key, subject_key_version, subject_index_version)",
            chunk.threads());
        copyIn(copy, "thread_subject_token (token, thread_id)", chunk.tokens());
        copyIn(
            copy,
            "message (id, thread_id, author, sent_at, read_receipt, body_ciphertext,"
                + " body_nonce, body_wrapped_key, body_key_version)",
            chunk.messages());
        copyIn(
            copy, "thread_reader (thread_id, reader, read_through_id, read_at)", chunk.readers());
        audits += chain(c, copy, codec, chunk.audit(), now);
        c.commit();
        written += chunk.messages_();
        if ((next % 25 == 0 && pending.isEmpty()) || written % 100_000 < chunk.messages_()) {
          System.out.printf(
              "  %d messages, %d audit entries, %.0f s%n",
              written, audits, (System.nanoTime() - t0) / 1e9);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "messages: %d threads, %d messages, %d audit entries in %.1f s%n",
        threadCount, written, audits, (System.nanoTime() - t0) / 1e9);
    try (Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    c.commit();
    sample.write(out, this);
  }

  /** Chains {@code rows} after the head (locked until the commit) and copies them in. */
  private static long chain(
      Connection c, CopyManager copy, ChainCodec codec, List<ChainRow> rows, Instant now)
      throws Exception {
    ChainSealer.Head head = ChainSealer.lockHead(c);
    long position = head.position();
    byte[] hash = head.hash();
    StringBuilder b = new StringBuilder(rows.size() * 300);
    HexFormat hex = HexFormat.of();
    for (ChainRow r : rows) {
      position++;
      ChainRow at =
          new ChainRow(
              r.seq(),
              position,
              r.occurredMicros(),
              r.actor(),
              r.actorRole(),
              r.onBehalfOf(),
              r.patient(),
              r.action(),
              r.resource(),
              r.outcome(),
              r.clientAddress(),
              r.userAgent(),
              null);
      hash = codec.link(hash, at);
      Instant when = Instant.EPOCH.plus(r.occurredMicros(), ChronoUnit.MICROS);
      b.append(r.seq())
          .append('\t')
          .append(when)
          .append('\t')
          .append(r.actor())
          .append('\t')
          .append(r.actorRole())
          .append("\t\\N\t")
          .append(r.patient())
          .append('\t')
          .append(r.action())
          .append('\t')
          .append(r.resource())
          .append('\t')
          .append(r.outcome())
          .append('\t')
          .append(r.clientAddress())
          .append('\t')
          .append(r.userAgent())
          .append('\t')
          .append(position)
          .append("\t\\\\x")
          .append(hex.formatHex(hash))
          .append('\n');
    }
    copyIn(
        copy,
        "audit_entry (seq, occurred_at, actor, actor_role, on_behalf_of, patient, action,"
            + " resource, outcome, client_address, user_agent, chain_position, chain_hash)",
        b);
    try (PreparedStatement h =
        c.prepareStatement(
            "update audit_chain_head set chain_position = ?, head_hash = ?, sealed_at = ? where id = 1")) {
      h.setLong(1, position);
      h.setBytes(2, hash);
      h.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      h.executeUpdate();
    }
    return rows.size();
  }

  /**
   * Threads {@code [first, last)}: deterministic per thread index, so chunks can run in any order.
   */
  private Chunk chunk(
      long first,
      long last,
      long threadCount,
      long threadBase,
      long messageBase,
      long auditBase,
      int maxPerThread,
      Instant from,
      long span,
      Envelope envelope,
      Sample sample) {
    StringBuilder t = new StringBuilder();
    StringBuilder m = new StringBuilder();
    StringBuilder r = new StringBuilder();
    StringBuilder tokens = new StringBuilder();
    List<ChainRow> audit = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    long count = 0;
    for (long ti = first; ti < last; ti++) {
      SplittableRandom rnd = new SplittableRandom(ti * 0x9E3779B97F4A7C15L);
      long threadId = threadBase + ti;
      int p = (int) (ti % patients);
      String patient = patient(p);
      int poolIndex = poolOf(p);
      boolean toPool = rnd.nextInt(10) < 3;
      String clinician = clinicianOf(poolIndex, rnd.nextInt(1000));
      String recipient = toPool ? pool(poolIndex) : clinician;
      int n = 1 + rnd.nextInt(maxPerThread);
      Instant at = from.plusSeconds(span * ti / threadCount).truncatedTo(ChronoUnit.MICROS);
      Instant latest = from.plus(Duration.ofDays(364)).plusSeconds(ti % 3600);
      String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
      String subject = SUBJECTS[rnd.nextInt(SUBJECTS.length)] + " #" + (ti + 1);
      Sealed subjectSealed = seal(envelope, subject, "thread/" + threadId + "/subject");
      long lastMessageId = 0;
      String lastBy = patient;
      Instant lastAt = at;
      String client = CLIENT + (1 + p % 250);
      for (int k = 0; k < n; k++) {
        long messageId = messageBase + ti * maxPerThread + k;
        String author = k % 2 == 0 ? patient : clinician;
        String reader = k % 2 == 0 ? clinician : patient;
        Instant sent = min(at.plusSeconds(k * (600L + rnd.nextInt(36_000))), latest);
        String body =
            FILLER.substring(0, 40 + rnd.nextInt(FILLER.length() - 40))
                + " ("
                + (ti + 1)
                + "/"
                + (k + 1)
                + ")";
        Sealed b = seal(envelope, body, "thread/" + threadId + "/message/" + messageId + "/body");
        m.append(messageId)
            .append('\t')
            .append(threadId)
            .append('\t')
            .append(author)
            .append('\t')
            .append(sent)
            .append("\tf\t");
        bytea(m, hex, b.ciphertext()).append('\t');
        bytea(m, hex, b.nonce()).append('\t');
        bytea(m, hex, b.wrappedKey()).append('\t').append(b.keyVersion()).append('\n');
        long seq = auditBase + (ti * maxPerThread + k) * 2;
        audit.add(
            entry(
                seq,
                sent,
                author,
                k % 2 == 0 ? "patient" : "clinician",
                patient,
                "MESSAGE_SENT",
                messageId,
                client));
        if (k < n - 1 || ti < threadCount * 9 / 10) {
          Instant opened = sent.plusSeconds(60 + rnd.nextInt(3600));
          audit.add(
              entry(
                  seq + 1,
                  opened,
                  reader,
                  k % 2 == 0 ? "clinician" : "patient",
                  patient,
                  "MESSAGE_OPENED",
                  messageId,
                  client));
        }
        lastMessageId = messageId;
        lastBy = author;
        lastAt = sent;
        count++;
      }
      boolean done = ti < threadCount * 7 / 10 && rnd.nextInt(10) < 6;
      t.append(threadId)
          .append("\t0\t")
          .append(patient)
          .append('\t')
          .append(category)
          .append('\t')
          .append(toPool ? "POOL" : "USER")
          .append('\t')
          .append(recipient)
          .append('\t')
          .append(patient)
          .append('\t')
          .append(at)
          .append('\t')
          .append(lastMessageId)
          .append('\t')
          .append(lastAt)
          .append('\t')
          .append(lastBy)
          .append('\t')
          .append(n)
          .append('\t')
          .append(done ? "DONE" : "OPEN")
          .append('\t')
          .append(done ? clinician : "\\N")
          .append('\t')
          .append(done ? lastAt.plusSeconds(300).toString() : "\\N")
          .append('\t');
      bytea(t, hex, subjectSealed.ciphertext()).append('\t');
      bytea(t, hex, subjectSealed.nonce()).append('\t');
      bytea(t, hex, subjectSealed.wrappedKey())
          .append('\t')
          .append(subjectSealed.keyVersion())
          .append('\t')
          .append(searchKey.version())
          .append('\n');
      // the subject's blind index, as the portal's SubjectIndex writes it for a new thread
      java.util.Set<Long> distinct = new java.util.LinkedHashSet<>();
      for (String word : SubjectWords.of(subject)) {
        distinct.add(searchKey.token(SubjectIndex.DOMAIN, word));
      }
      for (long token : distinct) {
        tokens.append(token).append('\t').append(threadId).append('\n');
      }
      r.append(threadId)
          .append('\t')
          .append(lastBy)
          .append('\t')
          .append(lastMessageId)
          .append('\t')
          .append(lastAt)
          .append('\n');
      if (ti < threadCount * 9 / 10) {
        String other = lastBy.equals(patient) ? clinician : patient;
        r.append(threadId)
            .append('\t')
            .append(other)
            .append('\t')
            .append(lastMessageId)
            .append('\t')
            .append(lastAt.plusSeconds(60))
            .append('\n');
      }
      sample.offer(p, poolIndex, clinician, toPool, threadId);
    }
    return new Chunk(t, m, r, tokens, audit, count);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static ChainRow entry(
      long seq,
      Instant at,
      String actor,
      String role,
      String patient,
      String action,
      long messageId,
      String client) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
    return new ChainRow(
        seq,
        0,
        micros,
        actor,
        role,
        null,
        patient,
        action,
        "message/" + messageId,
        "SUCCESS",
        client,
        AGENT,
        null);
  }

  private static Sealed seal(Envelope envelope, String text, String owner) {
    return envelope.seal(
        text.getBytes(StandardCharsets.UTF_8), owner.getBytes(StandardCharsets.UTF_8));
  }

  private static StringBuilder bytea(StringBuilder b, HexFormat hex, byte[] bytes) {
    return b.append("\\\\x").append(hex.formatHex(bytes));
  }

  // --- the benchmark's sample

  /**
   * The users the load benchmark acts as: the first patients of each pool (their threads, and the
   * clinician they write to), the first clinician of each pool (threads of their pool or to them).
   */
  final class Sample {
    private final int samplePatients =
        Integer.parseInt(opts.getOrDefault("sample-patients", "200"));
    private final int sampleClinicians =
        Integer.parseInt(opts.getOrDefault("sample-clinicians", "20"));
    private final Map<String, List<Long>> threads = new HashMap<>();

    private boolean samplePatient(int p) {
      return p < Math.min(samplePatients, patients);
    }

    private boolean sampleClinician(int pool, String clinician) {
      return pool < Math.min(sampleClinicians, pools) && clinician.equals(clinicianOf(pool, 0));
    }

    synchronized void offer(int p, int pool, String clinician, boolean toPool, long threadId) {
      if (samplePatient(p)) {
        add(patient(p), threadId);
      }
      String first = clinicianOf(pool, 0);
      if (sampleClinician(pool, first) && (toPool || clinician.equals(first))) {
        add(first, threadId);
      }
    }

    private void add(String user, long threadId) {
      List<Long> list = threads.computeIfAbsent(user, u -> new ArrayList<>());
      if (list.size() < 50) {
        list.add(threadId);
      }
    }

    void write(Path dir, DataGenerator g) throws Exception {
      Files.createDirectories(dir);
      StringBuilder tsv =
          new StringBuilder("# kind\tusername\tpeer\tthreads (written by DataGenerator)\n");
      StringBuilder kc = new StringBuilder("{\"ifResourceExists\": \"SKIP\", \"users\": [\n");
      int n = 0;
      for (int p = 0; p < Math.min(samplePatients, patients); p++) {
        tsv.append("patient\t")
            .append(patient(p))
            .append('\t')
            .append(clinicianOf(poolOf(p), 0))
            .append('\t')
            .append(ids(patient(p)))
            .append('\n');
        kc.append(n++ == 0 ? "" : ",\n").append(keycloakUser(patient(p), "patient"));
      }
      for (int i = 0; i < Math.min(sampleClinicians, pools); i++) {
        String c = clinicianOf(i, 0);
        tsv.append("clinician\t")
            .append(c)
            .append('\t')
            .append(pool(i))
            .append('\t')
            .append(ids(c))
            .append('\n');
        kc.append(",\n").append(keycloakUser(c, "clinician"));
      }
      tsv.append("auditor\taudit.kim\t-\t-\n");
      kc.append("\n]}\n");
      Files.writeString(dir.resolve("sample.tsv"), tsv);
      Files.writeString(dir.resolve("keycloak-users.json"), kc);
      System.out.println(
          "sample: "
              + dir.resolve("sample.tsv")
              + ", Keycloak users: "
              + dir.resolve("keycloak-users.json"));
    }

    private String ids(String user) {
      List<Long> list = threads.getOrDefault(user, List.of());
      return list.isEmpty() ? "-" : String.join(",", list.stream().map(String::valueOf).toList());
    }

    private String keycloakUser(String username, String role) {
      return "{\"username\": \""
          + username
          + "\", \"enabled\": true, \"email\": \""
          + username
          + "@portal.test\", \"emailVerified\": true, \"firstName\": \"Bench\", \"lastName\": \""
          + username
          + "\", \"credentials\": [{\"type\": \"password\", \"value\": \""
          + PASSWORD
          + "\", \"temporary\": false}], \"realmRoles\": [\"default-roles-portal\", \""
          + role
          + "\"]}";
    }
  }
}
