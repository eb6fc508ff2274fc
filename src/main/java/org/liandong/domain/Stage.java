package org.liandong.domain;

import java.util.Arrays;
import java.util.List;
import org.liandong.support.Catalogue;

/** Where a project stands, from signing to production (the 四库: 签约, 备案, 开工, 投产, and the steps between). */
public enum Stage {
  signed, filed, land, permitted,
  started, producing;

  /** Its name in each language, from the catalogue ({@code stage.<name>}). */
  public final String zh = Catalogue.zh("stage." + name());
  public final String en = Catalogue.en("stage." + name());

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** Has the project reached this stage? */
  public boolean reached(Stage other) {
    return ordinal() >= other.ordinal();
  }
}
