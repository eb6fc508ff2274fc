package org.liandong.obligations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.Status;

/** What a person may do with an obligation, as every answer about one carries it ({@code actions}): the policy's word, never the page's. */
final class Actions {
  private final Policy policy;

  Actions(Policy policy) {
    this.policy = policy;
  }

  /**
   * What this person may do with the obligation, decided here so the page shows only that:
   * the statuses it may move to, and whether they may record a company's feedback.
   */
  JsonObject of(CurrentUser viewer, JsonObject o) {
    var owing = new Subject.Department(o.getString("departmentId"));
    var from = Status.valueOf(o.getString("status"));
    boolean works = policy.allows(viewer, Action.WORK, owing);
    boolean dispatches = policy.allows(viewer, Action.DISPATCH, Subject.NONE);
    var moves = from.next().stream().filter(to -> works && (from != Status.done || dispatches)).map(Enum::name).sorted().toList();
    boolean open = from != Status.done;
    boolean pending = o.getJsonObject("pendingExtension") != null;
    return o.put("actions", new JsonObject().put("moves", new JsonArray(moves))
        .put("feedback", dispatches && "need".equals(o.getString("kind")) && from == Status.done)
        .put("extend", works && open && !pending)
        .put("decideExtension", dispatches && pending)
        .put("sendBack", works && !dispatches && open && o.getString("returnReason") == null)
        .put("documents", works && from == Status.deficient)
        .put("correctDoneAt", works && from == Status.done));
  }

  /** The same actions, every one refused: no moves, every flag false. */
  static void none(JsonObject actions) {
    for (var name : Set.copyOf(actions.fieldNames())) {
      actions.put(name, "moves".equals(name) ? new JsonArray() : false);
    }
  }
}
