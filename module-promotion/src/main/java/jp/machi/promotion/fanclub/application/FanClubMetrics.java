package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;
import jp.machi.promotion.PromotionModule;

/**
 * ファンクラブ metrics per fiscal year, from live data: the members at the end of the year (a
 * stock, for an indicator such as 周南市's ファンクラブ会員数; for the year under way, today) and the
 * members who joined in it. Only confirmed members count.
 */
@ApplicationScoped
public class FanClubMetrics implements MetricSource {

    public static final String MEMBERS = "fan-club-members-per-fiscal-year";
    public static final String JOINED = "fan-club-joined-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(MEMBERS, LocalizedText.of("ファンクラブ会員数", "Fan club members"), "人",
                    LocalizedText.of("年度末 (3月31日、今年度は今日) の会員数。メールアドレスを確認した会員だけを数えます",
                            "Members at the end of the fiscal year (31 March; today for the year under way); only confirmed members count")),
            new MetricDefinition(JOINED, LocalizedText.of("ファンクラブ新規入会者数", "New fan club members"), "人",
                    LocalizedText.of("その年度 (4月〜翌3月) に入会 (メールアドレスを確認) した人数",
                            "Members who joined (confirmed their address) in the fiscal year (April–March)")));

    @Inject
    FanClubService fanClub;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year in which nobody was (or joined as) a member has no figure (not 0): the fan club had not started. */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        long n;
        if (MEMBERS.equals(metricId)) {
            n = fanClub.membersAtEndOf(fiscalYear.startYear());
        } else if (JOINED.equals(metricId)) {
            n = fanClub.joinedIn(fiscalYear.startYear());
        } else {
            return Optional.empty();
        }
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
