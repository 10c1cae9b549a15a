package org.boxoffice.webhooks.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (the SSRF rules): an absolute {@code https} URL (plain {@code http} only
 * where loopback is allowed, in dev and tests) without user info, whose host resolves, and none of
 * whose addresses is loopback, unspecified, link-local (the cloud metadata service at
 * 169.254.169.254 among them), private (RFC 1918, unique-local IPv6), shared (100.64/10), multicast
 * or otherwise reserved. Checked at registration and again before every attempt, since DNS can
 * change; the HTTP client then resolves the same name from the JVM's address cache.
 */
public final class Destinations {
  public static final int MAX_URL_LENGTH = 2000;

  private Destinations() {}

  /** Why a URL is refused; empty when it may be sent to. */
  public static Optional<String> refusal(String url, boolean allowLoopback) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("must be an absolute URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawAuthority() == null) {
      return Optional.of("must be an absolute URL with a host");
    }
    if (!scheme.equals("https") && !(allowLoopback && scheme.equals("http"))) {
      return Optional.of("must be an https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    List<InetAddress> addresses;
    try {
      addresses = List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.of("has a host name that does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(address, allowLoopback);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /** Why an address is refused; empty when it is a public unicast address. */
  public static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
    InetAddress a = unmapped(address);
    if (a.isLoopbackAddress()) {
      return allowLoopback ? Optional.empty() : refused(address, "a loopback address");
    }
    if (a.isAnyLocalAddress()) {
      return refused(address, "an unspecified address");
    }
    if (a.isLinkLocalAddress()) {
      return refused(address, "a link-local address (cloud metadata among them)");
    }
    if (a.isSiteLocalAddress() || isPrivate(a)) {
      return refused(address, "a private address");
    }
    if (a.isMulticastAddress()) {
      return refused(address, "a multicast address");
    }
    if (isReserved(a)) {
      return refused(address, "a reserved address");
    }
    return Optional.empty();
  }

  private static Optional<String> refused(InetAddress address, String what) {
    return Optional.of("resolves to " + what + " (" + address.getHostAddress() + ")");
  }

  /** An IPv4 address written as IPv6 (::ffff:a.b.c.d, ::a.b.c.d) is judged as the IPv4 one. */
  static InetAddress unmapped(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12);
    if (!mapped && !(compatible && !address.isLoopbackAddress())) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean allZero(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Unique-local IPv6 (fc00::/7, AWS's metadata fd00:ec2::254 among them), shared 100.64/10. */
  private static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc;
    }
    return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
  }

  /**
   * IPv4 0/8, 192.0.0/24, 198.18/15 and 240/4 (255.255.255.255 among them); IPv6 site-local
   * fec0::/10 and NAT64's 64:ff9b::/96 (it can reach any IPv4 address).
   */
  private static boolean isReserved(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || first >= 240
          || (first == 192 && second == 0 && b[2] == 0)
          || (first == 198 && (second == 18 || second == 19));
    }
    return ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)
        || ((b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b);
  }
}
