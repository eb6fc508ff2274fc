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
        if (++statements > 1) refuse(Text.of("one statement at a time: the console runs a single read query",
            "一次只能运行一条只读查询"), ctx);
      }
      case "labelExpression1" -> label(ctx);
      case "labelType", "relType", "labelOrRelType" -> name(ctx, CypherGuard.last(ctx, Cypher25Parser.SymbolicNameStringContext.class));
      case "property" -> property(ctx, ctx.getChild(Cypher25Parser.PropertyKeyNameContext.class, 0));
      case "properties" -> patternProperties(ctx);
      case "stringLiteral" -> {
        if (ctx.getText().length() > CypherGuard.MAX_LITERAL + 2) {
          refuse(Text.of("a string in the query may be at most " + CypherGuard.MAX_LITERAL + " characters", "查询中的字符串最多 " + CypherGuard.MAX_LITERAL + " 个字符"), ctx);
        }
      }
      case "mapProjectionElement" -> {
        if (ctx.getChildCount() == 2 && ctx.getChild(1) instanceof TerminalNode t && "*".equals(t.getText())) {
          refuse(Text.of("{.*} reads every property; name the properties you want, e.g. n {.name, .code}",
              "{.*} 会读取全部属性，请列出所需属性，如 n {.name, .code}"), ctx);
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
          Text.of("the console is read-only: this clause would change the graph", "图查询为只读，此子句会修改图数据");
      case "loadCSVClause" -> Text.of("LOAD CSV reads files and URLs; the console only reads the graph", "LOAD CSV 会读取文件或网址，图查询只读取图数据");
      case "useClause" -> Text.of("the console reads only this database; USE is not allowed", "图查询只读取本数据库，不允许 USE");
      case "subqueryInTransactionsParameters" -> Text.of("CALL { } IN TRANSACTIONS is not allowed", "不允许 CALL { } IN TRANSACTIONS");
      case "reduceExpression", "allReduceExpression" -> Text.of(
          "reduce() builds a value step by step without a bound; use an aggregation (sum, collect) instead",
          "reduce() 会无限制地逐步构造值，请改用聚合函数（sum、collect）");
      case "dynamicProperty", "dynamicExpression", "dynamicAnyAllExpression", "dynamicLabelType" -> Text.of(
          "dynamic labels and property access are not allowed; name the label or property", "不允许动态标签或动态属性，请写明标签或属性名");
      case "command" -> Text.of("administration commands are not allowed in the console", "图查询不允许管理命令");
      default -> Text.of("this part of Cypher (" + rule + ") is not allowed in the console", "图查询不允许使用该语法（" + rule + "）");
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
      refuse(Text.of(name + " is not a label or relationship type of the domain graph (" + String.join(", ", Reach.LABELS.keySet()) + ")",
          name + " 不是业务图中的标签或关系类型"), at);
    }
  }

  private void property(ParserRuleContext at, ParserRuleContext key) {
    if (key == null) return;
    var name = CypherGuard.unquote(key.getText());
    if (!Reach.PROPERTIES.contains(name)) {
      refuse(Text.of("property " + name + " is not one the console may read", "属性 " + name + " 不在图查询可读范围内"), at);
    }
  }

  private void patternProperties(ParserRuleContext ctx) {
    var map = ctx.getChild(Cypher25Parser.MapContext.class, 0);
    if (map == null) {
      refuse(Text.of("a pattern's properties must be written out, e.g. (p:Project {code: $code}), not given as one parameter",
          "模式中的属性须逐一写明，如 (p:Project {code: $code})，不能整体作为参数"), ctx);
    }
    for (var key : map.getRuleContexts(Cypher25Parser.PropertyKeyNameContext.class)) property(ctx, key);
  }

  private void index(Cypher25Parser.IndexPostfixContext ctx) {
    var text = ctx.getChild(1).getText();
    var value = text.startsWith("$") ? params.get(text.substring(1)) : text;
    if (!(value instanceof Number) && !(value instanceof String s && s.matches("-?\\d+"))) {
      refuse(Text.of("[...] may only index a list by a whole number; name a property with .name instead",
          "[...] 只能用整数索引列表，读取属性请用 .属性名"), ctx);
    }
  }

  private void function(Cypher25Parser.FunctionInvocationContext ctx) {
    var name = CypherGuard.unquote(ctx.functionName().getText()).toLowerCase(Locale.ROOT);
    if (name.equals("properties")) {
      refuse(Text.of("properties() reads every property; name the properties you want", "properties() 会读取全部属性，请列出所需属性"), ctx);
    }
    if (!Grammar.FUNCTIONS.contains(name)) {
      refuse(Text.of("function " + name + " is not on the allow-list of the console's functions",
          "函数 " + name + " 不在图查询允许的函数列表中"), ctx);
    }
    if (name.equals("range")) range(ctx);
    if (name.equals("replace")) replace(ctx);
  }

  /** A range's values are made in memory before the timeout can look: its bounds must be constants, within budget. */
  private void range(Cypher25Parser.FunctionInvocationContext ctx) {
    var args = ctx.functionArgument().stream().map(a -> constant(a.getText())).toList();
    if (args.size() < 2 || args.contains(null)) {
      refuse(Text.of("range() needs whole-number bounds written in the query or given as parameters",
          "range() 的上下界须为写在查询中或以参数给出的整数"), ctx);
    }
    long step = args.size() > 2 ? Math.max(1, Math.abs(args.get(2))) : 1;
    long span = Math.abs(args.get(1) - args.get(0)) / step + 1;
    ranges = span > CypherGuard.RANGE_BUDGET ? CypherGuard.RANGE_BUDGET + 1 : ranges * span;
    if (ranges > CypherGuard.RANGE_BUDGET) {
      refuse(Text.of("the ranges of this query would make more than " + CypherGuard.RANGE_BUDGET + " values together",
          "本查询的 range() 合计会产生超过 " + CypherGuard.RANGE_BUDGET + " 个值"), ctx);
    }
  }

  /** Each replace() may lengthen a string by its replacement's length; nested ones would multiply it. */
  private void replace(Cypher25Parser.FunctionInvocationContext ctx) {
    var args = ctx.functionArgument();
    var growing = args.size() == 3 && args.get(0).getText().toLowerCase(Locale.ROOT).contains("replace(");
    var replacement = args.size() == 3 ? args.get(2).getText() : "";
    if (growing || !(replacement.startsWith("'") || replacement.startsWith("\"")) || replacement.length() > 66) {
      refuse(Text.of("replace() takes a replacement written in the query (at most 64 characters) and may not be nested",
          "replace() 的替换内容须写在查询中（最多 64 个字符），且不能嵌套"), ctx);
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
      refuse(Text.of("procedure " + name + " is not on the allow-list (" + String.join(", ", Grammar.PROCEDURES) + ")",
          "过程 " + name + " 不在允许列表中"), ctx);
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
      refuse(Text.of("=~ needs a constant pattern of at most 200 characters, without repeated groups or back-references"
              + " and with at most two of * + {n,}; for plain matching use CONTAINS, STARTS WITH or ENDS WITH",
          "=~ 只接受不超过 200 字符的固定模式，不能有重复的分组或反向引用，* + {n,} 最多两处；一般匹配请用 CONTAINS、STARTS WITH 或 ENDS WITH"), ctx);
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
