package org.boxoffice.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.platform.control.PlatformSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * ECPay (綠界) through its all-in-one payment API: the buyer's browser posts a signed form to {@code
 * AioCheckOut}, ECPay notifies the ReturnURL (and, for ATM and store codes, the PaymentInfoURL),
 * {@code QueryTradeInfo} tells a trade's state and {@code CreditDetail/DoAction} refunds a card
 * payment. Every message both ways is signed with {@link CheckMacValue}.
 *
 * <p>The trade number is the booking's id behind a configured prefix, so a booking never becomes
 * two orders at ECPay. Fault tolerance as Stripe's: 5 s per call, a circuit that opens after 5
 * consecutive failures for 10 s, 20 calls at once.
 */
@ApplicationScoped
public class EcpayGateway implements PaymentGateway {
  public static final String PROVIDER = "ecpay";

  /**
   * ECPay's public stage merchant for the all-in-one payment API, published in its developer
   * documentation for everyone to test with: a development default only, refused in production.
   */
  static final String STAGE_MERCHANT_ID = "3002607";

  // The stage merchant's HashKey and HashIV, published by ECPay beside its id: not secrets, and
  // a server with BOXOFFICE_ENV=production refuses them (a real merchant's come from
  // ECPAY_HASH_KEY and ECPAY_HASH_IV, secrets).
  static final String STAGE_HASH_KEY = "pwFHCqoQZGmho4w6";
  static final String STAGE_HASH_IV = "EkRm7iFT261dpevs";

  /** ECPay's older public stage merchant, still in many examples: refused in production too. */
  static final String OLD_STAGE_MERCHANT_ID = "2000132";

  /** ECPay reads its dates as Taiwan's local time. */
  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  public static final DateTimeFormatter TRADE_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(TAIPEI);

  public static final String RETURN_PATH = "/api/v1/payments/ecpay/return";
  public static final String PAYMENT_INFO_PATH = "/api/v1/payments/ecpay/payment-info";

  /** ATM transfer codes live at least a day at ECPay (its minimum); a late transfer is handled. */
  private static final String ATM_EXPIRE_DAYS = "1";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject @ConfigProperties PaymentSettings settings;
  @Inject @ConfigProperties PlatformSettings platform;
  @Inject Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** The merchant and its keys: configured, or ECPay's public stage merchant in development. */
  public record Merchant(String id, String hashKey, String hashIv) {
    boolean isPublicStage() {
      return STAGE_MERCHANT_ID.equals(id) || OLD_STAGE_MERCHANT_ID.equals(id);
    }
  }

  /** A trade as {@code QueryTradeInfo} reports it (its answer's mac checked). */
  public record Trade(
      String merchantTradeNo, String status, BigDecimal amount, String tradeNo, String method) {
    /** {@code TradeStatus} 1: paid. */
    public boolean paid() {
      return "1".equals(status);
    }
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  /** Whether all three of ECPAY_MERCHANT_ID, ECPAY_HASH_KEY and ECPAY_HASH_IV are set. */
  public boolean configured() {
    return present(settings.ecpayMerchantId)
        && present(settings.ecpayHashKey)
        && present(settings.ecpayHashIv);
  }

  public Merchant merchant() {
    if (configured()) {
      return new Merchant(
          settings.ecpayMerchantId.get().strip(),
          settings.ecpayHashKey.get().strip(),
          settings.ecpayHashIv.get().strip());
    }
    return new Merchant(STAGE_MERCHANT_ID, STAGE_HASH_KEY, STAGE_HASH_IV);
  }

  /**
   * Whether ECPay can take payments here: always in development (with the stage merchant when none
   * is configured); in production only with a merchant of one's own.
   */
  public boolean usable() {
    return !production() || (configured() && !merchant().isPublicStage());
  }

  /** Whether bookings in this currency pay through ECPay. */
  public boolean serves(String currency) {
    return Arrays.stream(settings.ecpayCurrencies.split(","))
        .map(String::strip)
        .anyMatch(c -> c.equalsIgnoreCase(currency));
  }

  public boolean production() {
    return "production".equalsIgnoreCase(platform.env.strip());
  }

  /** The booking's MerchantTradeNo: the prefix and the id, at most 20 letters and digits. */
  public String tradeNo(long bookingId) {
    String tradeNo = settings.ecpayTradePrefix.strip() + bookingId;
    if (!tradeNo.matches("[A-Za-z0-9]{1,20}")) {
      throw new IllegalStateException(
          "BOXOFFICE_ECPAY_TRADE_PREFIX must be letters and digits, short enough for 20 in all");
    }
    return tradeNo;
  }

  /**
   * The order at ECPay needs no call to create (the buyer's browser posts it), so this asks ECPay
   * whether it answers at all before seats are held for a payment page that would not open:
   * unreachable, 503 and the hold given back, as with Stripe. The intent's id is the trade number;
   * its secret opens the checkout page Boxoffice serves.
   */
  @Override
  @Timeout(5_000)
  @Retry(
      maxRetries = 1,
      delay = 200,
      jitter = 100,
      retryOn = {GatewayUnavailable.class, TimeoutException.class})
  @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000)
  @Bulkhead(20)
  public Intent createIntent(
      long bookingId, BigDecimal amount, String currency, String idempotencyKey) {
    String tradeNo = tradeNo(bookingId);
    post("/Cashier/QueryTradeInfo/V5", signed(queryFields(tradeNo)));
    return new Intent(tradeNo, secret());
  }

