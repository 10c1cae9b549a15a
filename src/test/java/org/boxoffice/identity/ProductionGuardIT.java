package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;

class ProductionGuardIT {
  @Test
  void production_without_configured_keys_refuses_dev_keys_and_stays_not_ready()
      throws IOException {
    Map<String, String> env = new LinkedHashMap<>(LibertyServer.testDatabaseEnv());
    env.put("BOXOFFICE_ENV", "production");
    Path dataDir = Files.createTempDirectory("boxoffice-prod-guard");
    env.put("BOXOFFICE_DATA_DIR", dataDir.toAbsolutePath().toString());
    // ECPay's older public stage merchant, configured as if it were one's own: refused too.
    env.put("ECPAY_MERCHANT_ID", "2000132");
    env.put("ECPAY_HASH_KEY", "prodGuardKey0001");
    env.put("ECPAY_HASH_IV", "prodGuardIv00001");
    try (LibertyServer server =
        LibertyServer.copyOfMain("prodguard", LibertyServer.port(12), env)) {
      server
          .start()
          .await(
              response ->
                  response.status() == 503
                      && response.body().contains("jwt-keys")
                      && response.body().contains("totp-key")
                      && response.body().contains("qr-key"),
              Duration.ofMinutes(4),
              "/health/ready");
      assertThat(server.messages())
          .contains("SEVERE")
          .contains("BOXOFFICE_ENV=production requires JWT_PRIVATE_KEY and JWT_PUBLIC_KEY")
          .contains("BOXOFFICE_ENV=production requires TOTP_ENCRYPTION_KEY")
          .contains("BOXOFFICE_ENV=production requires QR_SIGNING_KEY")
          .contains("ECPay refused: BOXOFFICE_ENV=production needs ECPAY_MERCHANT_ID");
      // Readiness says ECPay takes no payments here: TWD events cannot be pinned to it, and AUTO
      // ones go to the other gateway (EcpayGatewayChoiceIT shows the refusal of the choice).
      JsonObject payments = check(server, "payments");
      assertThat(payments.getString("status")).isEqualTo("DOWN");
      assertThat(payments.getJsonObject("data").getString("ecpay")).isEqualTo("refused");
      assertThat(payments.getJsonObject("data").getString("ecpayCircuit")).isEqualTo("closed");
      // Each pod making its own QR key would turn away at one door the tickets another issued.
      JsonObject qr = check(server, "qr-key");
      assertThat(qr.getString("status")).isEqualTo("DOWN");
      assertThat(dataDir.resolve("qr")).doesNotExist();
      String email = "prod-guard-" + UUID.randomUUID() + "@example.test";
      String credentials =
          "\"email\": \"%s\", \"password\": \"%s\"".formatted(email, Accounts.PASSWORD);
      ApiResponse registered =
          server
              .api()
              .post(
                  "/auth/register",
                  "{" + credentials + ", \"firstName\": \"P\", \"lastName\": \"G\"}");
      assertThat(registered.status()).isEqualTo(201);
      ApiResponse login = server.api().post("/auth/login", "{" + credentials + "}");
      assertThat(login.status()).isEqualTo(503);
      assertThat(login.errorCode()).isEqualTo("AUTH_UNAVAILABLE");
      assertThat(
              Db.number(
                  "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                      + " WHERE u.email_lower = ?",
                  email))
          .isZero();
    }
  }

  private static JsonObject check(LibertyServer server, String name) {
    return Api.parse(server.api().get("/health/ready").body()).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }
}
