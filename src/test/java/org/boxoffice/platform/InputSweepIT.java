package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.MultipartForm;
import org.boxoffice.media.TestImages;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The security drill's bad-input sweep: every operation of the live OpenAPI document gets malformed
 * JSON, wrong types, huge numbers, SQL and script injection, unicode edge cases (NUL, lone
 * surrogates, right-to-left override, emoji, zero-width, very long strings), odd path and query
 * values, and missing or forged tokens. Every answer must be below 500, free of stack traces, an
 * error envelope when it is a refusal, and a refusal must not have written a row. Requests that
 * happen to be valid (an event titled {@code <script>}) may succeed: the sweep only insists that
 * nothing breaks and nothing refused leaves data behind.
 */
class InputSweepIT {
  /** Tables a refused request must leave alone (the audit log records refusals on purpose). */
  private static final List<String> TABLES =
      List.of(
          "users",
          "sessions",
          "refresh_tokens",
          "one_time_tokens",
          "totp_recovery_codes",
          "events",
          "ticket_types",
          "coupons",
          "coupon_ticket_types",
          "bookings",
          "idempotency_keys",
          "payments",
          "refunds",
          "processed_webhook_events",
          "tickets",
          "outbox",
          "event_images",
          "stale_image_objects",
          "external_identities",
          "used_id_tokens",
          "api_tokens",
          "account_erasures",
          "webhook_endpoints",
          "webhook_deliveries");

  private static final List<String> STRINGS =
      List.of(
          "' OR '1'='1' --",
          "'; DROP TABLE users; --",
          "1; SELECT pg_sleep(10)",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "a\u0000b",
          "\u202Eevil.exe",
          "\uD83D\uDE00\uD83C\uDF9F\uFE0F\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "\u200B\uFEFF",
          "${jndi:ldap://127.0.0.1/x}",
          "%s%n%x",
          "../../../../etc/passwd",
          "   ",
          "x".repeat(100_000));

  /**
   * Raw JSON texts for string fields that cannot be written with a Java string: lone surrogates.
   */
  private static final List<String> RAW_STRINGS =
      List.of("\"\\uD800\"", "\"x\\uDC00y\"", "\"\\uDBFF\\uDBFF\"", "\"\\u0000\"");

  private static final List<String> NUMBERS =
      List.of("1e400", "-1e400", "9223372036854775808", "2147483648", "-1", "0.0000001", "1.5");

  private static final List<String> MALFORMED =
      List.of(
          "",
          "{",
          "}",
          "[1,2]",
          "null",
          "\"just a string\"",
          "{\"a\":}",
          "{'single': 1}",
          "{\"a\": 1,}",
          "\u0000",
          "{\"a\": \"\\uD800\"",
          "[".repeat(5_000) + "]".repeat(5_000),
          "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000));

  private static final List<String> PATH_VALUES =
      List.of(
          "0",
          "-1",
          "abc",
          "99999999999999999999",
          "1.5",
          "%00",
          "%27%20OR%201%3D1--",
          "%3Cscript%3E",
          "%F0%9F%98%80",
          "%E2%80%AE",
          "%ED%A0%80",
          "9".repeat(300));

  private static final List<String> QUERY_VALUES =
      List.of(
          "-1",
          "abc",
          "99999999999999999999",
          "%27%3B%20DROP%20TABLE%20users%3B--",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%00",
          "%ED%A0%80",
          "%E2%80%AE",
          "2026-13-45T99:99:99Z",
          "x".repeat(10_000));

  /** Bodies for an image upload: none is an image that may be kept. */
  private static final Map<String, byte[]> IMAGE_ATTACKS = imageAttacks();

  private static final List<String> IMAGE_CONTENT_TYPES =
      List.of("image/jpeg", "image/png", "image/svg+xml", "application/octet-stream", "text/html");

  static User attendee;
  static User organizer;
  static User admin;
  static long eventId;
  static long ticketTypeId;
  static long couponId;
  static long bookingId;
  static long ticketId;
  static JsonObject openapi;
  static long webhookId;
  static long webhookDeliveryId;
  // The webhook endpoint's receiver: it takes every delivery, so that the delivery job settles
  // redeliveries at once and never disables the endpoint (which would queue an email) mid-sweep.
  static HttpServer webhookReceiver;

  @BeforeAll
  static void fixtures() {
    PaymentFixtures.awaitApplication();
    attendee = Accounts.attendee();
    organizer = Accounts.organizer();
    User future = Accounts.organizer();
    Db.update("UPDATE users SET role = 'ADMIN' WHERE id = ?", future.id());
    admin = Accounts.login(future.email(), Accounts.PASSWORD);
    eventId = PaymentFixtures.publishedEvent(organizer.api(), "Sweep", 100, "0");
    ticketTypeId = Db.number("SELECT id FROM ticket_types WHERE event_id = ?", eventId);
    ApiResponse coupon =
        organizer
            .api()
            .post(
                "/events/" + eventId + "/coupons",
                "{\"code\": \"SWEEP\", \"discountType\": \"PERCENT\", \"discountValue\": 10}");
    assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
    couponId = coupon.data().getJsonNumber("id").longValue();
    bookingId = PaymentFixtures.id(PaymentFixtures.booked(attendee.api(), eventId, 1));
    ticketId = Db.number("SELECT min(id) FROM tickets WHERE booking_id = ?", bookingId);
    webhookReceiver = acceptingReceiver();
    ApiResponse webhook =
        organizer
            .api()
            .post(
                "/webhooks",
                "{\"url\": \"http://127.0.0.1:%d/sweep\", \"eventTypes\": [\"event.updated\"]}"
                    .formatted(webhookReceiver.getAddress().getPort()));
    assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
    webhookId = webhook.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().patch("/events/" + eventId, "{\"description\": \"sweep\"}").status())
        .isEqualTo(200);
    webhookDeliveryId =
        Db.number("SELECT min(id) FROM webhook_deliveries WHERE endpoint_id = ?", webhookId);
    ApiResponse document =
        Api.server()
            .send(
                HttpRequest.newBuilder(Api.server().resolve("/openapi"))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build());
    assertThat(document.status()).isEqualTo(200);
    openapi = document.json();
  }

