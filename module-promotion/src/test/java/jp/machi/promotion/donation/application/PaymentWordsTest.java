package jp.machi.promotion.donation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jp.machi.promotion.donation.domain.PaymentMethod;
import org.junit.jupiter.api.Test;

/** A portal site's payment words as the donation import reads them (the CSV parser itself is core's, CsvRecordsTest). */
class PaymentWordsTest {

    @Test
    void paymentMethodsAreReadFromTheUsualWords() {
        assertEquals(PaymentMethod.CREDIT_CARD, DonationImportService.payment("クレジットカード決済"));
        assertEquals(PaymentMethod.CONVENIENCE_STORE, DonationImportService.payment("コンビニ払い"));
        assertEquals(PaymentMethod.BANK_TRANSFER, DonationImportService.payment("BANK_TRANSFER"));
        assertEquals(PaymentMethod.POSTAL_TRANSFER, DonationImportService.payment("ゆうちょ振替"));
        assertNull(DonationImportService.payment("小切手"));
    }
}
