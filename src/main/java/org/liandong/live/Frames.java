package org.liandong.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Puts a socket's frames together into messages: a text message must be valid UTF-8 (RFC 6455
 * §8.1) and at most 64 KiB. Owned by one connection, on its event loop.
 */
final class Frames {
  /** Larger messages close the socket with 1009, as docs/live-protocol.md says. */
  static final int MAX_MESSAGE = 64 * 1024;

  /** What a frame completed: nothing yet, a text, a binary message, or a reason to close. */
  sealed interface Outcome {
    record Partial() implements Outcome {}
    record Text(String text) implements Outcome {}
    record Binary() implements Outcome {}
    record Close(short code, String reason) implements Outcome {}
  }

  private Buffer message = Buffer.buffer();
  private boolean binary;

  Outcome add(WebSocketFrame frame) {
    if (frame.isClose() || frame.isPing() || frame.type() == WebSocketFrameType.PONG) return new Outcome.Partial();
    if (!frame.isContinuation()) binary = frame.isBinary();
    if (message.length() + frame.binaryData().length() > MAX_MESSAGE) return new Outcome.Close((short) 1009, "message over 64 KiB");
    message.appendBuffer(frame.binaryData());
    if (!frame.isFinal()) return new Outcome.Partial();
    var bytes = message.getBytes();
    message = Buffer.buffer();
    if (binary) return new Outcome.Binary();
    try {
      return new Outcome.Text(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return new Outcome.Close((short) 1007, "text is not valid UTF-8");
    }
  }
}
