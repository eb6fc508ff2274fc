package org.liandong.support;

import java.util.Map;

/**
 * The fields a person sent to create or change something, each checked against the contract and
 * typed ({@link Body#read}); an explicit null clears a property. The service adds what a change
 * stamps (a date, who did it) before the repository writes it.
 */
public final class Patch extends Fields {
  private Patch(Map<String, ?> values) {
    super(values);
  }

  public static Patch of(Map<String, ?> values) {
    return new Patch(values);
  }

  public static Patch empty() {
    return new Patch(Map.of());
  }

  /** Sets a field (null clears the property). */
  public Patch set(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** Sets a field unless it was sent. */
  public Patch setIfAbsent(String name, Object value) {
    values.putIfAbsent(name, value);
    return this;
  }

  /** Takes a field out, answering its value. */
  public Object remove(String name) {
    return values.remove(name);
  }

  public Patch copy() {
    return new Patch(values);
  }
}
