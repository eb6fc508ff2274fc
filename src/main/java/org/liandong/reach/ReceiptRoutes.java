package org.liandong.reach;

import org.liandong.access.CurrentUser;
import org.liandong.support.Routes;

/** 签收: the receipt link's page (no session), acknowledging in the app, and a 督办's receipts for the office. */
public final class ReceiptRoutes implements Routes {
  private final Receipts receipts;

  public ReceiptRoutes(Receipts receipts) {
    this.receipts = receipts;
  }

  @Override
  public void mount(Operations api) {
    api.on("openReceipt", ctx -> receipts.open(ctx.pathParam("token")).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("acknowledgeReceipt", ctx -> receipts.acknowledge(ctx.pathParam("token")).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("acknowledgeNotice", ctx -> receipts.acknowledgeOwn(CurrentUser.of(ctx), ctx.pathParam("id"))
            .onSuccess(ctx::json).onFailure(ctx::fail))
        .on("listSupervisionReceipts", ctx -> receipts.ofSupervision(CurrentUser.of(ctx), ctx.pathParam("id"))
            .onSuccess(ctx::json).onFailure(ctx::fail));
  }
}
