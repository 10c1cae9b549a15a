package org.boxoffice.payments.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of ECPay's notifications (ReturnURL and PaymentInfoURL), for the OpenAPI document
 * only: the resource reads the form raw, so that nothing but {@code EcpayResource} decodes it.
 */
@Schema(
    name = "EcpayNotice",
    description = "ECPay's notice, form-encoded, signed with its CheckMacValue")
public record EcpayNotice(
    String MerchantID,
    String MerchantTradeNo,
    String RtnCode,
    String RtnMsg,
    String TradeNo,
    String TradeAmt,
    String PaymentType,
    String SimulatePaid,
    String CheckMacValue) {}