  /** The trade's state at ECPay; its answer must carry a valid mac. */
  @Timeout(5_000)
  @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000)
  @Bulkhead(20)
  public Trade query(String merchantTradeNo) {
    return queryNow(merchantTradeNo);
  }

  /**
   * Refunds a card payment ({@code DoAction}, action R): the trade is looked up first for ECPay's
   * own TradeNo, which the action needs. ECPay offers no idempotency key, so this is never retried
   * within a call; {@code RefundRetry} sends it again later, and ECPay refuses a refund beyond what
   * is left of the payment.
   */
  @Override
  @Timeout(10_000)
  @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000)
  @Bulkhead(20)
  public String refund(String intentId, BigDecimal amount, String currency, String idempotencyKey) {
    Trade trade = queryNow(intentId);
    if (!trade.paid()) {
      throw new GatewayUnavailable("ECPay trade " + intentId + " is not paid: no refund", null);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MerchantID", merchant().id());
    fields.put("MerchantTradeNo", intentId);
    fields.put("TradeNo", trade.tradeNo());
    fields.put("Action", "R");
    fields.put("TotalAmount", whole(amount));
    Map<String, String> answer = post("/CreditDetail/DoAction", signed(fields));
    if (!"1".equals(answer.get("RtnCode"))) {
      throw new GatewayUnavailable(
          "ECPay refused the refund of " + intentId + ": " + answer.get("RtnMsg"), null);
    }
    return "ecpay-" + trade.tradeNo() + "-" + idempotencyKey;
  }

  /**
   * The signed form a buyer's browser posts to AioCheckOut. Everything in it derives from the
   * stored payment, so the booking's answer and the checkout page show the same form however often
   * they are asked for.
   */
  public Checkout.PaymentForm form(
      String merchantTradeNo, BigDecimal amount, Instant openedAt, long bookingId) {
    String base = callbackBaseUrl();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MerchantID", merchant().id());
    fields.put("MerchantTradeNo", merchantTradeNo);
    fields.put("MerchantTradeDate", TRADE_DATE.format(openedAt));
    fields.put("PaymentType", "aio");
    fields.put("TotalAmount", whole(amount));
    fields.put("TradeDesc", "Boxoffice tickets");
    fields.put("ItemName", "Boxoffice booking " + bookingId);
    fields.put("ReturnURL", base + RETURN_PATH);
    fields.put("PaymentInfoURL", base + PAYMENT_INFO_PATH);
    fields.put("ChoosePayment", "ALL");
    fields.put("ExpireDate", ATM_EXPIRE_DAYS);
    fields.put("EncryptType", "1");
    return new Checkout.PaymentForm(
        apiBase() + "/Cashier/AioCheckOut/V5", new TreeMap<>(signed(fields)));
  }

  /** Whether a notification's CheckMacValue matches the rest of it, with this merchant's keys. */
  public boolean verifies(Map<String, String> parameters) {
    Merchant merchant = merchant();
    return CheckMacValue.verifies(parameters, merchant.hashKey(), merchant.hashIv());
  }

  /** ECPay's amounts are whole New Taiwan dollars. */
  public static String whole(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  /** Where ECPay and browsers reach this server, without a trailing slash. */
  public String callbackBaseUrl() {
    return settings.ecpayCallbackBaseUrl.strip().replaceAll("/+$", "");
  }

  /** The host the browser posts to, where the server's calls go too. */
  public String apiBase() {
    return settings.ecpayApiBase.strip().replaceAll("/+$", "");
  }

  private Trade queryNow(String merchantTradeNo) {
    Map<String, String> answer =
        post("/Cashier/QueryTradeInfo/V5", signed(queryFields(merchantTradeNo)));
    if (!verifies(answer)) {
      throw new GatewayUnavailable(
          "ECPay's answer about " + merchantTradeNo + " carries no valid CheckMacValue", null);
    }
    if (!merchantTradeNo.equals(answer.get("MerchantTradeNo"))) {
      throw new GatewayUnavailable("ECPay answered about another trade", null);
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(answer.getOrDefault("TradeAmt", "0"));
    } catch (NumberFormatException e) {
      throw new GatewayUnavailable("ECPay's TradeAmt is not a number", e);
    }
    return new Trade(
        merchantTradeNo,
        answer.getOrDefault("TradeStatus", ""),
        amount,
        answer.getOrDefault("TradeNo", ""),
        answer.getOrDefault("PaymentType", ""));
  }

  private Map<String, String> queryFields(String merchantTradeNo) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MerchantID", merchant().id());
    fields.put("MerchantTradeNo", merchantTradeNo);
    fields.put("TimeStamp", Long.toString(clock.instant().getEpochSecond()));
    return fields;
  }

  private Map<String, String> signed(Map<String, String> fields) {
    Merchant merchant = merchant();
    Map<String, String> signed = new LinkedHashMap<>(fields);
    signed.put(
        CheckMacValue.PARAMETER, CheckMacValue.of(fields, merchant.hashKey(), merchant.hashIv()));
    return signed;
  }

  /** Posts a form to ECPay and reads its form-encoded answer. */
  private Map<String, String> post(String path, Map<String, String> fields) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiBase() + path))
            .timeout(READ_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(fields)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GatewayUnavailable("ECPay can't be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayUnavailable("interrupted while calling ECPay", e);
    }
    if (response.statusCode() != 200) {
      throw new GatewayUnavailable("ECPay answered HTTP " + response.statusCode(), null);
    }
    return formDecode(response.body());
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

  /** A form-encoded body as fields; a name given twice keeps its first value. */
  public static Map<String, String> formDecode(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  private static String secret() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static boolean present(java.util.Optional<String> value) {
    return value.filter(v -> !v.isBlank()).isPresent();
  }
}
