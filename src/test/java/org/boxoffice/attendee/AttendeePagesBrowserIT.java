package org.boxoffice.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.admin.Browser;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The pages the account emails and waiting-list offers link to, opened in a phone-sized headless
 * Chromium by the link of the email itself: a copy of the server delivers its outbox to GreenMail
 * with its own address as the public base URL (an offer made by the other server's job links to
 * that server's address, its public base URL in the build).
 */
class AttendeePagesBrowserIT {
  static final String VERIFY_SUBJECT = "Confirm your email address";
  static final String RESET_SUBJECT = "Reset your Boxoffice password";
  static final String OFFER_SUBJECT = "Seats for you";
  static final String CONFIRMATION_SUBJECT = "Your tickets for";
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static AttendeeMail mail;
  static LibertyServer copy;
  static Browser phone;
  static String site;

  @BeforeAll
  static void start() {
    int port = LibertyServer.port(43);
    site = "http://localhost:" + port;
    mail = new AttendeeMail(site);
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.putAll(mail.env());
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    copy = LibertyServer.copyOfMain("boxoffice-pages", port, env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
    phone = new Browser(390, 844);
  }

  @AfterAll
  static void stop() {
    if (phone != null) {
      phone.close();
    }
    if (copy != null) {
      copy.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  @Test
  void the_verification_link_confirms_the_address_once_then_says_it_was_used() throws Exception {
    String email = register();
    String link = mail.link(mail.await(email, VERIFY_SUBJECT, 1), "verify-email");

    phone.open(link);
    phone.waitForText(By.tagName("h1"), "Confirm your email address");
    assertThat(verified(email)).as("opening the link alone confirms nothing").isFalse();
    fitsThePhone();
    assertThat(Axe.seriousViolations(phone.driver)).isEmpty();
    phone.screenshot("attendee-verify-email-phone");
    phone.clickAndWaitForPage(By.id("verify:confirm"));
    phone.waitForText(By.id("verified"), "Your email address is confirmed");
    assertThat(verified(email)).isTrue();

    phone.open(link);
    phone.clickAndWaitForPage(By.id("verify:confirm"));
    phone.waitForText(By.id("spent"), "This link was already used or has expired");
    assertThat(phone.driver.findElements(By.id("verified"))).isEmpty();
  }

  @Test
  void a_verification_link_without_a_token_says_it_cannot_be_used() throws Exception {
    HttpResponse<String> page = get("/verify-email", "en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("This link was already used or has expired");
    assertThat(page.body()).doesNotContain("verify:confirm");
  }

  @Test
  void the_reset_link_shows_the_policy_per_field_then_sets_the_password_once() throws Exception {
    String email = register();
    assertThat(resetRequest(email).status()).isEqualTo(202);
    String link = mail.link(mail.await(email, RESET_SUBJECT, 1), "password-reset");

    phone.open(link);
    phone.waitForText(By.tagName("h1"), "Choose a new password");
    phone.type(By.id("reset:password"), "short");
    phone.type(By.id("reset:repeat"), "short");
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("reset:passwordError"), "Too short: use at least 10 characters");

    phone.type(By.id("reset:password"), "password12");
    phone.type(By.id("reset:repeat"), "password12");
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("reset:passwordError"), "too common");

    String chosen = "a-brand-new-passphrase-" + UUID.randomUUID();
    phone.type(By.id("reset:password"), chosen);
    phone.type(By.id("reset:repeat"), chosen + "x");
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("reset:repeatError"), "The two passwords are not the same");
    assertThat(Axe.seriousViolations(phone.driver)).as("the form with an error").isEmpty();
    assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(200);

    phone.type(By.id("reset:password"), chosen);
    phone.type(By.id("reset:repeat"), chosen);
    fitsThePhone();
    phone.screenshot("attendee-password-reset-phone");
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("changed"), "Your password is changed");
    assertThat(login(email, chosen).status()).isEqualTo(200);
    assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(401);

    phone.open(link);
    String another = "yet-another-passphrase-" + UUID.randomUUID();
    phone.type(By.id("reset:password"), another);
    phone.type(By.id("reset:repeat"), another);
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("spent"), "This link was already used or has expired");
    assertThat(login(email, chosen).status()).isEqualTo(200);
    assertThat(login(email, another).status()).isEqualTo(401);
  }

  @Test
  void an_expired_reset_link_says_so_and_offers_a_new_one_that_arrives() throws Exception {
    String email = register();
    resetRequest(email);
    String link = mail.link(mail.await(email, RESET_SUBJECT, 1), "password-reset");
    assertThat(
            Db.update(
                "UPDATE one_time_tokens SET expires_at = ? WHERE user_id = ? AND purpose ="
                    + " 'RESET_PASSWORD'",
                Timestamp.from(Instant.now().minusSeconds(1)),
                userId(email)))
        .isEqualTo(1);

    phone.open(link);
    String late = "a-passphrase-too-late-" + UUID.randomUUID();
    phone.type(By.id("reset:password"), late);
    phone.type(By.id("reset:repeat"), late);
    phone.clickAndWaitForPage(By.id("reset:change"));
    phone.waitForText(By.id("spent"), "This link was already used or has expired");
    assertThat(login(email, late).status()).isEqualTo(401);
    assertThat(Axe.seriousViolations(phone.driver)).isEmpty();
    phone.screenshot("attendee-password-reset-spent-phone");

    phone.type(By.id("newLink:email"), "not-an-email");
    phone.clickAndWaitForPage(By.id("newLink:send"));
    assertThat(phone.visible(By.id("newLink:emailError")).getText()).isNotBlank();
    assertThat(mail.count(email, RESET_SUBJECT)).isEqualTo(1);

    phone.type(By.id("newLink:email"), email);
    phone.clickAndWaitForPage(By.id("newLink:send"));
    phone.waitForText(By.id("sent"), "Check your email");
    String fresh = mail.link(mail.await(email, RESET_SUBJECT, 2), "password-reset");
    assertThat(fresh).isNotEqualTo(link);
  }

  @Test
  void the_pages_speak_traditional_chinese_to_a_browser_that_asks_for_it() throws Exception {
    HttpResponse<String> zh = get("/password-reset?token=x", "zh-TW,zh;q=0.9,en;q=0.5");
    assertThat(zh.statusCode()).isEqualTo(200);
    assertThat(zh.body()).contains("lang=\"zh-TW\"").contains("設定新密碼").contains("請使用至少 10 個字元");
    HttpResponse<String> hant = get("/verify-email?token=x", "zh-Hant-HK");
    assertThat(hant.body()).contains("確認你的電子郵件地址");
    HttpResponse<String> en = get("/verify-email?token=x", "fr-FR,en;q=0.5");
    assertThat(en.body()).contains("lang=\"en\"").contains("Confirm your email address");
  }

  @Test
  void the_pages_carry_the_admin_pages_strict_headers_and_refuse_a_cross_site_post()
      throws Exception {
    HttpResponse<String> page = get("/password-reset?token=x", "en");
    assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(policy)
        .doesNotContain("unsafe-eval")
        .doesNotContain("script-src 'self' 'unsafe-inline'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).startsWith("no-store");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=");

    HttpResponse<String> crossSite =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(site + "/password-reset"))
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "newLink=newLink&newLink%3Aemail=a%40b.test"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
  }

  @Test
  void a_free_offer_opened_from_its_email_is_claimed_after_sign_in_and_its_ticket_is_in_the_wallet()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    long eventId = waitlistEvent(organizer, 1, "0");
    Accounts.User booker = Accounts.attendee();
    long booking = booked(booker, eventId, 1);
    Accounts.User waiting = Accounts.attendee();
    Accounts.User stranger = Accounts.attendee();
    long entry = joined(waiting, eventId, 1);
    assertThat(booker.api().post("/bookings/" + booking + "/cancel", "{}").status()).isEqualTo(200);
    String link =
        AttendeeMail.linkAnywhere(
            mail.await(waiting.email(), OFFER_SUBJECT, 1), "/waitlist/" + entry);
    Instant until =
        Instant.ofEpochMilli(
            Db.number(
                "SELECT (extract(epoch FROM offer_expires_at) * 1000)::bigint"
                    + " FROM waitlist_entries WHERE id = ?",
                entry));

    try (Browser browser = new Browser(390, 844)) {
      browser.open(link);
      browser.visible(By.id("signIn:email"));
      assertThat(browser.driver.getCurrentUrl()).endsWith("/sign-in");
      WalletBrowserIT.signIn(browser, waiting);
      browser.waitForText(By.tagName("h1"), "Seats for you from the waiting list");
      assertThat(browser.driver.getCurrentUrl()).isEqualTo(link);
      assertThat(browser.visible(By.id("event-title")).getText())
          .isEqualTo("Waiting list page test");
      assertThat(browser.visible(By.id("held")).getText()).isEqualTo("Standard · 1 seat");
      ZonedDateTime inTaipei = until.atZone(ZoneId.of("Asia/Taipei"));
      assertThat(browser.visible(By.id("until")).getText())
          .contains(
              inTaipei.format(
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH)))
          .contains(
              inTaipei.format(
                  DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH)))
          .contains("Asia/Taipei");
      fitsThePhone(browser);
      assertThat(Axe.seriousViolations(browser.driver)).isEmpty();
      browser.screenshot("attendee-waitlist-offer-phone");

      browser.clickAndWaitForPage(By.id("offerForm:claim"));
      browser.waitForText(By.id("confirmed"), "Your booking is confirmed");
      assertThat(Axe.seriousViolations(browser.driver)).as("claimed").isEmpty();
      assertThat(Db.query("SELECT status FROM waitlist_entries WHERE id = ?", entry).get(0))
          .containsEntry("status", "CLAIMED");
      browser.clickAndWaitForPage(By.cssSelector("#confirmed a.button"));
      browser.waitForText(By.tagName("h1"), "My tickets");
      assertThat(browser.visible(By.id("upcoming")).getText()).contains("Waiting list page test");
      assertThat(browser.driver.findElements(By.cssSelector("#upcoming img.qr"))).hasSize(1);

      browser.open(link);
      browser.waitForText(By.id("claimed"), "You have claimed this offer");
      assertThat(browser.driver.findElements(By.id("offerForm:claim"))).isEmpty();

      browser.open(link.replaceAll("/waitlist/.*", "/wallet"));
      browser.clickAndWaitForPage(By.id("signOut:submit"));
      browser.open(link);
      WalletBrowserIT.signIn(browser, stranger);
      browser.waitForText(By.tagName("h1"), "Offer not found");
      assertThat(browser.driver.getPageSource()).doesNotContain("Waiting list page test");
      String cookie =
          "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpResponse<String> foreign =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(link)).header("Cookie", cookie).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(foreign.statusCode()).as("someone else's offer").isEqualTo(404);
      assertThat(foreign.headers().allValues("Content-Security-Policy")).hasSize(1);
      assertThat(foreign.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(foreign.headers().firstValue("Cache-Control").orElse("")).startsWith("no-store");
    }
  }

  @Test
  void a_paid_offer_says_what_happens_with_the_payment_and_declined_and_expired_offers_say_so()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    long eventId = waitlistEvent(organizer, 3, "25.00");
    Accounts.User booker = Accounts.attendee();
    long booking = booked(booker, eventId, 3);
    Accounts.User payer = Accounts.attendee();
    Accounts.User decliner = Accounts.attendee();
    Accounts.User late = Accounts.attendee();
    long paid = joined(payer, eventId, 1);
    long declined = joined(decliner, eventId, 1);
    long expired = joined(late, eventId, 1);
    assertThat(booker.api().post("/bookings/" + booking + "/cancel", "{}").status()).isEqualTo(200);
    String payLink =
        AttendeeMail.linkAnywhere(mail.await(payer.email(), OFFER_SUBJECT, 1), "/waitlist/" + paid);
    String declineLink =
        AttendeeMail.linkAnywhere(
            mail.await(decliner.email(), OFFER_SUBJECT, 1), "/waitlist/" + declined);
    String lateLink =
        AttendeeMail.linkAnywhere(
            mail.await(late.email(), OFFER_SUBJECT, 1), "/waitlist/" + expired);

    try (Browser browser = new Browser(390, 844)) {
      browser.open(payLink);
      WalletBrowserIT.signIn(browser, payer);
      browser.clickAndWaitForPage(By.id("offerForm:claim"));
      browser.waitForText(By.id("payment-due"), "Your seats are booked: now pay for them");
      long bookingId = Db.number("SELECT booking_id FROM waitlist_entries WHERE id = ?", paid);
      assertThat(browser.visible(By.id("pay")).getText())
          .contains("Booking " + bookingId + " holds your seats until")
          .contains("Pay €25.00 to confirm it")
          .contains("(Asia/Taipei)");
      assertThat(browser.visible(By.id("payment")).getText()).contains("sandbox");
      assertThat(Db.query("SELECT status FROM bookings WHERE id = ?", bookingId).get(0))
          .containsEntry("status", "PENDING");
      fitsThePhone(browser);
      assertThat(Axe.seriousViolations(browser.driver)).as("payment due").isEmpty();
      browser.screenshot("attendee-waitlist-payment-due-phone");
      signOut(browser, payLink);

      browser.open(declineLink);
      WalletBrowserIT.signIn(browser, decliner);
      browser.clickAndWaitForPage(By.id("offerForm:decline"));
      browser.waitForText(By.id("declined"), "You declined this offer");
      assertThat(Db.query("SELECT status FROM waitlist_entries WHERE id = ?", declined).get(0))
          .containsEntry("status", "DECLINED");
      signOut(browser, declineLink);

      browser.open(lateLink);
      WalletBrowserIT.signIn(browser, late);
      browser.visible(By.id("offerForm:claim"));
      Db.update(
          "UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = ?",
          expired);
      browser.clickAndWaitForPage(By.id("offerForm:claim"));
      browser.waitForText(By.id("notices"), "This offer is no longer open.");
      browser.waitForText(By.id("expired"), "This offer has expired");
      assertThat(Axe.seriousViolations(browser.driver)).as("expired").isEmpty();
      assertThat(
              Db.number(
                  "SELECT count(*) FROM bookings WHERE event_id = ? AND user_id = ?",
                  eventId,
                  late.id()))
          .isZero();
    }
  }

  @Test
  void the_link_in_the_confirmation_email_opens_the_wallet_with_the_booked_ticket()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    long eventId = waitlistEvent(organizer, 5, "0");
    Accounts.User holder = Accounts.attendee();
    ApiResponse booking =
        copy.api()
            .as(holder.token())
            .post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": 1}");
    assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
    assertThat(booking.data().getString("status")).isEqualTo("CONFIRMED");
    String link =
        AttendeeMail.linkAnywhere(mail.await(holder.email(), CONFIRMATION_SUBJECT, 1), "/wallet");
    assertThat(link).isEqualTo(site + "/wallet");

    try (Browser browser = new Browser(390, 844)) {
      browser.open(link);
      WalletBrowserIT.signIn(browser, holder);
      browser.waitForText(By.tagName("h1"), "My tickets");
      assertThat(browser.driver.getCurrentUrl()).isEqualTo(link);
      assertThat(browser.visible(By.id("upcoming")).getText()).contains("Waiting list page test");
      assertThat(browser.driver.findElements(By.cssSelector("#upcoming img.qr"))).hasSize(1);
    }
  }

  @Test
  void emails_are_in_the_language_of_the_account_with_dates_and_money_the_language_way()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Temple fair", "description": "d", "location": "Lungshan Temple",
                 "startDate": "2027-04-10T19:30:00+08:00", "endDate": "2027-04-10T22:00:00+08:00",
                 "timeZone": "Asia/Taipei", "capacity": 10, "currency": "USD",
                 "ticketTypes": [{"name": "Standard", "price": 1234.5, "maxPerOrder": 10}]}
                """);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long eventId = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().post("/events/" + eventId + "/publish", "{}").status())
        .isEqualTo(200);

    String chinese = registerIn("zh-TW,zh;q=0.9,en;q=0.5");
    String english = registerIn("fr-FR,en;q=0.8");
    assertThat(mail.await(chinese, "請確認你在 Boxoffice 的電子郵件地址", 1)).isNotNull();
    assertThat(mail.await(english, "Confirm your email address", 1)).isNotNull();
    Api chineseApi =
        copy.api().as(login(chinese, Accounts.PASSWORD).data().getString("accessToken"));
    Api englishApi =
        copy.api().as(login(english, Accounts.PASSWORD).data().getString("accessToken"));
    assertThat(chineseApi.get("/me").data().getString("locale")).isEqualTo("zh-TW");
    assertThat(englishApi.get("/me").data().getString("locale")).isEqualTo("en");
    paidBooking(chineseApi, eventId);
    paidBooking(englishApi, eventId);

    String zhText = AttendeeMail.text(mail.await(chinese, "你的票券：Temple fair", 1));
    assertThat(zhText)
        .contains("Temple fair")
        .contains("2027年4月10日 星期六 下午7:30 (Asia/Taipei)")
        .contains("US$1,234.50")
        .doesNotContain("Hello");
    String enText = AttendeeMail.text(mail.await(english, "Your tickets for Temple fair", 1));
    assertThat(enText)
        .contains("Saturday, April 10, 2027 7:30")
        .contains("PM (Asia/Taipei)")
        .contains("$1,234.50")
        .doesNotContain("US$");

    ApiResponse unsupported = englishApi.patch("/me", "{\"locale\": \"fr\"}");
    assertThat(unsupported.status()).as(unsupported.toString()).isEqualTo(400);
    assertThat(unsupported.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(unsupported.errorFields()).containsExactly("locale");
    ApiResponse switched = englishApi.patch("/me", "{\"locale\": \"zh-TW\"}");
    assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
    assertThat(switched.data().getString("locale")).isEqualTo("zh-TW");
    assertThat(englishApi.post("/auth/password-reset", "{\"email\": \"" + english + "\"}").status())
        .isEqualTo(202);
    assertThat(AttendeeMail.text(mail.await(english, "重設你的 Boxoffice 密碼", 1))).contains("1 小時");
  }

  /** Registers on the copy with this Accept-Language; returns the email. */
  static String registerIn(String acceptLanguage) {
    String email = "lang-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        copy.api()
            .withHeader("Accept-Language", acceptLanguage)
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Lin", "lastName": "Mei"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return email;
  }

  /** Books one seat and pays it in the sandbox. */
  static void paidBooking(Api api, long eventId) {
    JsonObject booking = PaymentFixtures.booked(api, eventId, 1);
    ApiResponse paid =
        api.post("/payments/sandbox/" + PaymentFixtures.intentOf(booking) + "/confirm", "");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
  }

  static void signOut(Browser browser, String link) {
    browser.open(link.replaceAll("/waitlist/.*", "/wallet"));
    browser.clickAndWaitForPage(By.id("signOut:submit"));
    browser.visible(By.id("signIn:email"));
  }

  /** A published event in Taipei's time zone with one ticket type, "Standard". */
  static long waitlistEvent(Accounts.User organizer, int capacity, String price) {
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Waiting list page test", "description": "d", "location": "Hall",
                 "startDate": "2027-04-10T19:30:00+08:00", "endDate": "2027-04-10T22:00:00+08:00",
                 "timeZone": "Asia/Taipei", "capacity": %d, "currency": "EUR",
                 "ticketTypes": [{"name": "Standard", "price": %s, "maxPerOrder": 10}]}
                """
                    .formatted(capacity, price));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return id;
  }

  static long booked(Accounts.User user, long eventId, int quantity) {
    ApiResponse booking =
        user.api()
            .post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");
    assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
    return booking.data().getJsonNumber("id").longValue();
  }

  static long joined(Accounts.User user, long eventId, int quantity) {
    ApiResponse entry =
        user.api()
            .post("/waitlist", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");
    assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
    return entry.data().getJsonNumber("id").longValue();
  }

  /** Registers a fresh attendee on the copy (so its emails link to the copy); returns its email. */
  static String register() {
    String email = "pages-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        copy.api()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Paige", "lastName": "Reader"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return email;
  }

  static ApiResponse resetRequest(String email) {
    return copy.api().post("/auth/password-reset", "{\"email\": \"" + email + "\"}");
  }

  static ApiResponse login(String email, String password) {
    return copy.api()
        .post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
  }

  static long userId(String email) {
    return Db.number("SELECT id FROM users WHERE email_lower = ?", email.toLowerCase());
  }

  static boolean verified(String email) {
    return Boolean.TRUE.equals(
        Db.query("SELECT email_verified FROM users WHERE email_lower = ?", email.toLowerCase())
            .get(0)
            .get("email_verified"));
  }

  static HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(site + path))
            .header("Accept-Language", acceptLanguage)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Nothing wider than the phone's screen: no sideways scrolling. */
  static void fitsThePhone() {
    fitsThePhone(phone);
  }

  static void fitsThePhone(Browser browser) {
    Object overflow =
        ((JavascriptExecutor) browser.driver)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
  }
}
