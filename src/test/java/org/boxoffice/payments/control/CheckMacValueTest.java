package org.boxoffice.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckMacValue} against the worked examples of ECPay's developer documentation.
 *
 * <p>Vectors, used as test data:
 *
 * <ul>
 *   <li>AioCheckOut, SHA-256: "附錄 / 檢查碼機制", https://developers.ecpay.com.tw/?p=2902 (English:
 *       https://developers.ecpay.com.tw/?p=16623), stage merchant 3002607's HashKey and HashIV. The
 *       page shows every intermediate step; its final value is the one ECPay's SDKs and several
 *       independent integrations test against.
 *   <li>MD5: the e-invoice allowance example of "附錄 / 檢查碼機制",
 *       https://developers.ecpay.com.tw/?p=38242 (English:
 *       https://developers.ecpay.com.tw/?p=38243).
 *   <li>The URL-encoding table ".NET編碼(ecpay)" of the same appendix
 *       (https://developers.ecpay.com.tw/?p=2904).
 * </ul>
 */
class CheckMacValueTest {
  private static final String STAGE_HASH_KEY = "pwFHCqoQZGmho4w6";
  private static final String STAGE_HASH_IV = "EkRm7iFT261dpevs";

  /** The example's parameters in the order the page lists them (unsorted on purpose). */
  private static Map<String, String> aioCheckOutExample() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("TradeDesc", "促銷方案");
    p.put("PaymentType", "aio");
    p.put("MerchantTradeDate", "2023/03/12 15:30:23");
    p.put("MerchantTradeNo", "ecpay20230312153023");
    p.put("MerchantID", "3002607");
    p.put("ReturnURL", "https://www.ecpay.com.tw/receive.php");
    p.put("ItemName", "Apple iphone 15");
    p.put("TotalAmount", "30000");
    p.put("ChoosePayment", "ALL");
    p.put("EncryptType", "1");
    return p;
  }

  @Test
  void the_aio_checkout_example_is_sorted_wrapped_and_encoded_as_the_documentation_shows() {
    // Step (3) of the page, lower-cased as its step (4) says.
    String documented =
        "HashKey%3dpwFHCqoQZGmho4w6%26ChoosePayment%3dALL%26EncryptType%3d1%26ItemName%3dApple+iphone+15"
            + "%26MerchantID%3d3002607%26MerchantTradeDate%3d2023%2f03%2f12+15%3a30%3a23"
            + "%26MerchantTradeNo%3decpay20230312153023%26PaymentType%3daio"
            + "%26ReturnURL%3dhttps%3a%2f%2fwww.ecpay.com.tw%2freceive.php%26TotalAmount%3d30000"
            + "%26TradeDesc%3d%e4%bf%83%e9%8a%b7%e6%96%b9%e6%a1%88%26HashIV%3dEkRm7iFT261dpevs";

    assertThat(CheckMacValue.encoded(aioCheckOutExample(), STAGE_HASH_KEY, STAGE_HASH_IV))
        .isEqualTo(documented.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void the_aio_checkout_example_hashes_to_the_documented_sha256_value() {
    assertThat(CheckMacValue.of(aioCheckOutExample(), STAGE_HASH_KEY, STAGE_HASH_IV))
        .isEqualTo("6C51C9E6888DE861FD62FB1DD17029FC742634498FD813DC43D4243B5685B840");
  }

  @Test
  void the_md5_example_hashes_to_the_documented_value() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("RtnCode", "1");
    p.put("RtnMsg", "");
    p.put("IA_Allow_No", "1909181313013546");
    p.put("IA_Invoice_No", "UV11100019");
    p.put("IA_Date", "2019-09-18 13:13:23");
    p.put("IIS_Remain_Allowance_Amt", "0");

    assertThat(CheckMacValue.encoded(p, "ejCk326UnaZWKisg", "q9jcZX8Ib9LM8wYk"))
        .isEqualTo(
            "hashkey%3dejck326unazwkisg%26ia_allow_no%3d1909181313013546%26ia_date%3d2019-09-18"
                + "+13%3a13%3a23%26ia_invoice_no%3duv11100019%26iis_remain_allowance_amt%3d0"
                + "%26rtncode%3d1%26rtnmsg%3d%26hashiv%3dq9jczx8ib9lm8wyk");
    assertThat(CheckMacValue.of(p, "ejCk326UnaZWKisg", "q9jcZX8Ib9LM8wYk", CheckMacValue.Hash.MD5))
        .isEqualTo("50A276E71DAE26343013958B405EEEA0");
  }

  @Test
  void url_encoding_follows_the_dot_net_column_of_ecpays_table() {
    // Kept as they are: - _ . ! * ( ) ; a space becomes +.
    assertThat(CheckMacValue.dotNetUrlEncode("-_.!*() ")).isEqualTo("-_.!*()+");
    // Encoded: ~ @ # $ % ^ & = + ; ? / \ > < ` [ ] { } : ' " , |
    assertThat(CheckMacValue.dotNetUrlEncode("~@#$%^&=+;?/\\><`[]{}:'\",|").toLowerCase())
        .isEqualTo("%7e%40%23%24%25%5e%26%3d%2b%3b%3f%2f%5c%3e%3c%60%5b%5d%7b%7d%3a%27%22%2c%7c");
  }

  @Test
  void names_sort_without_regard_to_case_as_in_ecpays_own_notifications() {
    Map<String, String> p = new HashMap<>();
    p.put("amount", "1");
    p.put("AlipayID", "");
    p.put("ATMAccBank", "");

    assertThat(CheckMacValue.encoded(p, "k", "v"))
        .isEqualTo("hashkey%3dk%26alipayid%3d%26amount%3d1%26atmaccbank%3d%26hashiv%3dv");
  }

  @Test
  void a_notification_verifies_with_its_own_value_and_not_once_a_field_was_changed() {
    Map<String, String> p = new HashMap<>(aioCheckOutExample());
    p.put(CheckMacValue.PARAMETER, CheckMacValue.of(p, STAGE_HASH_KEY, STAGE_HASH_IV));
    assertThat(CheckMacValue.verifies(p, STAGE_HASH_KEY, STAGE_HASH_IV)).isTrue();

    p.put("TotalAmount", "1");
    assertThat(CheckMacValue.verifies(p, STAGE_HASH_KEY, STAGE_HASH_IV)).isFalse();
    p.remove(CheckMacValue.PARAMETER);
    assertThat(CheckMacValue.verifies(p, STAGE_HASH_KEY, STAGE_HASH_IV)).isFalse();
  }

  @Test
  void a_value_in_lower_case_hex_verifies_too() {
    Map<String, String> p = new HashMap<>(aioCheckOutExample());
    p.put(
        CheckMacValue.PARAMETER,
        "6c51c9e6888de861fd62fb1dd17029fc742634498fd813dc43d4243b5685b840");
    assertThat(CheckMacValue.verifies(p, STAGE_HASH_KEY, STAGE_HASH_IV)).isTrue();
  }
}
