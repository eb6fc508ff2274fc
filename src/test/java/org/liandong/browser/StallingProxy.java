package org.liandong.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the server that can stop passing bytes without closing anything: what a
 * half-open connection looks like to a browser (a cable pulled, a NAT that forgot the flow). Every
 * connection, old and new, is held while stalled; nothing is reset.
 */
final class StallingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean stalled;

  StallingProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** From now on no byte passes either way (connections stay open). */
  void stall() {
    stalled = true;
  }

  /** Bytes pass again, on the connections held and the new ones. */
  void resume() {
    synchronized (gate) {
      stalled = false;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    var buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        waitWhileStalled();
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: the other follows
    } finally {
      close(from);
      close(to);
    }
  }

  private void waitWhileStalled() throws InterruptedException {
    synchronized (gate) {
      while (stalled) gate.wait();
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing what is closed
    }
  }

  @Override
  public void close() throws IOException {
    resume();
    server.close();
    sockets.forEach(StallingProxy::close);
  }
}
