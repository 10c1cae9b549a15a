package org.boxoffice.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules on literal addresses (no DNS is asked for a literal). */
class DestinationsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.1.2.3/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fe80::1]/hook",
        "https://10.0.0.8/hook",
        "https://172.16.5.4/hook",
        "https://172.31.255.255/hook",
        "https://192.168.1.1/hook",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://[::]/hook",
        "https://[fd00:ec2::254]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:169.254.169.254]/hook",
        "https://[::ffff:10.1.2.3]/hook",
        "https://224.0.0.1/hook",
        "https://255.255.255.255/hook",
        "https://[64:ff9b::a00:1]/hook"
      })
  void addresses_inside_the_machine_or_the_network_are_refused(String url) {
    assertThat(Destinations.refusal(url, false)).isPresent();
  }

  @Test
  void the_metadata_address_stays_refused_where_loopback_is_allowed() {
    assertThat(Destinations.refusal("http://169.254.169.254/latest", true)).isPresent();
    assertThat(Destinations.refusal("http://10.0.0.1/hook", true)).isPresent();
    assertThat(Destinations.refusal("http://127.0.0.1:8080/hook", true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.216.34/hook",
        "ftp://93.184.216.34/hook",
        "https://user:pass@93.184.216.34/hook",
        "https://93.184.216.34/hook#part",
        "/relative/hook",
        "https:///nohost",
        "not a url"
      })
  void plain_http_user_info_fragments_and_relative_urls_are_refused(String url) {
    assertThat(Destinations.refusal(url, false)).isPresent();
  }

  @Test
  void a_public_address_over_https_is_accepted() {
    assertThat(Destinations.refusal("https://93.184.216.34:8443/hook?x=1", false)).isEmpty();
    assertThat(Destinations.refusal("https://[2606:2800:220:1::1]/hook", false)).isEmpty();
  }

  @Test
  void an_ipv4_mapped_address_is_judged_as_ipv4() throws Exception {
    InetAddress mapped = InetAddress.getByName("::ffff:192.168.0.1");
    assertThat(Destinations.refusal(mapped, false)).get().asString().contains("private");
  }
}
