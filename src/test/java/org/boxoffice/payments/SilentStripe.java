package org.boxoffice.payments;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Stripe that takes requests and never answers: the test sees the first request arrive, so it
 * knows the server is inside its call to Stripe.
 */
final class SilentStripe implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> first = new CompletableFuture<>();

  SilentStripe() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "silent-stripe");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String firstRequest(Duration timeout) throws Exception {
    return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void accept() {
    try {
      while (true) {
        Socket client = socket.accept();
        held.add(client);
        first.complete(headersOf(client));
      }
    } catch (IOException closed) {
      first.completeExceptionally(closed);
    }
  }

  private static String headersOf(Socket client) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while (head.indexOf("\r\n\r\n") < 0 && (c = client.getInputStream().read()) >= 0) {
      head.append((char) c);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket client : held) {
      client.close();
    }
  }
}
