package org.liandong.support;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named values, each read by its type: a node's properties ({@link Props}) or the fields a person
 * sent to change ({@link Patch}). A name not there reads as null; {@link #has} tells an absent
 * field from one set to null.
 */
public abstract sealed class Fields permits Fields.Props, Patch {
  final Map<String, Object> values;

  Fields(Map<String, ?> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public final boolean has(String name) {
    return values.containsKey(name);
  }

  public final Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  public final boolean isEmpty() {
    return values.isEmpty();
  }

  /** The value as it is, for code that passes it on unread (a change shown before and after). */
  public final Object value(String name) {
    return values.get(name);
  }

  public final String text(String name) {
    return (String) values.get(name);
  }

  public final LocalDate date(String name) {
    return (LocalDate) values.get(name);
  }

  public final ZonedDateTime dateTime(String name) {
    return (ZonedDateTime) values.get(name);
  }

  /** A whole number (Neo4j gives longs, a person's JSON may give ints). */
  public final Long integer(String name) {
    return values.get(name) instanceof Number n ? n.longValue() : null;
  }

  public final Double number(String name) {
    return values.get(name) instanceof Number n ? n.doubleValue() : null;
  }

  public final Boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  @SuppressWarnings("unchecked")
  public final List<String> texts(String name) {
    return (List<String>) values.get(name);
  }

  /** The values as the driver takes them: a statement's parameters, a change's before and after. */
  public final Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + values;
  }

  /** A node's properties as read (under its lock, for a write): read only. */
  public static final class Props extends Fields {
    private Props(Map<String, ?> values) {
      super(values);
    }

    public static Props of(Map<String, ?> values) {
      return new Props(values);
    }

    public String id() {
      return text("id");
    }

    /** The version a writer must have read (0 for a node from before versions). */
    public long version() {
      var v = integer("version");
      return v == null ? 0 : v;
    }

    /** These properties with some replaced or added (what a change will make of them). */
    public Props with(Fields changes) {
      var merged = new LinkedHashMap<>(values);
      merged.putAll(changes.values);
      return new Props(merged);
    }
  }
}
