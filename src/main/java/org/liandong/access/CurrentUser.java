package org.liandong.access;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/** The authenticated person behind a request or a socket. */
public record CurrentUser(String id, String username, String displayName, Set<Role> roles,
                          String departmentId, String departmentName) {
  /** Where the request carries the signed-in person (the session handler puts them there). */
  public static final String KEY = "liandong.user";

  public static CurrentUser of(RoutingContext ctx) {
    CurrentUser user = ctx.get(KEY);
    if (user == null) throw new Failure.Unauthorized(Text.key("server.access.logFirst"));
    return user;
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  public boolean isAny(Role... wanted) {
    for (var r : wanted) if (roles.contains(r)) return true;
    return false;
  }

  /** How the person is named to others: the display name, the username when there is none. */
  public String name() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("displayName", displayName)
        .put("roles", new JsonArray(roles.stream().map(Role::key).sorted().toList()))
        .put("departmentId", departmentId).put("departmentName", departmentName);
  }
}
