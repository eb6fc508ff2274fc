package org.liandong.domain;

import java.util.Arrays;
import java.util.List;

/** Where a project stands, from signing to production (the 四库: 签约, 备案, 开工, 投产, and the steps between). */
public enum Stage {
  signed("签约", "Signed"), filed("备案", "Filed"), land("供地", "Land acquired"), permitted("发证", "Permitted"),
  started("开工", "Started"), producing("投产", "Producing");

  public final String zh;
  public final String en;

  Stage(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** Has the project reached this stage? */
  public boolean reached(Stage other) {
    return ordinal() >= other.ordinal();
  }
}
