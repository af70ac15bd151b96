package org.patientportal.crypto.boundary;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sealed columns of a feature's entities, for its {@link SealedValues}: re-wrapping reads and
 * writes only the wrapped data keys (and their key versions), never the ciphertexts, and a row is
 * re-wrapped only if its key version is still the one read (a concurrent writer wins). Runs in the
 * caller's transaction and entity manager.
 */
public final class SealedColumns {

  /**
   * One sealed column group: the entity's name, the path of its {@code Sealed}, and the path of its
   * id.
   */
  public record Column(String entity, String sealed, String id) {

    /** A column of an entity whose id is {@code id}. */
    public static Column of(String entity, String sealed) {
      return new Column(entity, sealed, "id");
    }
  }

  private final List<Column> columns;

  public SealedColumns(Column... columns) {
    this.columns = List.of(columns);
  }

  /** Re-wraps at most {@code limit} data keys not under the current key; returns how many. */
  public int rewrapBatch(EntityManager em, Crypto crypto, int limit) {
    int current = crypto.currentKeyVersion();
    int done = 0;
    for (Column column : columns) {
      if (done >= limit) {
        break;
      }
      String path = "e." + column.sealed();
      String id = "e." + column.id();
      List<Object[]> rows =
          em.createQuery(
                  "select %s, %s.wrappedKey, %s.keyVersion from %s e where %s.keyVersion <> :current"
                      .formatted(id, path, path, column.entity(), path),
                  Object[].class)
              .setParameter("current", current)
              .setMaxResults(limit - done)
              .getResultList();
      for (Object[] row : rows) {
        int old = (Integer) row[2];
        done +=
            em.createQuery(
                    ("update %s e set %s.wrappedKey = :key, %s.keyVersion = :current"
                            + " where %s = :id and %s.keyVersion = :old")
                        .formatted(column.entity(), path, path, id, path))
                .setParameter("key", crypto.rewrapKey((byte[]) row[1], old))
                .setParameter("current", current)
                .setParameter("id", row[0])
                .setParameter("old", old)
                .executeUpdate();
      }
    }
    return done;
  }

  /** How many sealed values each key version protects, over all the columns. */
  public Map<Integer, Long> countByKeyVersion(EntityManager em) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Column column : columns) {
      String version = "e." + column.sealed() + ".keyVersion";
      for (Object[] row :
          em.createQuery(
                  "select %s, count(e) from %s e group by %s"
                      .formatted(version, column.entity(), version),
                  Object[].class)
              .getResultList()) {
        counts.merge((Integer) row[0], (Long) row[1], Long::sum);
      }
    }
    return counts;
  }
}
