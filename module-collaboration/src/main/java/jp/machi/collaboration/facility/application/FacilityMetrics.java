package jp.machi.collaboration.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/**
 * 地域集会施設の利用者数 and 利用件数 per fiscal year: the sums of every facility's months of the year,
 * in the database. A year without any month recorded has no value (not zero).
 */
@ApplicationScoped
public class FacilityMetrics implements MetricSource {

    public static final String USERS = "facility-users-per-fiscal-year";
    public static final String BOOKINGS = "facility-bookings-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(USERS, LocalizedText.of("集会施設の利用者数", "Community facility users"), "人",
                    LocalizedText.of("その年度の各月の地域集会施設・市民活動サポートセンターの利用者数の合計",
                            "Users of the community facilities and support centre, summed over the months of the fiscal year")),
            new MetricDefinition(BOOKINGS, LocalizedText.of("集会施設の利用件数", "Community facility bookings"), "件",
                    LocalizedText.of("その年度の各月の地域集会施設・市民活動サポートセンターの利用件数の合計",
                            "Bookings of the community facilities and support centre, summed over the months of the fiscal year")));

    @Inject
    FacilityService facilities;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!USERS.equals(metricId) && !BOOKINGS.equals(metricId)) {
            return Optional.empty();
        }
        long[] s = facilities.sums(fiscalYear);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(USERS.equals(metricId) ? s[1] : s[0]));
    }
}
