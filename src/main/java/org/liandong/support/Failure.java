package org.liandong.support;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The small family of failures a user can cause. The failure handler maps each to its
 * status code; anything else is our bug and becomes a 500.
 */
public sealed abstract class Failure extends RuntimeException {

  Failure(String message) {
    super(message, null, false, false);
  }

  public abstract int status();

  public abstract String code();

  /** Extra members of the error body (field messages, current state). */
  public JsonObject details() {
    return new JsonObject();
  }

  public static NotFound notFound(String what, String id) {
    return new NotFound(what + " '" + id + "' does not exist");
  }

  public static Invalid invalid(String field, String message) {
    return new Invalid(Map.of(field, message));
  }

  public static final class NotFound extends Failure {
    public NotFound(String message) { super(message); }
    public int status() { return 404; }
    public String code() { return "not_found"; }
  }

  /** A rule of the domain refuses the request as sent (400 for shape, 422 for meaning). */
  public static final class Invalid extends Failure {
    private final Map<String, String> fields;
    private final int status;

    public Invalid(Map<String, String> fields) {
      this(400, fields);
    }

    public Invalid(int status, Map<String, String> fields) {
      super(describe(fields));
      this.fields = Map.copyOf(fields);
      this.status = status;
    }

    public static Invalid unprocessable(String field, String message) {
      return new Invalid(422, Map.of(field, message));
    }

    public Map<String, String> fields() { return fields; }
    public int status() { return status; }
    public String code() { return status == 400 ? "invalid" : "unprocessable"; }

    @Override
    public JsonObject details() {
      return new JsonObject().put("fields", new JsonObject(Map.copyOf(fields)));
    }

    private static String describe(Map<String, String> fields) {
      var sb = new StringBuilder();
      fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
          sb.append(sb.isEmpty() ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue()));
      return sb.toString();
    }
  }

  /** The resource changed since the client read it, or its state forbids the write. */
  public static final class Conflict extends Failure {
    private final JsonObject current;

    public Conflict(String message, JsonObject current) {
      super(message);
      this.current = current;
    }

    public int status() { return 409; }
    public String code() { return "conflict"; }

    @Override
    public JsonObject details() {
      return current == null ? new JsonObject() : new JsonObject().put("current", current);
    }
  }

  public static final class Unauthorized extends Failure {
    public Unauthorized(String message) { super(message); }
    public int status() { return 401; }
    public String code() { return "unauthorized"; }
  }

  public static final class Forbidden extends Failure {
    public Forbidden(String message) { super(message); }
    public int status() { return 403; }
    public String code() { return "forbidden"; }
  }

  /** A write arrived without the version it was based on. */
  public static final class PreconditionRequired extends Failure {
    public PreconditionRequired(String message) { super(message); }
    public int status() { return 428; }
    public String code() { return "version_required"; }
  }
}
