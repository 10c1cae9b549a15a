package org.boxoffice.payments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.boxoffice.payments.control.CheckMacValue;
import org.boxoffice.payments.control.EcpayGateway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * ECPay's stand-in: a small HTTP server on the loopback port the test server's {@code
 * BOXOFFICE_ECPAY_API_BASE} names ({@code it.ecpay.port}, 9177 unless overridden), signing and
 * checking every message with ECPay's public stage merchant's keys, as ECPay's stage does.
 *
 * <ul>
 *   <li>{@code /Cashier/AioCheckOut/V5}: takes the buyer's form post, checks its mac and answers
 *       200 "accepted", or 400;
 *   <li>{@code /Cashier/QueryTradeInfo/V5}: reports the trade as a test set it ({@link #paid}),
 *       unpaid (TradeStatus 0) otherwise;
 *   <li>{@code /CreditDetail/DoAction}: takes a card refund, recorded for the tests to count.
 * </ul>
 *
 * The tests post ECPay's notifications to the server themselves ({@link #notice}). Shared by the
 * test classes that say {@code @ExtendWith(EcpayStandIn.class)}; closed at the end of the run.
 */
final class EcpayStandIn implements BeforeAllCallback {
  static final String MERCHANT_ID = "3002607";
  static final String HASH_KEY = "pwFHCqoQZGmho4w6";
  static final String HASH_IV = "EkRm7iFT261dpevs";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EcpayStandIn.class);
  private static volatile Running running;

  /** A trade as ECPay's QueryTradeInfo should report it. */
  record Trade(String status, String amount, String tradeNo, String paymentType) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class);
  }

  static int port() {
    return Integer.getInteger("it.ecpay.port", 9177);
  }

  static String base() {
    return "http://127.0.0.1:" + port();
  }

  /** ECPay now reports the trade paid (by card unless said otherwise). */
  static void paid(String merchantTradeNo, String amount, String tradeNo, String paymentType) {
    running().trades.put(merchantTradeNo, new Trade("1", amount, tradeNo, paymentType));
  }

  /** The DoAction requests received, their fields. */
  static List<Map<String, String>> doActions(String merchantTradeNo) {
    return running().doActions.stream()
        .filter(a -> merchantTradeNo.equals(a.get("MerchantTradeNo")))
        .toList();
  }

  /** The checkout forms ECPay accepted (their mac right), their fields. */
  static List<Map<String, String>> checkouts() {
    return List.copyOf(running().checkouts);
  }

  /** Takes ECPay away, as an outage would; {@link #restart()} brings it back on the same port. */
  static void stop() {
    running().server.stop(0);
  }

  static void restart() {
    Running r = running();
    r.server = r.listen();
  }

  /** A notice as ECPay signs it: the fields with their CheckMacValue. */
  static String notice(Map<String, String> fields) {
    Map<String, String> signed = new LinkedHashMap<>(fields);
    signed.put(CheckMacValue.PARAMETER, CheckMacValue.of(fields, HASH_KEY, HASH_IV));
    return formEncode(signed);
  }

  static String formEncode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Running running() {
    if (running == null) {
      throw new IllegalStateException("the test class needs @ExtendWith(EcpayStandIn.class)");
    }
    return running;
  }

  private static final class Running implements AutoCloseable {
    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    final List<Map<String, String>> doActions = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> checkouts = new CopyOnWriteArrayList<>();
    volatile HttpServer server;

    static Running start() {
      PaymentFixtures.awaitApplication();
      Running r = new Running();
      r.server = r.listen();
      return r;
    }

    HttpServer listen() {
      try {
        HttpServer http =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 0);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/Cashier/AioCheckOut/V5", this::checkout);
        http.createContext("/Cashier/QueryTradeInfo/V5", this::query);
        http.createContext("/CreditDetail/DoAction", this::doAction);
        http.start();
        return http;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void checkout(HttpExchange exchange) throws IOException {
      Map<String, String> form = read(exchange);
      if (!CheckMacValue.verifies(form, HASH_KEY, HASH_IV)) {
        answer(exchange, 400, "CheckMacValue Error");
        return;
      }
      checkouts.add(form);
      answer(exchange, 200, "ECPay stand-in: order " + form.get("MerchantTradeNo") + " accepted");
    }

    private void query(HttpExchange exchange) throws IOException {
      Map<String, String> form = read(exchange);
      if (!CheckMacValue.verifies(form, HASH_KEY, HASH_IV)) {
        answer(exchange, 200, "CheckMacValue Error");
        return;
      }
      String merchantTradeNo = form.getOrDefault("MerchantTradeNo", "");
      Trade trade = trades.getOrDefault(merchantTradeNo, new Trade("0", "0", "", ""));
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("MerchantID", MERCHANT_ID);
      fields.put("MerchantTradeNo", merchantTradeNo);
      fields.put("StoreID", "");
      fields.put("TradeNo", trade.tradeNo());
      fields.put("TradeAmt", trade.amount());
      fields.put("PaymentDate", "1".equals(trade.status()) ? "2027/01/09 10:00:00" : "");
      fields.put("PaymentType", trade.paymentType());
      fields.put("HandlingCharge", "0");
      fields.put("PaymentTypeChargeFee", "0");
      fields.put("TradeDate", "2027/01/09 09:55:00");
      fields.put("TradeStatus", trade.status());
      fields.put("ItemName", "Boxoffice booking");
      answer(exchange, 200, notice(fields));
    }

    private void doAction(HttpExchange exchange) throws IOException {
      Map<String, String> form = read(exchange);
      if (!CheckMacValue.verifies(form, HASH_KEY, HASH_IV)) {
        answer(exchange, 200, "RtnCode=0&RtnMsg=CheckMacValue+Error");
        return;
      }
      doActions.add(form);
      answer(
          exchange,
          200,
          formEncode(
              Map.of(
                  "MerchantID",
                  MERCHANT_ID,
                  "MerchantTradeNo",
                  form.getOrDefault("MerchantTradeNo", ""),
                  "TradeNo",
                  form.getOrDefault("TradeNo", ""),
                  "RtnCode",
                  "1",
                  "RtnMsg",
                  "OK")));
    }

    private static Map<String, String> read(HttpExchange exchange) throws IOException {
      return EcpayGateway.formDecode(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
