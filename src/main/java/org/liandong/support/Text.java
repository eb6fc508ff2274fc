package org.liandong.support;

import java.util.Objects;

/** Words a person reads, in both of the product's languages: zh-CN (the default) and English. */
public record Text(String en, String zh) {
  public Text {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(zh, "zh");
  }

  public static Text of(String en, String zh) {
    return new Text(en, zh);
  }

  /** The catalogue's message under {@code key}; {@code namesAndValues} alternate: a name, its value ({@link Catalogue}). */
  public static Text key(String key, Object... namesAndValues) {
    return Catalogue.text(key, namesAndValues);
  }

  /** Both halves with the same suffix (a name, a path, a number) appended. */
  public Text plus(String suffix) {
    return new Text(en + suffix, zh + suffix);
  }

  @Override
  public String toString() {
    return en;
  }
}
