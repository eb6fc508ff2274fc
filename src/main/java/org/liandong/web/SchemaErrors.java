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
      fields.put("file", Text.of("send the workbook (.xlsx) as the request's body, as application/octet-stream",
          "请将工作簿（.xlsx）作为请求内容发送（application/octet-stream）"));
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
      case "required" -> Text.of("is required", "必填");
      case "additionalProperties" -> Text.of("is not a known field", "不是可识别的字段");
      case "type" -> type(error);
      case "format" -> error.contains("date-time")
          ? Text.of("must be a date-time with offset like 2023-06-26T09:00:00+08:00", "须为带时区的时间，如 2023-06-26T09:00:00+08:00")
          : Text.of("must be a real date like 2023-06-26", "须为真实存在的日期，如 2023-06-26");
      case "pattern" -> pattern(u);
      case "maxLength" -> Text.of("must be at most " + last(numbers) + " characters", "最多 " + last(numbers) + " 个字符");
      case "minLength" -> Text.of("must be at least " + last(numbers) + " characters", "至少 " + last(numbers) + " 个字符");
      case "maximum", "exclusiveMaximum" -> Text.of("must be at most " + last(numbers), "不能大于 " + last(numbers));
      case "minimum", "exclusiveMinimum" -> Text.of("must be at least " + last(numbers), "不能小于 " + last(numbers));
      case "maxItems" -> Text.of("must have at most " + last(numbers) + " items", "最多 " + last(numbers) + " 项");
      case "minItems" -> Text.of("must have at least " + last(numbers) + " items", "至少 " + last(numbers) + " 项");
      case "uniqueItems" -> Text.of("lists an item twice", "有重复的项");
      case "enum" -> {
        var list = error.substring(error.indexOf('['));
        var values = new JsonArray(list).stream().map(String::valueOf).collect(Collectors.joining(", "));
        yield Text.of("must be one of " + values, "须为以下之一：" + values);
      }
      default -> Text.of("is not in the expected form", "格式不符合要求");
    };
  }

  private static Text type(String error) {
    if (error.contains("type null")) {
      return Text.of("must not be null; leave the field out to keep its value", "不能为 null；如不修改，请省略该字段");
    }
    var expected = error.substring(error.lastIndexOf("Expected") + 9).strip();
    var en = List.of(expected.split(",\\s*")).stream().filter(t -> !t.equals("null")).map(t -> switch (t) {
      case "string" -> "text";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "array" -> "a list";
      default -> "an object";
    }).collect(Collectors.joining(" or "));
    var zh = List.of(expected.split(",\\s*")).stream().filter(t -> !t.equals("null")).map(t -> switch (t) {
      case "string" -> "文本";
      case "integer" -> "整数";
      case "number" -> "数字";
      case "boolean" -> "true 或 false";
      case "array" -> "列表";
      default -> "对象";
    }).collect(Collectors.joining("或"));
    return Text.of("must be " + en, "须为" + zh);
  }

  /** Patterns live in named components of the contract, so each says what it wants in words. */
  private static Text pattern(OutputUnit u) {
    Matcher m = COMPONENT.matcher(String.valueOf(u.getAbsoluteKeywordLocation()));
    var component = m.find() ? m.group(1) : "";
    return switch (component) {
      case "Date" -> Text.of("must be a date from 2000-01-01 to 2099-12-31, the years the working-day calendar covers",
          "须为 2000-01-01 至 2099-12-31 之间的日期（工作日历覆盖的年份）");
      case "DateTime" -> Text.of("must be a date-time from the year 2000 to 2099, with its offset",
          "须为 2000 至 2099 年之间、带时区的时间");
      case "Code" -> Text.of("use letters, digits, '.', '_' or '-', e.g. ZJ-2023-001", "请使用字母、数字、“.”、“_”或“-”，如 ZJ-2023-001");
      case "Username" -> Text.of("use 2-64 lower-case letters, digits, '.', '_' or '-'", "请使用 2 至 64 个小写字母、数字、“.”、“_”或“-”");
      case "Id" -> Text.of("must be an id: letters, digits, '.', '_' or '-'", "须为编号：字母、数字、“.”、“_”或“-”");
      default -> Text.of("must not be blank", "不能为空白");
    };
  }

  private static Text general(ValidatorException e) {
    var message = String.valueOf(e.getMessage());
    if (message.contains("does not contain the required body")) {
      return Text.of("send a JSON object", "请发送 JSON 对象");
    }
    if (message.contains("can't be decoded")) {
      return Text.of("is not valid JSON", "不是有效的 JSON");
    }
    if (message.contains("content type") || message.contains("Content-Type")) {
      return Text.of("send it as application/json", "请以 application/json 发送");
    }
    if (message.contains("required")) return Text.of("is required", "必填");
    return Text.of("is not in the expected form", "格式不符合要求");
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
