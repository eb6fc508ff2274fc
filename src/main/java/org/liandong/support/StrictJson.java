package org.liandong.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Map;

/**
 * The first look at a request body, before the contract's schemas: plain JSON only. Vert.x's own
 * parser forgives comments and keeps the last of two equal keys; a government record should not
 * depend on which of two values a parser kept, so those, lone surrogates, control characters
 * and deep nesting are refused here, naming where.
 */
public final class StrictJson {
  private static final int MAX_DEPTH = 32;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(40).build())
      .build();

  private StrictJson() {}

  /** Throws a 400 naming the first problem; returns quietly for plain JSON. */
  public static void check(byte[] body) {
    try (var parser = FACTORY.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) text(parser, parser.currentName());
        else if (token == JsonToken.VALUE_STRING) text(parser, parser.getText());
      }
    } catch (StreamConstraintsException e) {
      throw Failure.invalid("body", Text.key("server.support.nestedTooDeeplyHolds", "maxDepth", MAX_DEPTH));
    } catch (JsonParseException e) {
      var duplicate = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field");
      throw Failure.invalid("body", duplicate
          ? Text.key("server.support.namesFieldTwiceSend", "replace", e.getOriginalMessage().replace("Duplicate field ", ""))
          : Text.key("server.support.notPlainJsonComments", "originalMessage", e.getOriginalMessage()));
    } catch (IOException e) {
      throw Failure.invalid("body", Text.key("server.support.couldNotReadJson"));
    }
  }

  private static void text(JsonParser parser, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))
          : Character.isLowSurrogate(c);
      if (control || c == 0x7F || lone || c == '\uFFFE' || c == '\uFFFF') {
        var where = path(parser);
        throw new Failure.Invalid(400, Map.of(where, Text.key("server.support.holdsCharacterNotText")));
      }
    }
  }

  private static String path(JsonParser parser) {
    var sb = new StringBuilder();
    for (var ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
      var part = ctx.inArray() ? "[" + Math.max(0, ctx.getCurrentIndex()) + "]"
          : ctx.getCurrentName() == null ? "" : "." + ctx.getCurrentName();
      sb.insert(0, part);
    }
    var s = sb.toString();
    return s.isEmpty() ? "body" : s.startsWith(".") ? s.substring(1) : s;
  }
}
