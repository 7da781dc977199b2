package jp.machi.promotion.prcontent.application;

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

/** 広報コンテンツ per fiscal year: how many items the municipality published on all its channels (counted in the database). */
@ApplicationScoped
public class PrContentMetrics implements MetricSource {

    public static final String PER_FISCAL_YEAR = "pr-contents-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(PER_FISCAL_YEAR, LocalizedText.of("広報コンテンツの発信件数", "PR content items published"), "件",
                    LocalizedText.of("その年度に広報媒体で発信した記事・番組・投稿・報道発表の件数",
                            "Articles, programmes, posts and press releases published on the PR channels in the fiscal year")));

    @Inject
    PrContentService items;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without items has none (not 0), like the channels' metrics. */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!PER_FISCAL_YEAR.equals(metricId)) {
            return Optional.empty();
        }
        long n = items.countIn(fiscalYear.startYear());
        return n == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(n));
    }
}
