package org.liandong.console;

import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.liandong.support.Text;
import org.neo4j.cypher.internal.parser.v25.Cypher25Lexer;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser;

/**
 * The console's first layer: the query is parsed with Neo4j's own Cypher 25 grammar (the parser
 * of the embedded 2026.08.1 server; ConsoleGuardTest's corpus guards an upgrade) and every part
 * of its parse tree must be on an allow-list: read clauses, the domain's labels, types and
 * properties ({@link Reach}), allow-listed functions and procedures, bounded ranges and
 * regular expressions that cannot backtrack without end. The READ transaction, EXPLAIN's query
 * type, the timeout and the caps are the layers behind it.
 */
final class CypherGuard {
  /** The most values every range() of a query may produce together (their product). */
  static final long RANGE_BUDGET = 100_000;
  /** Longer literals would let a bounded range still build a huge value (a literal per value). */
  static final int MAX_LITERAL = 1_000;
  private static final int MAX_NESTING = 48;

  /** Why not, where, and whether it is the query's shape (a syntax error, 400) rather than what it asks (422). */
  record Refusal(Text reason, String part, boolean syntax) {
    Refusal(Text reason, String part) {
      this(reason, part, false);
    }
  }

  static final class Refused extends RuntimeException {
    final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(null, null, false, false);
      this.refusal = refusal;
    }
  }

  private CypherGuard() {}

  /** Null when the query may go on to EXPLAIN; otherwise why not, and which part. */
  static Refusal check(String cypher, Map<String, Object> params) {
    var deep = nesting(cypher);
    if (deep != null) return deep;
    try {
      var parser = parser(cypher);
      var tree = parser.statements();
      new GuardWalk(parser, params).visit(tree);
      return null;
    } catch (Refused e) {
      return e.refusal;
    } catch (ParseCancellationException e) {
      return new Refusal(Text.key("server.console.notCypherQueryConsole", "e", e.getMessage()), null, true);
    }
  }

  private static Cypher25Parser parser(String cypher) {
    var lexer = new Cypher25Lexer(CharStreams.fromString(cypher));
    lexer.removeErrorListeners();
    var parser = new Cypher25Parser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    var syntax = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg, RecognitionException e) {
        throw new ParseCancellationException("line " + line + ", column " + (column + 1) + ": " + msg);
      }
    };
    lexer.addErrorListener(syntax);
    parser.addErrorListener(syntax);
    return parser;
  }

  /** A parser's stack is not a place for a 3,000-deep list: count brackets first. */
  private static Refusal nesting(String cypher) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < cypher.length(); i++) {
      char c = cypher.charAt(i);
      if (c == '(' || c == '[' || c == '{') max = Math.max(max, ++depth);
      else if (c == ')' || c == ']' || c == '}') depth--;
    }
    return max > MAX_NESTING ? new Refusal(Text.key("server.console.nestedMoreThanLevels", "maxNesting", MAX_NESTING), null) : null;
  }

  static <T extends ParserRuleContext> T last(ParserRuleContext ctx, Class<T> type) {
    List<T> found = ctx.getRuleContexts(type);
    return found.isEmpty() ? null : found.get(found.size() - 1);
  }

  static String unquote(String name) {
    return name.replace("`", "");
  }

}
