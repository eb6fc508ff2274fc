package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.neo4j.driver.Value;

/** Inside a transaction: do the nodes a request refers to exist? A missing one is a 422 on its field. */
public final class Exists {
  private Exists() {}

  public static Future<Void> require(Tx tx, Node label, String id, String field) {
    return id == null ? Future.succeededFuture() : require(tx, label, List.of(id), field);
  }

  public static Future<Void> require(Tx tx, Node label, Collection<String> ids, String field) {
    if (ids == null || ids.isEmpty()) return Future.succeededFuture();
    return tx.first(label.missing, Map.of("ids", List.copyOf(ids))).compose(row -> {
      var missing = row.orElseThrow().get("missing").asList(Value::asString);
      return missing.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(Failure.unprocessable(field, Text.key("server.storage.noId", "noun", Text.of(String.valueOf(label.noun().en()), String.valueOf(label.noun().zh())), "missing", missing)));
    });
  }

  /** Was this failure a uniqueness constraint on the given label and property? */
  public static boolean violates(Throwable error, String label, String property) {
    return error instanceof org.neo4j.driver.exceptions.ClientException ce
        && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(ce.code())
        && String.valueOf(ce.getMessage()).contains("`" + label + "`")
        && String.valueOf(ce.getMessage()).contains("`" + property + "`");
  }
}
