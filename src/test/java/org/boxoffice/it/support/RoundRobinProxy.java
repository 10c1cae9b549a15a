package org.boxoffice.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A layer-4 load balancer in front of several servers on this machine: each new client connection
 * goes to the next server in turn, the way kube-proxy spreads a Service's connections over its
 * pods. HTTP keep-alive keeps a connection on one server, so a test sees a spread only across
 * connections, as in production.
 */
public final class RoundRobinProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<InetSocketAddress> targets;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicIntegerArray connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Listens on a free loopback port and spreads over the servers at these ports. */
  public RoundRobinProxy(List<Integer> targetPorts) {
    this.targets =
        targetPorts.stream()
            .map(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .toList();
    this.connections = new AtomicIntegerArray(targets.size());
    try {
      this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "round-robin-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public Api api() {
    return Api.at(port());
  }

  /** How many client connections went to the server at {@code index} of the constructor's list. */
  public int connectionsTo(int index) {
    return connections.get(index);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        int index = Math.floorMod(next.getAndIncrement(), targets.size());
        Socket server = new Socket();
        try {
          server.connect(targets.get(index), 5_000);
        } catch (IOException down) {
          // Like a load balancer whose backend refuses: the client sees its connection reset.
          closeQuietly(client);
          continue;
        }
        connections.incrementAndGet(index);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException closed) {
                // one side went away: the other is closed below
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "round-robin-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open.forEach(RoundRobinProxy::closeQuietly);
    open.clear();
  }
}
