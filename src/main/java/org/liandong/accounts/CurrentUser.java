package org.liandong.accounts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.liandong.support.Failure;

/** The authenticated person behind a request. */
public record CurrentUser(String id, String username, String displayName, Set<Role> roles,
                          String departmentId, String departmentName) {
  static final String KEY = "liandong.user";

  public static CurrentUser of(RoutingContext ctx) {
    CurrentUser user = ctx.get(KEY);
    if (user == null) throw new Failure.Unauthorized("log in first");
    return user;
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }

  public boolean isAny(Role... wanted) {
    for (var r : wanted) if (roles.contains(r)) return true;
    return false;
  }

  /** Throws 403 unless the user holds one of the roles. */
  public CurrentUser require(String what, Role... wanted) {
    if (!isAny(wanted)) throw new Failure.Forbidden("your role may not " + what);
    return this;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("displayName", displayName)
        .put("roles", new JsonArray(roles.stream().map(Role::key).sorted().toList()))
        .put("departmentId", departmentId).put("departmentName", departmentName);
  }
}
