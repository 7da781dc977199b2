package jp.machi.promotion.onestop.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import jp.machi.core.api.ApiException;
import org.junit.jupiter.api.Test;

/** The two declarations of the 申告特例申請書: both on a new application; an update may leave them out but never withdraw one. */
class OneStopDeclarationsTest {

    private static List<String> refused(Boolean noTaxReturn, Boolean atMostFive, boolean required) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        OneStopService.declarations(errors, noTaxReturn, atMostFive, required);
        return errors.stream().map(ApiException.FieldErrorKey::field).toList();
    }

    @Test
    void aNewApplicationNeedsBothDeclarations() {
        assertEquals(List.of(), refused(true, true, true));
        assertEquals(List.of("declaresNoTaxReturn", "declaresAtMostFive"), refused(null, null, true));
        assertEquals(List.of("declaresAtMostFive"), refused(true, false, true), "a sixth municipality: a tax return instead");
        assertEquals(List.of("declaresNoTaxReturn"), refused(false, true, true));
    }

    @Test
    void anUpdateKeepsOrConfirmsThemButNeverWithdrawsOne() {
        assertEquals(List.of(), refused(null, null, false));
        assertEquals(List.of(), refused(true, true, false));
        assertEquals(List.of("declaresAtMostFive"), refused(null, false, false));
    }
}