  @TestFactory
  Stream<DynamicTest> every_operation_of_the_openapi_document_survives_bad_input() {
    List<DynamicTest> tests = new ArrayList<>();
    JsonObject paths = openapi.getJsonObject("paths");
    assertThat(paths.keySet()).hasSizeGreaterThan(30);
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
          continue;
        }
        Operation operation =
            new Operation(method.toUpperCase(), path, item.getJsonObject(method), caller(path));
        tests.add(DynamicTest.dynamicTest(operation.method + " " + path, () -> sweep(operation)));
      }
    }
    return tests.stream();
  }

  /**
   * ECPay's notifications are form-encoded, not JSON: broken forms, forged and missing macs, odd
   * values and huge bodies, each refused in the envelope with nothing written.
   */
  @TestFactory
  Stream<DynamicTest> ecpays_notifications_survive_bad_forms() {
    List<String> bodies = new ArrayList<>();
    bodies.addAll(
        List.of(
            "",
            "%",
            "%zz=1",
            "MerchantTradeNo=%E4",
            "=&&==&",
            "MerchantID=3002607&MerchantTradeNo=BO1&RtnCode=1&TradeAmt=1&CheckMacValue=",
            "MerchantID=3002607&MerchantTradeNo=BO1&RtnCode=1&TradeAmt=abc&CheckMacValue="
                + "0".repeat(64),
            "CheckMacValue=" + "x".repeat(100_000),
            "{\"MerchantTradeNo\": \"BO1\"}"));
    for (String value : STRINGS) {
      bodies.add(
          "MerchantID=3002607&RtnCode=1&MerchantTradeNo="
              + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
              + "&CheckMacValue=ABC");
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String path : List.of("/payments/ecpay/return", "/payments/ecpay/payment-info")) {
      for (String type :
          List.of("application/x-www-form-urlencoded", "text/plain", "application/json")) {
        tests.add(
            DynamicTest.dynamicTest(
                "POST " + path + " as " + type,
                () -> {
                  List<String> problems = new ArrayList<>();
                  for (String body : bodies) {
                    Map<String, Long> before = counts();
                    ApiResponse answer = Api.server().send("POST", path, body, type);
                    String where =
                        "POST %s [%s] -> %d".formatted(path, abbreviate(body), answer.status());
                    if (answer.status() < 400) {
                      problems.add(where + ": not refused");
                    }
                    check(where, answer, before, problems);
                  }
                  assertThat(problems).isEmpty();
                }));
      }
    }
    return tests.stream();
  }

  record Operation(String method, String path, JsonObject spec, User caller) {
    boolean writes() {
      return !method.equals("GET");
    }

    /** Whether the operation answers a stream of Server-Sent Events (read as far as its head). */
    boolean streams() {
      return spec.containsKey("responses")
          && spec.getJsonObject("responses").containsKey("200")
          && spec.getJsonObject("responses").getJsonObject("200").containsKey("content")
          && spec.getJsonObject("responses")
              .getJsonObject("200")
              .getJsonObject("content")
              .containsKey("text/event-stream");
    }

    /** Whether the operation takes a multipart form (the event image upload as a form). */
    boolean takesForms() {
      return spec.containsKey("requestBody")
          && spec.getJsonObject("requestBody")
              .getJsonObject("content")
              .containsKey("multipart/form-data");
    }

    /** Whether the operation takes an image as its body (the event image upload). */
    boolean takesImages() {
      return spec.containsKey("requestBody")
          && spec.getJsonObject("requestBody").getJsonObject("content").keySet().stream()
              .anyMatch(type -> type.startsWith("image/"));
    }

    JsonObject bodySchema() {
      if (!spec.containsKey("requestBody")) {
        return null;
      }
      JsonObject content = spec.getJsonObject("requestBody").getJsonObject("content");
      JsonObject media =
          content.containsKey("application/json")
              ? content.getJsonObject("application/json")
              : content.getJsonObject(content.keySet().iterator().next());
      return media.containsKey("schema")
          ? media.getJsonObject("schema")
          : JsonValue.EMPTY_JSON_OBJECT;
    }

    List<String> parameters(String in) {
      List<String> names = new ArrayList<>();
      if (spec.containsKey("parameters")) {
        for (JsonValue p : spec.getJsonArray("parameters")) {
          if (in.equals(p.asJsonObject().getString("in"))) {
            names.add(p.asJsonObject().getString("name"));
          }
        }
      }
      return names;
    }
  }

  /** The account that may call a path (so bad bodies reach validation, not only the role check). */
  static User caller(String path) {
    if (path.contains("/users") || path.contains("/audit")) {
      return admin;
    }
    if (path.contains("/bookings") && !path.endsWith("/refund")) {
      return attendee;
    }
    if (path.contains("/me/api-tokens")) {
      return organizer;
    }
    if (path.contains("/auth") || path.contains("/me")) {
      return attendee;
    }
    return organizer;
  }

  private void sweep(Operation operation) {
    List<String> problems = new ArrayList<>();
    String realPath = fill(operation.path(), Map.of());
    JsonObject schema = operation.bodySchema();
    String template = schema == null ? null : template(schema, "").toString();
    Api caller = Api.server().as(operation.caller().token());

    // Tokens: none, garbage, another scheme, unsigned, re-signed claims. A forged token never gets
    // further than no token at all.
    ApiResponse anonymous = send(Api.server(), operation, realPath, template, problems, "no token");
    for (Map.Entry<String, String> forged : forgedAuthorizations().entrySet()) {
      ApiResponse answer =
          send(
              Api.server().withHeader("Authorization", forged.getValue()),
              operation,
              realPath,
              template,
              problems,
              "forged token: " + forged.getKey());
      // (A refusal may differ: a login refused 401 may later be 429 once the account locks.)
      if (anonymous.status() >= 400 && answer.status() < 400) {
        problems.add(
            "forged token %s got %d where no token gets %d"
                .formatted(forged.getKey(), answer.status(), anonymous.status()));
      }
    }

    // Path parameters: each in turn gets odd values, the others stay real.
    for (String name : operation.parameters("path")) {
      for (String value : PATH_VALUES) {
        send(
            caller,
            operation,
            fill(operation.path(), Map.of(name, value)),
            template,
            problems,
            "path " + name + "=" + abbreviate(value));
      }
    }

    // Query parameters.
    for (String name : operation.parameters("query")) {
      for (String value : QUERY_VALUES) {
        send(
            caller,
            operation,
            realPath + "?" + name + "=" + value,
            template,
            problems,
            "query " + name + "=" + abbreviate(value));
      }
    }

    // Headers the operation reads.
    for (String name : operation.parameters("header")) {
      for (String value : List.of("", "x".repeat(8_000), "' OR 1=1 --", "<script>")) {
        send(
            caller.withHeader(name, value),
            operation,
            realPath,
            template,
            problems,
            "header " + name + "=" + abbreviate(value));
      }
    }

    if (schema == null) {
      assertThat(problems).as(operation.method() + " " + operation.path()).isEmpty();
      return;
    }

    // Bodies: malformed JSON, then a plausible body with one kind of damage at a time.
    for (String body : MALFORMED) {
      send(caller, operation, realPath, body, problems, "malformed " + abbreviate(body));
    }
    send(
        caller,
        operation,
        realPath,
        template,
        problems,
        "text/plain content type",
        "text/plain; charset=UTF-8");
    if (operation.takesImages()) {
      for (Map.Entry<String, byte[]> attack : IMAGE_ATTACKS.entrySet()) {
        for (String type : IMAGE_CONTENT_TYPES) {
          Map<String, Long> before = counts();
          ApiResponse answer;
          try {
            answer = caller.sendBytes(operation.method(), realPath, attack.getValue(), type);
          } catch (RuntimeException noAnswer) {
            problems.add(
                "%s %s [image %s as %s]: no answer: %s"
                    .formatted(operation.method(), realPath, attack.getKey(), type, noAnswer));
            continue;
          }
          if (answer.status() < 400) {
            problems.add(
                "%s %s [image %s as %s] -> %d: not refused"
                    .formatted(
                        operation.method(), realPath, attack.getKey(), type, answer.status()));
          }
          check(
              "%s %s [image %s as %s] -> %d"
                  .formatted(operation.method(), realPath, attack.getKey(), type, answer.status()),
              answer,
              before,
              problems);
        }
      }
    }
    if (operation.takesForms()) {
      Map<String, byte[]> forms = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, byte[]> attack : IMAGE_ATTACKS.entrySet()) {
        forms.put(
            "image part " + attack.getKey(),
            MultipartForm.of(
                new MultipartForm.Part("image", "image/jpeg", "a.jpg", attack.getValue())));
      }
      forms.put("no parts", MultipartForm.of());
      forms.put(
          "another name",
          MultipartForm.of(new MultipartForm.Part("file", "image/jpeg", "a.jpg", new byte[] {1})));
      forms.put("not a form", "--x\r\ngarbage".getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> form : forms.entrySet()) {
        for (String type :
            List.of(
                MultipartForm.CONTENT_TYPE,
                "multipart/form-data",
                "multipart/form-data; boundary=")) {
          Map<String, Long> before = counts();
          String what =
              "%s %s [form %s as %s]".formatted(operation.method(), realPath, form.getKey(), type);
          ApiResponse answer;
          try {
            answer = caller.sendBytes(operation.method(), realPath, form.getValue(), type);
          } catch (RuntimeException noAnswer) {
            problems.add(what + ": no answer: " + noAnswer);
            continue;
          }
          if (answer.status() < 400) {
            problems.add(what + " -> " + answer.status() + ": not refused");
          }
          check(what + " -> " + answer.status(), answer, before, problems);
        }
      }
    }
    if (!template.startsWith("{")) {
      assertThat(problems).as(operation.method() + " " + operation.path()).isEmpty();
      return;
    }
    JsonObject plausible = Api.parse(template);
    for (String field : plausible.keySet()) {
      JsonValue original = plausible.get(field);
      for (String wrong : wrongTypes(original)) {
        sendVariant(caller, operation, realPath, plausible, field, wrong, problems, "wrong type");
      }
      if (original.getValueType() == JsonValue.ValueType.NUMBER) {
        for (String number : NUMBERS) {
          sendVariant(caller, operation, realPath, plausible, field, number, problems, "number");
        }
      }
      if (original.getValueType() == JsonValue.ValueType.STRING) {
        for (String raw : RAW_STRINGS) {
          sendVariant(caller, operation, realPath, plausible, field, raw, problems, "raw string");
        }
      }
      sendVariant(caller, operation, realPath, plausible, field, "null", problems, "null");
    }
    for (String attack : STRINGS) {
      JsonValue damaged = replaceStrings(plausible, s -> attack);
      if (!damaged.equals(plausible)) {
        send(
            caller,
            operation,
            realPath,
            damaged.toString(),
            problems,
            "every string = " + abbreviate(attack));
      }
    }
    assertThat(problems).as(operation.method() + " " + operation.path()).isEmpty();
  }

  private void sendVariant(
      Api caller,
      Operation operation,
      String path,
      JsonObject plausible,
      String field,
      String rawValue,
      List<String> problems,
      String kind) {
    StringBuilder body = new StringBuilder("{");
    for (String key : plausible.keySet()) {
      if (body.length() > 1) {
        body.append(',');
      }
      body.append(Json.createValue(key)).append(':');
      body.append(key.equals(field) ? rawValue : plausible.get(key).toString());
    }
    body.append('}');
    send(
        caller,
        operation,
        path,
        body.toString(),
        problems,
        kind + " " + field + "=" + abbreviate(rawValue));
  }

  private ApiResponse send(
      Api api, Operation operation, String path, String body, List<String> problems, String what) {
    return send(api, operation, path, body, problems, what, "application/json");
  }

  private ApiResponse send(
      Api api,
      Operation operation,
      String path,
      String body,
      List<String> problems,
      String what,
      String contentType) {
    Map<String, Long> before = operation.writes() ? counts() : null;
    ApiResponse answer;
    try {
      answer =
          operation.streams()
              ? api.peekStream(path)
              : api.send(
                  operation.method(),
                  path,
                  body == null && operation.writes() ? "" : body,
                  body == null ? null : contentType);
    } catch (RuntimeException noAnswer) {
      problems.add("%s %s [%s]: no answer: %s".formatted(operation.method(), path, what, noAnswer));
      return new ApiResponse(0, null, "");
    }
    String where =
        "%s %s [%s] -> %d".formatted(operation.method(), abbreviate(path), what, answer.status());
    check(where, answer, before, problems);
    return answer;
  }

  /** The answer is below 500, without internals, an envelope if refused, and wrote no row then. */
  private void check(
      String where, ApiResponse answer, Map<String, Long> before, List<String> problems) {
    if (answer.status() >= 500) {
      problems.add(where + ": server error: " + abbreviate(answer.body()));
    }
    String text = answer.body();
    if (text.contains("\tat ")
        || text.contains("at org.")
        || text.contains("at java.")
        || text.contains("Exception")
        || text.contains("SQLState")) {
      problems.add(where + ": stack trace or exception text: " + abbreviate(text));
    }
    // A NUL (%00) in the path itself: Liberty's web container refuses the URI with its own short
    // 400 body before any application code or error page runs (see docs/RELIABILITY.md).
    boolean refusedByContainer = answer.status() == 400 && text.contains("CWWWC0005I");
    if (answer.status() >= 400) {
      if (!refusedByContainer) {
        problems.addAll(envelopeProblems(where, answer));
      }
      if (before != null) {
        Map<String, Long> after = counts();
        if (!after.equals(before)) {
          problems.add(where + ": a refused request wrote rows: " + before + " -> " + after);
        }
      }
    }
  }

  private static List<String> envelopeProblems(String where, ApiResponse answer) {
    List<String> problems = new ArrayList<>();
    JsonObject body;
    try {
      body = answer.json();
    } catch (RuntimeException notJson) {
      return List.of(where + ": refusal is not a JSON envelope: " + abbreviate(answer.body()));
    }
    if (!body.containsKey("success") || body.getBoolean("success")) {
      problems.add(where + ": refusal without success=false: " + abbreviate(answer.body()));
    }
    JsonObject error = body.containsKey("error") ? body.getJsonObject("error") : null;
    if (error == null
        || error.getString("code", "").isBlank()
        || error.getString("message", "").isBlank()) {
      problems.add(
          where + ": refusal without error code and message: " + abbreviate(answer.body()));
    } else if ("VALIDATION_FAILED".equals(error.getString("code"))
        && (!error.containsKey("details") || error.getJsonArray("details").isEmpty())) {
      problems.add(
          where + ": VALIDATION_FAILED without field details: " + abbreviate(answer.body()));
    }
    if (body.getString("correlationId", "").isBlank()) {
      problems.add(where + ": refusal without correlationId");
    }
    return problems;
  }

  private static Map<String, byte[]> imageAttacks() {
    Map<String, byte[]> attacks = new LinkedHashMap<>();
    attacks.put("svg", TestImages.svg());
    attacks.put("truncated jpeg", TestImages.truncated(TestImages.jpeg(640, 480)));
    attacks.put("truncated png", TestImages.truncated(TestImages.png(640, 480)));
    attacks.put("png bomb", TestImages.pngClaiming(100_000, 100_000));
    attacks.put("jpeg bomb header", jpegClaiming(65_000, 65_000));
    attacks.put("jpeg magic around a script", polyglot());
    attacks.put("webp header only", "RIFF\u0004\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1));
    attacks.put(
        "random bytes",
        new java.util.Random(16)
            .ints(4096, 0, 256)
            .collect(
                java.io.ByteArrayOutputStream::new,
                (out, b) -> out.write(b),
                (a, b) -> a.writeBytes(b.toByteArray()))
            .toByteArray());
    attacks.put("html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    attacks.put("empty", new byte[0]);
    return attacks;
  }

  /** SOI, then a baseline frame header (SOF0) claiming width × height, then EOI. */
  private static byte[] jpegClaiming(int width, int height) {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      11,
      8,
      (byte) (height >> 8),
      (byte) height,
      (byte) (width >> 8),
      (byte) width,
      1,
      1,
      0x11,
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  private static byte[] polyglot() {
    byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[script.length + 5];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    System.arraycopy(script, 0, bytes, 3, script.length);
    bytes[bytes.length - 2] = (byte) 0xFF;
    bytes[bytes.length - 1] = (byte) 0xD9;
    return bytes;
  }

  @AfterAll
  static void stopReceiver() {
    if (webhookReceiver != null) {
      webhookReceiver.stop(0);
    }
  }

  /** A loopback HTTP server that answers 204 to anything. */
  static HttpServer acceptingReceiver() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Long> counts() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String table : TABLES) {
      if (sql.length() > 7) {
        sql.append(", ");
      }
      sql.append("(SELECT count(*) FROM ").append(table).append(") AS ").append(table);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Db.query(sql.toString())
        .get(0)
        .forEach((table, value) -> counts.put(table, ((Number) value).longValue()));
    return counts;
  }

  /** The path with its parameters filled: real ids of this test's fixtures unless overridden. */
  static String fill(String path, Map<String, String> overrides) {
    String filled = path;
    int open;
    while ((open = filled.indexOf('{')) >= 0) {
      int close = filled.indexOf('}', open);
      String name = filled.substring(open + 1, close);
      String value = overrides.containsKey(name) ? overrides.get(name) : realValue(path, name);
      filled = filled.substring(0, open) + value + filled.substring(close + 1);
    }
    return filled;
  }

  static String realValue(String path, String name) {
    return switch (name) {
      case "eventId" -> String.valueOf(eventId);
      case "couponId" -> String.valueOf(couponId);
      case "ticketTypeId" -> String.valueOf(ticketTypeId);
      case "report" -> "stats";
      case "paymentIntentId" -> "pi_sweep_unknown";
      case "provider" -> "google";
      case "deliveryId" -> String.valueOf(webhookDeliveryId);
      default ->
          path.startsWith("/api/v1/webhooks")
              ? String.valueOf(webhookId)
              : path.startsWith("/api/v1/events")
                  ? String.valueOf(eventId)
                  : path.startsWith("/api/v1/bookings")
                      ? String.valueOf(bookingId)
                      : path.startsWith("/api/v1/tickets")
                          ? String.valueOf(ticketId)
                          : String.valueOf(attendee.id());
    };
  }

  /**
   * A plausible value for a schema: most requests then fail validation on the damaged field only.
   */
  JsonValue template(JsonObject schema, String name) {
    JsonObject resolved = resolve(schema);
    String type = resolved.getString("type", "object");
    if (resolved.containsKey("enum")) {
      return resolved.getJsonArray("enum").get(0);
    }
    switch (type) {
      case "object" -> {
        JsonObjectBuilder object = Json.createObjectBuilder();
        if (resolved.containsKey("properties")) {
          JsonObject properties = resolved.getJsonObject("properties");
          for (String property : properties.keySet()) {
            object.add(property, template(properties.getJsonObject(property), property));
          }
        }
        return object.build();
      }
      case "array" -> {
        JsonArrayBuilder array = Json.createArrayBuilder();
        if (resolved.containsKey("items")) {
          array.add(template(resolved.getJsonObject("items"), name));
        }
        return array.build();
      }
      case "integer", "number" -> {
        return switch (name) {
          case "eventId" -> Json.createValue(eventId);
          case "ticketTypeId", "ticketTypeIds" -> Json.createValue(ticketTypeId);
          case "bookingId" -> Json.createValue(bookingId);
          case "ticketId" -> Json.createValue(ticketId);
          default -> Json.createValue(1);
        };
      }
      case "boolean" -> {
        return JsonValue.TRUE;
      }
      default -> {
        return Json.createValue(plausibleString(resolved, name));
      }
    }
  }

  static String plausibleString(JsonObject schema, String name) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(40).withNano(0);
    if ("date-time".equals(schema.getString("format", ""))) {
      return (name.toLowerCase().contains("end") ? start.plusHours(3) : start).toString();
    }
    String pattern = schema.getString("pattern", "");
    if (pattern.matches("[A-Z_]+(\\|[A-Z_]+)+")) {
      return pattern.substring(0, pattern.indexOf('|'));
    }
    String lower = name.toLowerCase();
    if (lower.contains("email")) {
      return "sweep-" + UUID.randomUUID() + "@example.test";
    }
    if (lower.contains("password")) {
      return "sweep-password-" + UUID.randomUUID();
    }
    if (lower.equals("currency")) {
      return "EUR";
    }
    if (lower.equals("code")) {
      return "SWEEP" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
    }
    return "sweep";
  }

  JsonObject resolve(JsonObject schema) {
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return openapi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return schema;
  }

  static List<String> wrongTypes(JsonValue original) {
    return switch (original.getValueType()) {
      case STRING -> List.of("12345", "{\"a\": 1}", "[\"x\"]");
      case NUMBER -> List.of("\"abc\"", "true", "{}");
      case ARRAY -> List.of("\"x\"", "{}", "[null]");
      case OBJECT -> List.of("\"x\"", "[]", "1");
      default -> List.of("\"x\"", "{}", "1");
    };
  }

  static JsonValue replaceStrings(JsonValue value, UnaryOperator<String> replace) {
    switch (value.getValueType()) {
      case STRING -> {
        return Json.createValue(replace.apply(((JsonString) value).getString()));
      }
      case OBJECT -> {
        JsonObjectBuilder object = Json.createObjectBuilder();
        value.asJsonObject().forEach((k, v) -> object.add(k, replaceStrings(v, replace)));
        return object.build();
      }
      case ARRAY -> {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonValue item : (JsonArray) value) {
          array.add(replaceStrings(item, replace));
        }
        return array.build();
      }
      default -> {
        return value;
      }
    }
  }

  /** Authorization headers that must not get anyone anywhere. */
  static Map<String, String> forgedAuthorizations() {
    Map<String, String> forged = new LinkedHashMap<>();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long now = System.currentTimeMillis() / 1000;
    String adminClaims =
        "{\"iss\":\"boxoffice\",\"aud\":\"boxoffice-api\",\"sub\":\"%d\",\"upn\":\"%s\",\"groups\":[\"ADMIN\",\"ORGANIZER\",\"ATTENDEE\"],\"iat\":%d,\"exp\":%d}"
            .formatted(attendee.id(), attendee.email(), now, now + 600);
    String claims = b64.encodeToString(adminClaims.getBytes(StandardCharsets.UTF_8));
    String[] real = attendee.token().split("\\.");
    forged.put("garbage", "Bearer garbage");
    forged.put("empty bearer", "Bearer ");
    forged.put("basic", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()));
    forged.put(
        "alg none",
        "Bearer "
            + b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
            + "."
            + claims
            + ".");
    forged.put(
        "admin claims, attendee signature", "Bearer " + real[0] + "." + claims + "." + real[2]);
    forged.put(
        "HS256 with empty key",
        "Bearer "
            + b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes())
            + "."
            + claims
            + "."
            + b64.encodeToString(new byte[32]));
    forged.put("huge", "Bearer " + "A".repeat(16_000));
    forged.put("unknown API token", "Bearer bxo_pat_" + b64.encodeToString(new byte[32]));
    forged.put("API token prefix alone", "Bearer bxo_pat_");
    forged.put("huge API token", "Bearer bxo_pat_" + "A".repeat(16_000));
    return forged;
  }

  static String abbreviate(String text) {
    String flat = text.replace("\n", " ").replace("\u0000", "\\0");
    return flat.length() <= 160
        ? flat
        : flat.substring(0, 160) + "...(" + flat.length() + " chars)";
  }
}
