package org.liandong.web;

import io.vertx.ext.web.Router;

/** A feature's routes, mounted behind authentication. */
public interface Routes {
  void mount(Router router);
}
