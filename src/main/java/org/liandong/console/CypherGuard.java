package org.liandong.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first layer of the console's safety: reads the query's tokens (comments dropped, strings
 * and backticked names kept apart, any case, any Unicode space) and refuses, naming the part,
 * what an analyst must never run: writes, schema and administration commands, LOAD CSV,
 * CALL { } IN TRANSACTIONS, USE of another database, several statements, and procedures or
 * namespaced functions outside the allow-list. The READ session and EXPLAIN's query type are
 * the layers behind it.
 */
final class CypherGuard {
  static final Set<String> PROCEDURES = Set.of("db.labels", "db.relationshiptypes", "db.propertykeys",
      "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");
  static final Set<String> FUNCTION_NAMESPACES = Set.of("date", "datetime", "localdatetime", "localtime", "time",
      "duration", "point", "vector");
  /** Words that only ever begin a write, a schema change or an administration command. */
  private static final Set<String> FORBIDDEN = Set.of("create", "merge", "delete", "detach", "set", "remove", "drop",
      "alter", "rename", "grant", "deny", "revoke", "foreach", "load", "show", "terminate", "deallocate",
      "reallocate", "enable", "transactions", "explain", "profile", "dryrun");

  record Refusal(String reason, String part) {}

  private enum Kind { WORD, QUOTED_NAME, STRING, SYMBOL }

  private record Token(Kind kind, String text) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean word(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }
  }

  /** Null when the query may go on to EXPLAIN; otherwise why not and which part. */
  static Refusal check(String cypher) {
    List<Token> tokens;
    try {
      tokens = tokens(cypher);
    } catch (IllegalArgumentException e) {
      return new Refusal(e.getMessage(), null);
    }
    for (int i = 0; i < tokens.size(); i++) {
      var t = tokens.get(i);
      var before = i > 0 ? tokens.get(i - 1) : null;
      var after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (t.is(";") && tokens.subList(i + 1, tokens.size()).stream().anyMatch(x -> !x.is(";"))) {
        return new Refusal("one statement at a time: the console runs a single read query", ";");
      }
      if (t.kind() != Kind.WORD || (before != null && (before.is(".") || before.is(":") || before.is("$")))
          || (after != null && after.is(":") && !t.text().equalsIgnoreCase("set"))) {
        continue;
      }
      var word = t.text().toLowerCase(Locale.ROOT);
      if (FORBIDDEN.contains(word)) {
        return new Refusal(switch (word) {
          case "load" -> "LOAD CSV reads files and URLs; the console only reads the graph";
          case "transactions" -> "CALL { } IN TRANSACTIONS and transaction commands are not allowed";
          case "show", "terminate", "grant", "deny", "revoke", "alter", "rename", "enable", "deallocate", "reallocate" ->
              "administration commands are not allowed in the console";
          case "drop" -> "schema changes are not allowed in the console";
          case "explain", "profile" -> "ask for the plan with \"plan\": \"explain\" or \"profile\" instead of writing it";
          default -> "the console is read-only: " + t.text().toUpperCase(Locale.ROOT) + " would change the graph";
        }, t.text());
      }
      if ((word.equals("start") || word.equals("stop")) && after != null
          && (after.word("database") || after.word("server"))) {
        return new Refusal("administration commands are not allowed in the console", t.text() + " " + after.text());
      }
      if (word.equals("use") && after != null && (after.kind() == Kind.WORD || after.kind() == Kind.QUOTED_NAME)) {
        return new Refusal("the console reads only this database; USE is not allowed", "USE " + after.text());
      }
      if (word.equals("call") && after != null && !after.is("{") && !after.is("(")) {
        var name = dotted(tokens, i + 1);
        if (!PROCEDURES.contains(name.toLowerCase(Locale.ROOT))) {
          return new Refusal("procedure " + name + " is not on the allow-list (" + String.join(", ", PROCEDURES) + ")", "CALL " + name);
        }
      }
    }
    // namespaced functions: name.name( … outside the allow-list
    for (int i = 0; i < tokens.size(); i++) {
      var t = tokens.get(i);
      if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_NAME) continue;
      if (i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).word("call"))) continue;
      int end = i;
      while (end + 2 < tokens.size() && tokens.get(end + 1).is(".")
          && (tokens.get(end + 2).kind() == Kind.WORD || tokens.get(end + 2).kind() == Kind.QUOTED_NAME)) {
        end += 2;
      }
      var name = dotted(tokens, i);
      boolean call = end + 1 < tokens.size() && tokens.get(end + 1).is("(");
      if (call && name.contains(".")) {
        var namespace = name.substring(0, name.indexOf('.')).toLowerCase(Locale.ROOT);
        if (!FUNCTION_NAMESPACES.contains(namespace)) {
          return new Refusal("function " + name + " is not on the allow-list (built-in functions and "
              + String.join(".*, ", FUNCTION_NAMESPACES) + ".*)", name + "(");
        }
      }
    }
    return null;
  }

  /** A possibly dotted, possibly backticked name starting at index i. */
  private static String dotted(List<Token> tokens, int i) {
    var name = new StringBuilder();
    while (i < tokens.size() && (tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.QUOTED_NAME)) {
      if (!name.isEmpty()) name.append('.');
      name.append(tokens.get(i).text());
      if (i + 1 < tokens.size() && tokens.get(i + 1).is(".")) i += 2; else break;
    }
    return name.toString();
  }

  private static List<Token> tokens(String s) {
    var out = new ArrayList<Token>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
        i++;
      } else if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) throw new IllegalArgumentException("a /* comment */ is not closed");
        i = end + 2;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
        if (j >= s.length()) throw new IllegalArgumentException("a string is not closed");
        out.add(new Token(Kind.STRING, s.substring(i + 1, j)));
        i = j + 1;
      } else if (c == '`') {
        var name = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= s.length()) throw new IllegalArgumentException("a `quoted name` is not closed");
          if (s.charAt(j) == '`') {
            if (j + 1 < s.length() && s.charAt(j + 1) == '`') { name.append('`'); j += 2; continue; }
            break;
          }
          name.append(s.charAt(j++));
        }
        out.add(new Token(Kind.QUOTED_NAME, name.toString()));
        i = j + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        out.add(new Token(Kind.WORD, s.substring(i, j)));
        i = j;
      } else {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return out;
  }
}
