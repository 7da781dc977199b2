package jp.machi.promotion.fanclub.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResidenceTest {

    private static final String SHUNAN = "352152";

    @Test
    void theMunicipalitysOwnNameWithOrWithoutItsSuffixOrPrefectureIsInTown() {
        assertEquals(Residence.IN_TOWN, Residence.of(SHUNAN, "周南市", "35", "周南市"));
        assertEquals(Residence.IN_TOWN, Residence.of(SHUNAN, "周南市", "35", "周南"));
        assertEquals(Residence.IN_TOWN, Residence.of(SHUNAN, "周南市", "35", "山口県周南市"));
        assertEquals(Residence.IN_TOWN, Residence.of(SHUNAN, "周南市", "35", " 周南市　"));
    }

    @Test
    void anotherMunicipalityOfThePrefectureIsInThePrefectureAndAnotherPrefectureIsElsewhere() {
        assertEquals(Residence.IN_PREFECTURE, Residence.of(SHUNAN, "周南市", "35", "下松市"));
        assertEquals(Residence.ELSEWHERE, Residence.of(SHUNAN, "周南市", "13", "周南市"));
        assertEquals(Residence.ELSEWHERE, Residence.of(SHUNAN, "周南市", "13", "世田谷区"));
    }
}
