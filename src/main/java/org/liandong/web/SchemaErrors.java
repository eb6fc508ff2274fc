package org.liandong.web;

import io.vertx.core.json.JsonArray;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liandong.support.Catalogue;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * The contract's verdict on a request, as the field-level 400 the pages show beside each field,
 * in both languages: {@code obligations[0].dueOn: must be a date like 2023-06-26}.
 */
final class SchemaErrors {
  private static final Pattern NUMBERS = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern PARAMETER = Pattern.compile("(query|path|header|cookie) parameter ([\\w-]+)");
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern COMPONENT = Pattern.compile("/components/schemas/(\\w+)/");

  private SchemaErrors() {}

  static Failure.Invalid of(ValidatorException e, Operation operation) {
    var fields = new LinkedHashMap<String, Text>();
    var parameter = PARAMETER.matcher(String.valueOf(e.getMessage()));
    String prefix = parameter.find() ? parameter.group(2) : null;
    if (e instanceof SchemaValidationException s && s.getOutputUnit() != null && s.getOutputUnit().getErrors() != null) {
      var units = s.getOutputUnit().getErrors();
      for (var unit : units) {
        if (aggregate(unit)) continue;
        var keyword = keyword(unit);
        // a known field whose content is wrong (here or deeper in it) is reported as that, not as an unknown field
        if (keyword.equals("additionalProperties") && units.stream()
            .anyMatch(u -> u != unit && String.valueOf(u.getInstanceLocation()).startsWith(String.valueOf(unit.getInstanceLocation()))
                && !aggregate(u) && !keyword(u).equals("additionalProperties"))) {
          continue;
        }
        var field = field(prefix, unit);
        fields.putIfAbsent(field, message(keyword, unit));
      }
    }
    if (fields.isEmpty() && prefix == null && takesAFile(operation)) {
      // an upload (a workbook): what to send is a file, not JSON
      fields.put("file", Text.key("server.web.sendWorkbookXlsxRequest"));
    }
    if (fields.isEmpty()) fields.put(prefix != null ? prefix : "body", general(e));
    return new Failure.Invalid(400, fields);
  }

  private static boolean takesAFile(Operation operation) {
    return operation != null && operation.getRequestBody() != null
        && operation.getRequestBody().getContent().containsKey("application/octet-stream");
  }

  /** Entries that only say "a part below had errors". */
  private static boolean aggregate(OutputUnit u) {
    var k = keyword(u);
    return k.equals("properties") || k.equals("items") || k.equals("$ref") || k.equals("allOf") || k.equals("prefixItems")
        || k.equals("oneOf") || k.equals("anyOf")
        // the other side of a "value or null" choice: "expected null" says nothing about the value sent
        || String.valueOf(u.getError()).endsWith("Expected null");
  }

  private static String keyword(OutputUnit u) {
    var loc = String.valueOf(u.getKeywordLocation());
    return loc.substring(loc.lastIndexOf('/') + 1);
  }

  /** "#/obligations/0/dueOn" → "obligations[0].dueOn"; a required property names itself. */
  private static String field(String prefix, OutputUnit u) {
    var pointer = String.valueOf(u.getInstanceLocation()).replaceFirst("^#/?", "");
    if (keyword(u).equals("required")) {
      var m = REQUIRED.matcher(u.getError());
      if (m.find()) pointer = pointer.isEmpty() ? m.group(1) : pointer + "/" + m.group(1);
    }
    var sb = new StringBuilder(prefix == null ? "" : prefix);
    for (var part : pointer.isEmpty() ? new String[0] : pointer.split("/")) {
      var name = part.replace("~1", "/").replace("~0", "~");
      if (name.matches("\\d+")) sb.append('[').append(name).append(']');
      else sb.append(sb.isEmpty() ? "" : ".").append(name);
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  private static Text message(String keyword, OutputUnit u) {
    var error = String.valueOf(u.getError());
    var numbers = numbers(error);
    return switch (keyword) {
      case "required" -> Text.key("server.web.required");
      case "additionalProperties" -> Text.key("server.web.notKnownField");
      case "type" -> type(error);
      case "format" -> error.contains("date-time")
          ? Text.key("server.web.mustDateTimeOffset")
          : Text.key("server.web.mustRealDateLike");
      case "pattern" -> pattern(u);
      case "maxLength" -> Text.key("server.web.mustMostCharacters", "numbers", last(numbers));
      case "minLength" -> Text.key("server.web.mustLeastCharacters", "numbers", last(numbers));
      case "maximum", "exclusiveMaximum" -> Text.key("server.web.mustMost", "numbers", last(numbers));
      case "minimum", "exclusiveMinimum" -> Text.key("server.web.mustLeast", "numbers", last(numbers));
      case "maxItems" -> Text.key("server.web.mustHaveMostItems", "numbers", last(numbers));
      case "minItems" -> Text.key("server.web.mustHaveLeastItems", "numbers", last(numbers));
      case "uniqueItems" -> Text.key("server.web.listsItemTwice");
      case "enum" -> {
        var list = error.substring(error.indexOf('['));
        var values = new JsonArray(list).stream().map(String::valueOf).collect(Collectors.joining(", "));
        yield Text.key("server.web.mustOne", "values", values);
      }
      default -> Text.key("server.web.notExpectedForm");
    };
  }

  private static Text type(String error) {
    if (error.contains("type null")) {
      return Text.key("server.web.mustNotNullLeave");
    }
    var expected = error.substring(error.lastIndexOf("Expected") + 9).strip();
    var types = List.of(expected.split(",\\s*")).stream().filter(t -> !t.equals("null"))
        .map(t -> List.of("string", "integer", "number", "boolean", "array").contains(t) ? t : "object").toList();
    var en = types.stream().map(t -> Catalogue.en("server.web.type." + t)).collect(Collectors.joining(Catalogue.en("server.web.or")));
    var zh = types.stream().map(t -> Catalogue.zh("server.web.type." + t)).collect(Collectors.joining(Catalogue.zh("server.web.or")));
    return Text.key("server.web.must", "types", Text.of(en, zh));
  }

  /** Patterns live in named components of the contract, so each says what it wants in words. */
  private static Text pattern(OutputUnit u) {
    Matcher m = COMPONENT.matcher(String.valueOf(u.getAbsoluteKeywordLocation()));
    var component = m.find() ? m.group(1) : "";
    return switch (component) {
      case "Date" -> Text.key("server.web.mustDateFromYears");
      case "DateTime" -> Text.key("server.web.mustDateTimeFrom");
      case "Code" -> Text.key("server.web.useLettersDigitsE");
      case "Username" -> Text.key("server.web.useLowerCaseLetters");
      case "Id" -> Text.key("server.web.mustIdLettersDigits");
      default -> Text.key("server.web.mustNotBlank");
    };
  }

  private static Text general(ValidatorException e) {
    var message = String.valueOf(e.getMessage());
    if (message.contains("does not contain the required body")) {
      return Text.key("server.web.sendJsonObject");
    }
    if (message.contains("can't be decoded")) {
      return Text.key("server.web.notValidJson");
    }
    if (message.contains("content type") || message.contains("Content-Type")) {
      return Text.key("server.web.sendApplicationJson");
    }
    if (message.contains("required")) return Text.key("server.web.required");
    return Text.key("server.web.notExpectedForm");
  }

  private static List<String> numbers(String text) {
    var m = NUMBERS.matcher(text);
    var out = new java.util.ArrayList<String>();
    while (m.find()) out.add(m.group());
    return out;
  }

  private static String last(List<String> numbers) {
    return numbers.isEmpty() ? "?" : numbers.get(numbers.size() - 1);
  }

}
