package org.liandong.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads settings strictly: a value that is not one of the accepted forms stops the start-up with
 * one line naming the variable and what it accepts, never a silent default ("ture" is not true).
 */
final class Env {
  private final Map<String, String> env;

  Env(Map<String, String> env) {
    this.env = env;
  }

  /** A setting the server cannot use as given. */
  static final class BadSetting extends IllegalArgumentException {
    BadSetting(String name, String value, String accepted) {
      super(name + "='" + value + "' is not accepted; use " + accepted);
    }
  }

  private Optional<String> raw(String name) {
    var value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  String text(String name, String fallback) {
    return raw(name).orElse(fallback);
  }

  Optional<String> optional(String name) {
    return raw(name);
  }

  boolean bool(String name, boolean fallback) {
    return raw(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadSetting(name, v, "true or false");
    }).orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    return raw(name).map(v -> {
      try {
        int n = Integer.parseInt(v);
        if (n >= min && n <= max) return n;
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new BadSetting(name, v, "a whole number from " + min + " to " + max);
    }).orElse(fallback);
  }

  ZoneId zone(String name, String fallback) {
    var v = raw(name).orElse(fallback);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new BadSetting(name, v, "a time-zone name such as Asia/Shanghai");
    }
  }

  /** An existing folder, when the variable is set. */
  Optional<Path> folder(String name) {
    return raw(name).map(v -> {
      try {
        var path = Path.of(v).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(path)) throw new BadSetting(name, v, "an existing folder");
        return path;
      } catch (java.nio.file.InvalidPathException e) {
        throw new BadSetting(name, v, "an existing folder");
      }
    });
  }

  Optional<java.time.LocalDate> date(String name) {
    return raw(name).map(v -> {
      try {
        return java.time.LocalDate.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        throw new BadSetting(name, v, "a date yyyy-MM-dd, e.g. 2023-07-04");
      }
    });
  }

  Path path(String name, String fallback) {
    var v = raw(name).orElse(fallback);
    try {
      return Path.of(v).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new BadSetting(name, v, "a folder path");
    }
  }

  Optional<URI> neo4jUri(String name) {
    return raw(name).map(v -> {
      try {
        var uri = URI.create(v);
        if (String.valueOf(uri.getScheme()).matches("bolt(\\+s|\\+ssc)?|neo4j(\\+s|\\+ssc)?") && uri.getHost() != null) return uri;
      } catch (IllegalArgumentException e) {
        // refused below
      }
      throw new BadSetting(name, v, "bolt://host:port or neo4j://host:port (or their +s / +ssc forms)");
    });
  }

  /** A comma-separated list of host:port, each port a number in 1..65535. */
  List<String> members(String name) {
    var members = list(name);
    for (var m : members) {
      int colon = m.lastIndexOf(':');
      int port;
      try {
        port = colon > 0 ? Integer.parseInt(m.substring(colon + 1)) : -1;
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) throw new BadSetting(name, String.join(",", members), "host:port[,host:port...], e.g. 10.0.0.1:5701,10.0.0.2:5701");
    }
    return members;
  }

  List<String> list(String name) {
    return raw(name).map(v -> List.of(v.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
