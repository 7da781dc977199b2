package jp.machi.core.fiscalyear;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a fiscal year as the integer Gregorian year it starts in. */
@Converter(autoApply = true)
public class FiscalYearConverter implements AttributeConverter<FiscalYear, Integer> {

    @Override
    public Integer convertToDatabaseColumn(FiscalYear fy) {
        return fy == null ? null : fy.startYear();
    }

    @Override
    public FiscalYear convertToEntityAttribute(Integer year) {
        return year == null ? null : FiscalYear.of(year);
    }
}
