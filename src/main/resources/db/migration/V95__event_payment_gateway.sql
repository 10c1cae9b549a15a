-- ECPay (issue 20): the organizer's choice of payment gateway for an event. AUTO keeps the rule of
-- before (the currency decides: ECPay for TWD where it is usable, Stripe or the sandbox otherwise);
-- STRIPE and ECPAY pin the event to that gateway, and its bookings are refused with 503 while that
-- gateway cannot take them rather than sent to another one.
ALTER TABLE events ADD COLUMN payment_gateway VARCHAR(16) NOT NULL DEFAULT 'AUTO';
