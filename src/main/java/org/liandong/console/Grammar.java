package org.liandong.console;

import java.util.Set;

/** What of Cypher 25 the console allows: grammar rules, procedures, functions (by their parser names). */
final class Grammar {
  private Grammar() {}

  /** Grammar rules a read query is made of. Anything else (writes, commands, dynamic access) is refused. */
  static final Set<String> RULES = Set.of(
      "statements", "statement", "nextStatement", "queryWithLocalDefinitions", "regularQuery", "union", "when",
      "whenBranch", "elseBranch", "singleQuery", "clause", "finishClause", "groupBy", "orderItem", "ascToken", "descToken",
      "orderBy", "skip", "limit", "whereClause", "withClause", "returnClause", "returnBody", "returnItems", "returnItem",
      "matchClause", "matchMode", "hint", "expandHintStep", "filterClause", "unwindClause", "letClause", "letItem",
      "callClause", "procedureName", "procedureArgument", "procedureResultItem", "yieldItem", "yieldClause", "yieldSkip",
      "yieldLimit", "subqueryClause", "subqueryScope", "orderBySkipLimitClause", "patternList", "pattern", "quantifier",
      "anonymousPattern", "shortestPathPattern", "patternElement", "pathPatternPrefix", "nonNegativeIntegerSpecification",
      "pathMode", "groupToken", "pathToken", "pathPatternNonEmpty", "nodePattern", "parenthesizedPath", "nodeLabels",
      "nodeLabelsIs", "labelType", "relType", "labelOrRelType", "properties", "relationshipPattern", "leftArrow",
      "arrowLine", "rightArrow", "pathLength", "labelExpression", "labelExpression4", "labelExpression3", "labelExpression2",
      "labelExpression1", "expression", "expression11", "expression10", "expression9", "expression8", "expression7",
      "comparisonExpression6", "normalForm", "expression6", "expression5", "expression4", "expression3", "expression2",
      "postFix", "property", "expression1", "literal", "caseExpression", "caseAlternative", "extendedCaseExpression",
      "extendedCaseAlternative", "extendedWhen", "listComprehension", "patternComprehension", "listItemsPredicate",
      "normalizeFunction", "trimFunction", "patternExpression", "shortestPathExpression", "parenthesizedExpression",
      "mapProjection", "mapProjectionElement", "countStar", "existsExpression", "countExpression", "collectExpression",
      "numberLiteral", "signedIntegerLiteral", "listLiteral", "propertyKeyName", "parameter", "parameterName",
      "functionInvocation", "functionArgument", "functionName", "namespace", "variable", "type", "typePart", "typeName",
      "typeNullability", "typeListSuffix", "map", "stringLiteral", "symbolicNameString", "escapedSymbolicNameString",
      "unescapedSymbolicNameString", "unescapedSymbolicNameString_", "symbolicVariableNameString",
      "escapedSymbolicVariableNameString", "unescapedSymbolicVariableNameString", "endOfFile", "vectorFunction",
      "vectorDistanceFunction", "vectorNormFunction", "vectorDistanceMetric", "vectorNormDistanceMetric", "vectorCoordinateType");

  static final Set<String> PROCEDURES = Set.of("db.labels", "db.relationshiptypes", "db.propertykeys",
      "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");

  /** Built-in functions an analyst may call; properties() is not one of them (it would read every property). */
  static final Set<String> FUNCTIONS = Set.of("abs", "acos", "asin", "atan", "atan2", "avg", "ceil", "coalesce", "collect",
      "cos", "cot", "count", "degrees", "e", "endnode", "exp", "floor", "haversin", "head", "id", "elementid", "isempty",
      "isnan", "keys", "labels", "last", "left", "length", "log", "log10", "ltrim", "max", "min", "nodes", "percentilecont",
      "percentiledisc", "pi", "radians", "rand", "randomuuid", "range", "relationships", "replace", "reverse", "right",
      "round", "rtrim", "btrim", "sign", "sin", "size", "split", "sqrt", "startnode", "stdev", "stdevp", "substring", "sum",
      "tail", "tan", "toboolean", "tobooleanlist", "tobooleanornull", "tofloat", "tofloatlist", "tofloatornull", "tointeger",
      "tointegerlist", "tointegerornull", "tolower", "tostring", "tostringlist", "tostringornull", "toupper", "trim", "type",
      "valuetype", "lower", "upper", "char_length", "character_length", "nullif", "exists", "point", "point.distance",
      "point.withinbbox", "date", "datetime", "localdatetime", "localtime", "time", "duration", "date.truncate",
      "date.realtime", "date.statement", "date.transaction", "datetime.truncate", "datetime.fromepoch",
      "datetime.fromepochmillis", "datetime.realtime", "datetime.statement", "datetime.transaction",
      "localdatetime.truncate", "localtime.truncate", "time.truncate", "duration.between", "duration.indays",
      "duration.inmonths", "duration.inseconds", "coll.distinct", "coll.flatten", "coll.indexof", "coll.insert",
      "coll.max", "coll.min", "coll.remove", "coll.sort", "vector.similarity.cosine", "vector.similarity.euclidean",
      "vector_dimension_count", "vector_distance", "vector_norm", "is_normalized", "normalize");

}
