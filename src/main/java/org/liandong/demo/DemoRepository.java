package org.liandong.demo;

import io.vertx.core.Future;
import java.time.ZonedDateTime;
import java.util.Map;
import org.liandong.storage.Graph;
import org.liandong.storage.Work;

/** What the demo reads of the graph: whether it is empty, and when the scenario was first loaded. */
final class DemoRepository {
  private DemoRepository() {}

  static Future<Boolean> isEmpty(Graph graph) {
    return graph.query(DemoCypher.IS_EMPTY, Map.of()).map(rows -> rows.get(0).get("empty").asBoolean());
  }

  /** When the demo was first loaded (now, the first time it is asked). */
  static Work<ZonedDateTime> firstLoadedAt(ZonedDateTime now) {
    return tx -> tx.first(DemoCypher.FIRST_LOADED, Map.of("real", now)).map(row -> row.orElseThrow().get("firstLoadedAt").asZonedDateTime());
  }
}
