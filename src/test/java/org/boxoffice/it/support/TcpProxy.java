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
 * A TCP pass-through on a free loopback port, for what tests cannot do to real servers that other
 * tests share. With one target a test can cut and restore it, to play a database outage. With
 * several it is a layer-4 load balancer: each new client connection goes to the next target in
 * turn, the way kube-proxy spreads a Service's connections over its pods (HTTP keep-alive keeps a
 * connection on one server, so the spread is across connections, as in production). In failover
 * mode every connection goes to one target until the test moves them all to another, the way a
 * router sends a browser elsewhere when its pod goes away.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<InetSocketAddress> targets;
  private final AtomicInteger next = new AtomicInteger();
  private volatile int pinned = -1;
  private final AtomicIntegerArray connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean passing = true;
  private final AtomicInteger serials = new AtomicInteger();
  private final AtomicInteger cutsBefore = new AtomicInteger();
  // cutEachBefore: connections numbered below this one are cut at their client's next write that
  // starts with cutPrefix.
  private volatile int cutBelow;
  private volatile byte[] cutPrefix;

  public TcpProxy(String targetHost, int targetPort) {
    this(List.of(new InetSocketAddress(targetHost, targetPort)));
  }

  private TcpProxy(List<InetSocketAddress> targets) {
    this.targets = targets;
    this.connections = new AtomicIntegerArray(targets.size());
    try {
      this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A round-robin balancer over the servers listening on these loopback ports. */
  public static TcpProxy roundRobin(List<Integer> targetPorts) {
    return new TcpProxy(
        targetPorts.stream()
            .map(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .toList());
  }

  /** Sends every connection to the first of these servers until {@link #failOverTo} moves them. */
  public static TcpProxy failover(List<Integer> targetPorts) {
    TcpProxy proxy = roundRobin(targetPorts);
    proxy.pinned = 0;
    return proxy;
  }

  /**
   * From now on every new connection goes to the target at {@code index}, and the open ones are
   * cut: to the client it is as if the server it talked to went away.
   */
  public void failOverTo(int index) {
    pinned = index;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public Api api() {
    return Api.at(port());
  }

  /** How many client connections went to the target at {@code index} of the list. */
  public int connectionsTo(int index) {
    return connections.get(index);
  }

  /** Cuts every open connection and refuses new ones, like a database that went away. */
  public void cut() {
    passing = false;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /**
   * Cuts each connection open now at its client's next write that starts with {@code prefix} (that
   * write never reaches the server), e.g. {@code "MAIL FROM"}: a connection that drops between two
   * SMTP messages, when nothing is in flight. Connections opened later pass untouched.
   */
  public void cutEachBefore(String prefix) {
    cutPrefix = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    cutBelow = serials.get();
  }

  /** How many connections {@link #cutEachBefore} has cut. */
  public int cutsBefore() {
    return cutsBefore.get();
  }

  public void restore() {
    passing = true;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        int index = pinned >= 0 ? pinned : Math.floorMod(next.getAndIncrement(), targets.size());
        Socket server = new Socket();
        try {
          if (!passing) {
            throw new IOException("cut");
          }
          server.connect(targets.get(index), 5_000);
        } catch (IOException down) {
          // Like a network cut or a backend that refuses: the client sees its connection reset.
          closeQuietly(client);
          continue;
        }
        connections.incrementAndGet(index);
        open.add(client);
        open.add(server);
        int serial = serials.getAndIncrement();
        pump(client, server, serial);
        pump(server, client, -1);
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  /**
   * Copies {@code from} to {@code to}; {@code serial} is the connection's number on the client
   * side.
   */
  private void pump(Socket from, Socket to, int serial) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (serial >= 0 && serial < cutBelow && startsWith(buffer, n, cutPrefix)) {
                    cutsBefore.incrementAndGet();
                    break;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException closed) {
                // one side went away: close the other as a real network cut would
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean startsWith(byte[] buffer, int length, byte[] prefix) {
    if (prefix == null || length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[i] != prefix[i]) {
        return false;
      }
    }
    return true;
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
    cut();
  }
}
