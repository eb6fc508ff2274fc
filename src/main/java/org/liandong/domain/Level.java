package org.liandong.domain;

import java.util.Arrays;
import java.util.List;

/** The levels of government a department or a project belongs to. */
public enum Level {
  province("省级", "Province"), city("市级", "City"), district("区级", "District");

  public final String zh;
  public final String en;

  Level(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
