package org.liandong.notices;

import java.util.Map;
import org.liandong.domain.NoticeKind;

/** A notice to write: its key (the fact and the person: told once), kind, person and what it names. */
public record NoticeDraft(String key, NoticeKind kind, String userId, Map<String, Object> props) {
  /** The fact the notice tells (its key without the person). */
  public String fact() {
    return key.substring(0, key.lastIndexOf('|'));
  }

  Map<String, Object> row() {
    return Map.of("key", key, "kind", kind.name(), "userId", userId, "props", props);
  }
}
