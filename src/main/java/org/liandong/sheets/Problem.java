package org.liandong.sheets;

import io.vertx.core.json.JsonObject;
import org.liandong.support.Text;

/** One thing wrong with an imported sheet: where (sheet, row, cell, the field the column holds) and what, in both languages. */
public record Problem(String sheet, int row, String cell, String field, Text message) {
  public JsonObject json() {
    return new JsonObject().put("sheet", sheet).put("row", row == 0 ? null : row).put("cell", cell).put("field", field)
        .put("message", message.en()).put("messageZh", message.zh());
  }
}
