package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Record;

/**
 * Rows of one statement kept by id, for a read model: {@code all} reads every row, {@code some}
 * (with {@code $ids}) the rows of the ids a commit touched. A refresh reads what was touched
 * (or everything after {@link #everything}) and replaces those rows; an id that no longer answers
 * leaves. Touching is thread-safe; refreshing and reading the rows is for one caller at a time
 * (a read model runs its refreshes one after the other: {@link Serial}).
 */
public final class KeptRows<T> {
  private final String all;
  private final String some;
  private final Function<Record, String> id;
  private final Function<Record, T> row;
  private final Map<String, T> rows = new TreeMap<>();
  private final Touched touched = new Touched();

  /** Rows whose id is their {@code id} column. */
  public KeptRows(String all, String some, Function<Record, T> row) {
    this(all, some, r -> r.get("id").asString(), row);
  }

  public KeptRows(String all, String some, Function<Record, String> id, Function<Record, T> row) {
    this.all = all;
    this.some = some;
    this.id = id;
    this.row = row;
  }

  /** The row of {@code id} is read again at the next refresh. */
  public void touch(String id) {
    touched.touch(id);
  }

  /** Every row is read again at the next refresh. */
  public void everything() {
    touched.everything();
  }

  /** What was touched since the last refresh: null for everything. Each touch is handed out once. */
  public Set<String> drain() {
    return touched.drain();
  }

  /**
   * Reads {@code ids} (null: every row) in {@code tx} with {@code params} and replaces them. On a
   * failure the next refresh reads everything, since what was drained was not read.
   */
  public Future<Void> read(Tx tx, Set<String> ids, Map<String, Object> params) {
    if (ids != null && ids.isEmpty()) return Future.succeededFuture();
    var all = new HashMap<>(params);
    if (ids != null) all.put("ids", List.copyOf(ids));
    return tx.list(ids == null ? this.all : some, all).<Void>map(records -> {
      if (ids == null) rows.clear(); else ids.forEach(rows::remove);
      records.forEach(r -> rows.put(id.apply(r), row.apply(r)));
      return null;
    }).onFailure(e -> touched.everything());
  }

  /** The row of {@code id}, or null. */
  public T get(String id) {
    return rows.get(id);
  }

  /** The rows, by id. */
  public Collection<T> values() {
    return rows.values();
  }

  public int size() {
    return rows.size();
  }
}
