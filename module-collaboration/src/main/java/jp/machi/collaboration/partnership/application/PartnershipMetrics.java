package jp.machi.collaboration.partnership.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partnership.domain.StartupYear;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/**
 * Metrics of partnerships and start-up support per fiscal year: activities under partnership
 * agreements (and their participants), entrepreneurs supported and new businesses (the yearly
 * figures; a cumulative indicator such as 取手市's 新規起業家数（累計） binds the yearly metric and
 * core adds the years to its baseline), empty-shop grants (number and amount). A year with nothing
 * recorded has no figure.
 */
@ApplicationScoped
public class PartnershipMetrics implements MetricSource {

    public static final String ACTIVITIES = "partnership-activities-per-fiscal-year";
    public static final String PARTICIPANTS = "partnership-participants-per-fiscal-year";
    public static final String SUPPORTED = "startup-entrepreneurs-supported-per-fiscal-year";
    public static final String NEW_BUSINESSES = "startup-new-businesses-per-fiscal-year";
    public static final String VACANT_SHOP_GRANTS = "vacant-shop-grants-per-fiscal-year";
    public static final String VACANT_SHOP_AMOUNT = "vacant-shop-grant-amount-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(ACTIVITIES, LocalizedText.of("連携協定に基づく連携事業の件数", "Activities under partnership agreements"),
                    "件", LocalizedText.of("その年度に実施した、大学・企業等との連携協定に基づく連携事業 (演奏会、表彰、学校プログラムなど) の数",
                            "Activities (concerts, prizes, school programmes …) under partnership agreements in the fiscal year")),
            new MetricDefinition(PARTICIPANTS, LocalizedText.of("連携事業の参加者数", "Participants in partnership activities"),
                    "人", LocalizedText.of("その年度の連携事業の参加者・来場者数の合計", "Participants in the fiscal year's partnership activities")),
            new MetricDefinition(SUPPORTED, LocalizedText.of("創業支援件数", "Entrepreneurs supported"), "人",
                    LocalizedText.of("その年度に創業支援等事業計画による支援を受けた創業者・創業希望者の数",
                            "Entrepreneurs and would-be entrepreneurs the start-up support plan reached in the fiscal year")),
            new MetricDefinition(NEW_BUSINESSES, LocalizedText.of("新規起業家数", "New entrepreneurs"), "人",
                    LocalizedText.of("その年度に創業支援等事業計画による支援を受けて起業した人の数 (累計の指標は基準値に各年度の数を加えます)",
                            "People who started a business in the fiscal year with the start-up support plan's help (a cumulative"
                                    + " indicator adds the years to its baseline)")),
            new MetricDefinition(VACANT_SHOP_GRANTS, LocalizedText.of("空き店舗活用補助金交付件数", "Empty-shop grants"), "件",
                    LocalizedText.of("その年度に交付を決定した空き店舗活用補助金の件数",
                            "Empty-shop grants decided in the fiscal year")),
            new MetricDefinition(VACANT_SHOP_AMOUNT, LocalizedText.of("空き店舗活用補助金交付額", "Empty-shop grants paid"), "円",
                    LocalizedText.of("その年度に交付を決定した空き店舗活用補助金の額の合計",
                            "The amount of the empty-shop grants decided in the fiscal year")));

    @Inject
    PartnershipService partnerships;

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fy) {
        switch (metricId) {
            case ACTIVITIES, PARTICIPANTS -> {
                long n = partnerships.activities(fy);
                if (n == 0) {
                    return Optional.empty();
                }
                return Optional.of(BigDecimal.valueOf(ACTIVITIES.equals(metricId) ? n : partnerships.participants(fy)));
            }
            case SUPPORTED, NEW_BUSINESSES -> {
                StartupYear y = partnerships.year(fy);
                return y == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(
                        SUPPORTED.equals(metricId) ? y.getEntrepreneursSupported() : y.getNewBusinesses()));
            }
            case VACANT_SHOP_GRANTS, VACANT_SHOP_AMOUNT -> {
                long[] s = partnerships.grantSums(fy);
                if (s[0] == 0) {
                    return Optional.empty();
                }
                return Optional.of(BigDecimal.valueOf(VACANT_SHOP_GRANTS.equals(metricId) ? s[0] : s[1]));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
