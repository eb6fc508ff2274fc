package org.liandong.console;

import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.liandong.support.Text;
import org.neo4j.cypher.internal.parser.v25.Cypher25Parser;

/** One pass over the parse tree, refusing at the first part outside the allow-lists. */
final class GuardWalk {
  private final Cypher25Parser parser;
  private final Map<String, Object> params;
  private int statements;
  private long ranges = 1;

  GuardWalk(Cypher25Parser parser, Map<String, Object> params) {
    this.parser = parser;
    this.params = params == null ? Map.of() : params;
  }

  void visit(ParseTree node) {
    if (node instanceof ParserRuleContext ctx) {
      check(ctx);
      for (int i = 0; i < ctx.getChildCount(); i++) visit(ctx.getChild(i));
    }
  }

  private void check(ParserRuleContext ctx) {
    var rule = parser.getRuleNames()[ctx.getRuleIndex()];
    if (!Grammar.RULES.contains(rule)) refuse(forbidden(rule), ctx);
    switch (rule) {
      case "statement" -> {
        if (++statements > 1) refuse(Text.key("server.console.oneStatementTimeConsole"), ctx);
      }
      case "labelExpression1" -> label(ctx);
      case "labelType", "relType", "labelOrRelType" -> name(ctx, CypherGuard.last(ctx, Cypher25Parser.SymbolicNameStringContext.class));
      case "property" -> property(ctx, ctx.getChild(Cypher25Parser.PropertyKeyNameContext.class, 0));
      case "properties" -> patternProperties(ctx);
      case "stringLiteral" -> {
        if (ctx.getText().length() > CypherGuard.MAX_LITERAL + 2) {
          refuse(Text.key("server.console.stringQueryMayMost", "maxLiteral", CypherGuard.MAX_LITERAL), ctx);
        }
      }
      case "mapProjectionElement" -> {
        if (ctx.getChildCount() == 2 && ctx.getChild(1) instanceof TerminalNode t && "*".equals(t.getText())) {
          refuse(Text.key("server.console.readsEveryPropertyName"), ctx);
        }
      }
      case "postFix" -> {
        if (ctx instanceof Cypher25Parser.IndexPostfixContext index) index(index);
      }
      case "functionInvocation" -> function((Cypher25Parser.FunctionInvocationContext) ctx);
      case "callClause" -> procedure((Cypher25Parser.CallClauseContext) ctx);
      case "comparisonExpression6" -> {
        if (ctx instanceof Cypher25Parser.StringAndListComparisonContext c && c.REGEQ() != null) regex(c);
      }
      default -> { }
    }
  }

  private static Text forbidden(String rule) {
    return switch (rule) {
      case "createClause", "insertClause", "mergeClause", "setClause", "removeClause", "deleteClause", "foreachClause" ->
          Text.key("server.console.consoleReadOnlyClause");
      case "loadCSVClause" -> Text.key("server.console.loadCsvReadsFiles");
      case "useClause" -> Text.key("server.console.consoleReadsOnlyDatabase");
      case "subqueryInTransactionsParameters" -> Text.key("server.console.callTransactionsNotAllowed");
      case "reduceExpression", "allReduceExpression" -> Text.key("server.console.reduceBuildsValueStep");
      case "dynamicProperty", "dynamicExpression", "dynamicAnyAllExpression", "dynamicLabelType" -> Text.key("server.console.dynamicLabelsPropertyAccess");
      case "command" -> Text.key("server.console.administrationCommandsNotAllowed");
      default -> Text.key("server.console.partCypherNotAllowed", "rule", rule);
    };
  }

  private void label(ParserRuleContext ctx) {
    if (ctx instanceof Cypher25Parser.DynamicLabelContext) refuse(forbidden("dynamicExpression"), ctx);
    if (ctx instanceof Cypher25Parser.LabelNameContext) name(ctx, CypherGuard.last(ctx, Cypher25Parser.SymbolicNameStringContext.class));
  }

  private void name(ParserRuleContext at, ParserRuleContext nameCtx) {
    if (nameCtx == null) return;
    var name = CypherGuard.unquote(nameCtx.getText());
    if (!Reach.label(name) && !Reach.type(name)) {
      refuse(Text.key("server.console.notLabelRelationshipType", "name", name, "labels", Reach.LABELS.keySet()), at);
    }
  }

  private void property(ParserRuleContext at, ParserRuleContext key) {
    if (key == null) return;
    var name = CypherGuard.unquote(key.getText());
    if (!Reach.PROPERTIES.contains(name)) {
      refuse(Text.key("server.console.propertyNotOneConsole", "name", name), at);
    }
  }

  private void patternProperties(ParserRuleContext ctx) {
    var map = ctx.getChild(Cypher25Parser.MapContext.class, 0);
    if (map == null) {
      refuse(Text.key("server.console.patternSPropertiesMust"), ctx);
    }
    for (var key : map.getRuleContexts(Cypher25Parser.PropertyKeyNameContext.class)) property(ctx, key);
  }

