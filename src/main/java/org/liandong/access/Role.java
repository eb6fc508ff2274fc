package org.liandong.access;

import java.util.Arrays;
import java.util.List;

/** What a person does in the product; a user may hold several. */
public enum Role {
  ADMIN, COORDINATOR, OFFICER, LEADER, ANALYST,
  /** A wall screen's account: reads what everyone reads, changes nothing, logs in by its kiosk link. */
  WALL;

  public String key() {
    return name().toLowerCase();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Role::key).toList();
  }

  public static Role of(String key) {
    return valueOf(key.toUpperCase());
  }
}
