package jp.machi.collaboration.association.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MembershipRateTest {

    @Test
    void aDistrictsRateIsTheRateOfItsSumsNotTheAverageOfRates() {
        MembershipRate small = new MembershipRate(100, 90);   // 90.0 %
        MembershipRate large = new MembershipRate(900, 450);  // 50.0 %
        MembershipRate district = small.plus(large);
        // (90 + 450) / (100 + 900) = 54.0 %, where the average of the rates would be 70.0 %.
        assertEquals(new BigDecimal("54.0"), district.percent());
        assertEquals(new BigDecimal("90.0"), small.percent());
    }

    @Test
    void oneDecimalHalfUpAndNoRateWithoutHouseholds() {
        assertEquals(new BigDecimal("66.7"), new MembershipRate(3, 2).percent());
        assertEquals(new BigDecimal("0.1"), new MembershipRate(2000, 1).percent());
        assertEquals(new BigDecimal("0.0"), new MembershipRate(2001, 0).percent());
        assertNull(new MembershipRate(0, 0).percent());
    }
}
