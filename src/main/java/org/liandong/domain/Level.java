package org.liandong.domain;

import java.util.Arrays;
import java.util.List;
import org.liandong.support.Catalogue;

/** The levels of government a department or a project belongs to. */
public enum Level {
  province, city, district;

  /** Its name in each language, from the catalogue ({@code level.<name>}). */
  public final String zh = Catalogue.zh("level." + name());
  public final String en = Catalogue.en("level." + name());

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
