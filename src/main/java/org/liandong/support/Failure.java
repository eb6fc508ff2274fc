package org.liandong.support;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small family of failures a request can meet, each with its status code and its words in
 * both languages. The failure handler and the live endpoint map them; anything else is our
 * bug (500), or, for the database being out of reach, a 503.
 */
public sealed abstract class Failure extends RuntimeException {
  private final Text text;

  Failure(Text text) {
    super(text.en(), null, false, false);
    this.text = text;
  }

  public abstract int status();

  /** A stable code for clients: invalid, unprocessable, not_found, conflict, forbidden, … */
  public abstract String code();

  public Text text() {
    return text;
  }

  /** Extra members of the error body (field messages, current state). */
  public JsonObject details() {
    return new JsonObject();
  }

  public static NotFound notFound(Noun what, String id) {
    return new NotFound(Text.key("server.support.doesNotExist", "what", Text.of(String.valueOf(what.en()), String.valueOf(what.zh())), "id", id));
  }

  public static Invalid invalid(String field, Text message) {
    return new Invalid(400, Map.of(field, message));
  }

  /** Values that may be true but are odd: sent again with {@code confirmed: true} they are written (domain.Plausible). */
  public static Invalid unconfirmed(Map<String, Text> fields) {
    return new Invalid(422, fields, true);
  }

  public static Invalid unprocessable(String field, Text message) {
    return new Invalid(422, Map.of(field, message));
  }

  public static Forbidden forbidden(Text message) {
    return new Forbidden(message);
  }

  public static Conflict conflict(Text message, JsonObject current) {
    return new Conflict(message, current);
  }

  public static final class NotFound extends Failure {
    public NotFound(Text text) { super(text); }
    public int status() { return 404; }
    public String code() { return "not_found"; }
  }

  /** The request as sent: its shape (400) or a rule of the domain (422), field by field. */
  public static final class Invalid extends Failure {
    private final Map<String, Text> fields;
    private final int status;
    private final boolean confirmable;

    public Invalid(int status, Map<String, Text> fields) {
      this(status, fields, false);
    }

    Invalid(int status, Map<String, Text> fields, boolean confirmable) {
      super(describe(fields));
      this.fields = Map.copyOf(fields);
      this.status = status;
      this.confirmable = confirmable;
    }

    public Map<String, Text> fields() { return fields; }
    public int status() { return status; }
    public String code() {
      if (confirmable) return "unconfirmed";
      return switch (status) {
        case 400 -> "invalid";
        case 413 -> "too_large";
        case 415 -> "unsupported_media_type";
        default -> "unprocessable";
      };
    }

    @Override
    public JsonObject details() {
      var en = new JsonObject();
      var zh = new JsonObject();
      new java.util.TreeMap<>(fields).forEach((k, v) -> {
        en.put(k, v.en());
        zh.put(k, v.zh());
      });
      return new JsonObject().put("fields", en).put("fieldsZh", zh);
    }

    private static Text describe(Map<String, Text> fields) {
      var en = new StringBuilder();
      var zh = new StringBuilder();
      new java.util.TreeMap<>(fields).forEach((k, v) -> {
        var label = Catalogue.label(k);
        en.append(en.isEmpty() ? "" : "; ").append(label.en()).append(": ").append(v.en());
        zh.append(zh.isEmpty() ? "" : "；").append(label.zh()).append("：").append(v.zh());
      });
      return Text.of(en.toString(), zh.toString());
    }
  }

  /**
   * A document sent whole (an imported workbook) with problems in many places: each with where it
   * is (sheet, row, cell) and what, in both languages, in {@code problems}; nothing was written.
   */
  public static final class Listed extends Failure {
    private final io.vertx.core.json.JsonArray problems;
    private final int status;

    public Listed(int status, Text text, io.vertx.core.json.JsonArray problems) {
      super(text);
      this.status = status;
      this.problems = problems;
    }

    public int status() { return status; }
    public String code() { return status == 409 ? "conflict" : "unprocessable"; }

    @Override
    public JsonObject details() {
      return new JsonObject().put("problems", problems);
    }
  }

  /** The resource changed since the client read it, or its state forbids the write. */
  public static final class Conflict extends Failure {
    private final JsonObject current;

    public Conflict(Text text, JsonObject current) {
      super(text);
      this.current = current;
    }

    public int status() { return 409; }
    public String code() { return "conflict"; }

    @Override
    public JsonObject details() {
      return current == null ? new JsonObject() : new JsonObject().put("current", current);
    }
  }

  /** Something that was there and is no more: a link used once already, or past its time. */
  public static final class Gone extends Failure {
    public Gone(Text text) { super(text); }
    public int status() { return 410; }
    public String code() { return "gone"; }
  }

  public static final class Unauthorized extends Failure {
    public Unauthorized(Text text) { super(text); }
    public int status() { return 401; }
    public String code() { return "unauthorized"; }
  }

  public static final class Forbidden extends Failure {
    public Forbidden(Text text) { super(text); }
    public int status() { return 403; }
    public String code() { return "forbidden"; }
  }

  /** A write arrived without the version it was based on. */
  public static final class PreconditionRequired extends Failure {
    public PreconditionRequired(Text text) { super(text); }
    public int status() { return 428; }
    public String code() { return "version_required"; }
  }

  /** A refusal that passes: try again after {@code retryAfterSeconds} (sent as Retry-After). */
  public abstract static sealed class Retry extends Failure {
    private final long retryAfterSeconds;

    Retry(Text text, long retryAfterSeconds) {
      super(text);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() { return retryAfterSeconds; }

    @Override
    public JsonObject details() {
      return new JsonObject().put("retryAfter", retryAfterSeconds);
    }
  }

  /** Too many attempts (logins, console queries at once). */
  public static final class TooMany extends Retry {
    public TooMany(Text text, long retryAfterSeconds) { super(text, retryAfterSeconds); }
    public int status() { return 429; }
    public String code() { return "too_many"; }
  }

  /** Something we depend on (the database) is out of reach: nothing was done. */
  public static final class Unavailable extends Retry {
    public Unavailable(Text text, long retryAfterSeconds) { super(text, retryAfterSeconds); }
    public int status() { return 503; }
    public String code() { return "unavailable"; }
  }

  /** A thing a message names, in both languages ("project" / "项目"). */
  public record Noun(String en, String zh) {
    /** The noun under {@code key} in the catalogue. */
    public static Noun of(String key) {
      return new Noun(Catalogue.en(key), Catalogue.zh(key));
    }
  }

  /** Field problems collected one by one (a request with three mistakes hears of all three), refused together. */
  public static final class Problems {
    private final Map<String, Text> found = new LinkedHashMap<>();

    public Problems add(String field, Text message) {
      found.putIfAbsent(field, message);
      return this;
    }

    public boolean isEmpty() { return found.isEmpty(); }

    public int size() { return found.size(); }

    /** Fails with a 400 (the request's shape) or 422 (the domain's rules) listing every problem, if any. */
    public <T> io.vertx.core.Future<T> orElse(int status, java.util.function.Supplier<io.vertx.core.Future<T>> next) {
      return found.isEmpty() ? next.get() : io.vertx.core.Future.failedFuture(new Invalid(status, found));
    }

    public void check(int status) {
      if (!found.isEmpty()) throw new Invalid(status, found);
    }
  }
}
