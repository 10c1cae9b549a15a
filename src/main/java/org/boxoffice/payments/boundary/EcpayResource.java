package org.boxoffice.payments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.payments.control.EcpayGateway;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ECPay's server notifications (answered {@code 1|OK}, as ECPay requires) and the page that sends a
 * buyer's browser to ECPay's payment page.
 */
@Path("payments/ecpay")
@ApplicationScoped
@Tag(name = "Payments")
public class EcpayResource {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String OK = "1|OK";

  @Inject EcpayPayments ecpay;
  @Inject EcpayGateway gateway;

  /**
   * ECPay's ReturnURL: a trade was paid, or an attempt failed. Form-encoded and signed
   * (CheckMacValue); the body is read raw so nothing but this class decodes it.
   */
  @POST
  @Path("return")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      operationId = "handleEcpayReturn",
      summary = "ECPay's payment notification, ReturnURL (signed by ECPay)")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "1|OK: received (also when it arrives again: each takes effect once)")
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_SIGNATURE or VALIDATION_FAILED: bad CheckMacValue, another merchant,"
              + " or not a form")
  @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND: an unknown MerchantTradeNo")
  @APIResponse(responseCode = "422", description = "AMOUNT_MISMATCH: not the payment's amount")
  @RequestBody(
      required = true,
      description = "ECPay's notice, form-encoded, with its CheckMacValue",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              schema = @Schema(implementation = EcpayNotice.class)))
  public String returned(InputStream body) throws IOException {
    ecpay.returned(form(body));
    return OK;
  }

  /** ECPay's PaymentInfoURL: an ATM account or store code was issued to the buyer (or not). */
  @POST
  @Path("payment-info")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      operationId = "handleEcpayPaymentInfo",
      summary = "ECPay's payment code notification, PaymentInfoURL (signed by ECPay)")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "1|OK: received (also when it arrives again: each takes effect once)")
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_SIGNATURE or VALIDATION_FAILED: bad CheckMacValue, another merchant,"
              + " or not a form")
  @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND: an unknown MerchantTradeNo")
  @APIResponse(responseCode = "422", description = "AMOUNT_MISMATCH: not the payment's amount")
  @RequestBody(
      required = true,
      description = "ECPay's notice, form-encoded, with its CheckMacValue",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              schema = @Schema(implementation = EcpayNotice.class)))
  public String paymentInfo(InputStream body) throws IOException {
    ecpay.paymentInfo(form(body));
    return OK;
  }

  /**
   * The page a browser is sent to (the booking's {@code payment.checkoutUrl}): it posts the signed
   * form to ECPay at once. Its own policy lets it post there and run its one script.
   */
  @GET
  @Path("{tradeNo}/checkout")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      operationId = "ecpayCheckoutPage",
      summary = "A page that posts a booking's payment form to ECPay (the token is the booking's)")
  @SecurityRequirementsSets({})
  @APIResponse(responseCode = "200", description = "The page, which posts the form to ECPay")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a trade number")
  @APIResponse(
      responseCode = "404",
      description = "PAYMENT_NOT_FOUND: no such unpaid payment, or the token is not its")
  public String checkoutPage(
      @PathParam("tradeNo")
          @Pattern(regexp = "[A-Za-z0-9]{1,20}", message = "is not a trade number")
          String tradeNo,
      @QueryParam("token") @Pattern(regexp = "[0-9a-f]{1,64}", message = "is not a checkout token")
          String token,
      @Context HttpServletResponse response) {
    Checkout.PaymentForm form = ecpay.checkoutForm(tradeNo, token);
    String nonce = HexFormat.of().formatHex(nonce());
    URI action = URI.create(form.action());
    // Replaces the API's policy, which forbids posting forms anywhere but here.
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'nonce-"
            + nonce
            + "'; style-src 'unsafe-inline'; form-action "
            + action.getScheme()
            + "://"
            + action.getAuthority()
            + "; base-uri 'none'; frame-ancestors 'none'");
    response.setHeader("Cache-Control", "no-store");
    return page(form, nonce);
  }

  private static byte[] nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String page(Checkout.PaymentForm form, String nonce) {
    StringBuilder html =
        new StringBuilder(
                "<!DOCTYPE html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">"
                    + "<title>Boxoffice: to ECPay</title></head><body>"
                    + "<form id=\"ecpay\" method=\"post\" action=\"")
            .append(escape(form.action()))
            .append("\">");
    form.fields()
        .forEach(
            (name, value) ->
                html.append("<input type=\"hidden\" name=\"")
                    .append(escape(name))
                    .append("\" value=\"")
                    .append(escape(value))
                    .append("\">"));
    html.append("<noscript><button type=\"submit\">Pay with ECPay</button></noscript></form>")
        .append("<script nonce=\"")
        .append(nonce)
        .append("\">document.getElementById('ecpay').submit();</script></body></html>");
    return html.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** The notice's fields; 400 VALIDATION_FAILED for a body that is not form-encoded. */
  private static Map<String, String> form(InputStream body) throws IOException {
    try {
      return EcpayGateway.formDecode(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("body", "is not a form-encoded ECPay notice");
    }
  }
}