  private void index(Cypher25Parser.IndexPostfixContext ctx) {
    var text = ctx.getChild(1).getText();
    var value = text.startsWith("$") ? params.get(text.substring(1)) : text;
    if (!(value instanceof Number) && !(value instanceof String s && s.matches("-?\\d+"))) {
      refuse(Text.key("server.console.mayOnlyIndexList"), ctx);
    }
  }

  private void function(Cypher25Parser.FunctionInvocationContext ctx) {
    var name = CypherGuard.unquote(ctx.functionName().getText()).toLowerCase(Locale.ROOT);
    if (name.equals("properties")) {
      refuse(Text.key("server.console.propertiesReadsEveryProperty"), ctx);
    }
    if (!Grammar.FUNCTIONS.contains(name)) {
      refuse(Text.key("server.console.functionNotAllowList", "name", name), ctx);
    }
    if (name.equals("range")) range(ctx);
    if (name.equals("replace")) replace(ctx);
  }

  /** A range's values are made in memory before the timeout can look: its bounds must be constants, within budget. */
  private void range(Cypher25Parser.FunctionInvocationContext ctx) {
    var args = ctx.functionArgument().stream().map(a -> constant(a.getText())).toList();
    if (args.size() < 2 || args.contains(null)) {
      refuse(Text.key("server.console.rangeNeedsWholeNumber"), ctx);
    }
    long step = args.size() > 2 ? Math.max(1, Math.abs(args.get(2))) : 1;
    long span = Math.abs(args.get(1) - args.get(0)) / step + 1;
    ranges = span > CypherGuard.RANGE_BUDGET ? CypherGuard.RANGE_BUDGET + 1 : ranges * span;
    if (ranges > CypherGuard.RANGE_BUDGET) {
      refuse(Text.key("server.console.rangesQueryWouldMake", "rangeBudget", CypherGuard.RANGE_BUDGET), ctx);
    }
  }

  /** Each replace() may lengthen a string by its replacement's length; nested ones would multiply it. */
  private void replace(Cypher25Parser.FunctionInvocationContext ctx) {
    var args = ctx.functionArgument();
    var growing = args.size() == 3 && args.get(0).getText().toLowerCase(Locale.ROOT).contains("replace(");
    var replacement = args.size() == 3 ? args.get(2).getText() : "";
    if (growing || !(replacement.startsWith("'") || replacement.startsWith("\"")) || replacement.length() > 66) {
      refuse(Text.key("server.console.replaceTakesReplacementWritten"), ctx);
    }
  }

  private Long constant(String text) {
    var value = text.startsWith("$") ? params.get(text.substring(1)) : text;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
    if (value instanceof String s && s.matches("-?\\d{1,15}")) return Long.parseLong(s);
    return null;
  }

  private void procedure(Cypher25Parser.CallClauseContext ctx) {
    var name = CypherGuard.unquote(ctx.procedureName().getText()).toLowerCase(Locale.ROOT);
    if (!Grammar.PROCEDURES.contains(name)) {
      refuse(Text.key("server.console.procedureNotAllowList", "name", name, "procedures", Grammar.PROCEDURES), ctx);
    }
  }

  /**
   * Java's regular expressions backtrack: {@code (.*a){12}} against 40 characters runs for
   * minutes and no timeout interrupts it. A pattern must be a constant without quantified
   * groups or back-references, with at most two unbounded repetitions.
   */
  private void regex(Cypher25Parser.StringAndListComparisonContext ctx) {
    var text = ctx.expression6().getText();
    Object value = text.startsWith("$") ? params.get(text.substring(1))
        : text.length() >= 2 && (text.startsWith("'") || text.startsWith("\"")) ? text.substring(1, text.length() - 1) : null;
    if (!(value instanceof String pattern) || !safe(pattern)) {
      refuse(Text.key("server.console.needsConstantPatternMost"), ctx);
    }
  }

  static boolean safe(String pattern) {
    if (pattern.length() > 200 || pattern.matches("(?s).*\\\\\\d.*") || pattern.matches("(?s).*\\)\\s*[*+?{].*")) return false;
    int unbounded = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '*' || c == '+' || (c == '{' && pattern.indexOf(',', i) > i && pattern.indexOf('}', i) == pattern.indexOf(',', i) + 1)) {
        unbounded++;
      }
    }
    return unbounded <= 2;
  }

  private void refuse(Text reason, ParserRuleContext at) {
    var part = at.getStart() == null ? null : at.getStart().getInputStream()
        .getText(org.antlr.v4.runtime.misc.Interval.of(at.getStart().getStartIndex(),
            at.getStop() == null ? at.getStart().getStopIndex() : Math.max(at.getStart().getStopIndex(), at.getStop().getStopIndex())));
    throw new CypherGuard.Refused(new CypherGuard.Refusal(reason, part == null || part.length() <= 80 ? part : part.substring(0, 77) + "…"));
  }
}
