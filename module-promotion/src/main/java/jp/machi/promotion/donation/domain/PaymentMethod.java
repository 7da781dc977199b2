package jp.machi.promotion.donation.domain;

/** How a donation was paid; the labels shown to people are {@code promotion.payment.<NAME>}. */
public enum PaymentMethod {
    CREDIT_CARD, BANK_TRANSFER, POSTAL_TRANSFER, CONVENIENCE_STORE, CASH, ELECTRONIC, OTHER
}
