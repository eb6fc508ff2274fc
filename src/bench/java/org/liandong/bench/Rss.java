package org.liandong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size from /proc, in bytes. */
final class Rss {
  private Rss() {}

  static long self() {
    return of("self");
  }

  static long of(String pid) {
    try {
      for (var line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }
}
