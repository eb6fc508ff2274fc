package org.liandong.live;

import io.vertx.core.Future;
import java.util.Map;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.Graph;

/**
 * Who may watch which channel. Everyone signed in reads projects; a department's channel is its
 * officers' and the office's; a user's channel is their own; a meeting room is open to the
 * service office, leaders, analysts and the departments that owe something on its projects.
 */
final class Access {
  private final Graph graph;

  Access(Graph graph) {
    this.graph = graph;
  }

  Future<Void> check(CurrentUser user, Channel channel) {
    return switch (channel.kind()) {
      case "project" -> exists(LiveCypher.PROJECT, channel);
      case "department" -> {
        if (user.is(Role.OFFICER) && !user.isAny(Role.ADMIN, Role.COORDINATOR)
            && !channel.id().equals(user.departmentId())) {
          yield Future.failedFuture(Refusal.forbidden("officers may watch only their own department's channel"));
        }
        yield exists(LiveCypher.DEPARTMENT, channel);
      }
      case "user" -> user.id().equals(channel.id()) || user.is(Role.ADMIN)
          ? exists(LiveCypher.USER, channel)
          : Future.failedFuture(Refusal.forbidden("a user's channel is theirs alone"));
      case "meeting" -> meeting(user, channel);
      default -> Future.failedFuture(new Refusal("invalid", "unknown channel kind " + channel.kind()));
    };
  }

  private Future<Void> meeting(CurrentUser user, Channel channel) {
    var params = new java.util.HashMap<String, Object>();
    params.put("id", channel.id());
    params.put("departmentId", user.departmentId());
    return graph.query(LiveCypher.MEETING, params).compose(rows -> {
      if (rows.isEmpty()) return Future.failedFuture(Refusal.notFound(channel));
      boolean office = user.isAny(Role.ADMIN, Role.COORDINATOR, Role.LEADER, Role.ANALYST);
      return office || rows.get(0).get("owes").asBoolean()
          ? Future.succeededFuture()
          : Future.failedFuture(Refusal.forbidden(
              "this meeting concerns projects your department owes nothing on; ask the service office to invite you"));
    });
  }

  private Future<Void> exists(String query, Channel channel) {
    return graph.query(query, Map.of("id", channel.id())).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Refusal.notFound(channel))
        : Future.succeededFuture());
  }
}
