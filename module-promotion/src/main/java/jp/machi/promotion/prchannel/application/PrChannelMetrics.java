package jp.machi.promotion.prchannel.application;

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
import jp.machi.promotion.prchannel.domain.ChannelKind;

/**
 * 広報 metrics per fiscal year from the channels' monthly figures, by kind of channel (core's
 * metric catalogue is declared by the module, so a metric cannot name one channel the
 * municipality created; a municipality has one website and one bulletin, and the SNS accounts add
 * up): pages updated on the website (取手市's 市ホームページの更新件数), page views, bulletin issues,
 * press releases (flows: the year's sum), SNS followers (a stock: each account's last month).
 */
@ApplicationScoped
public class PrChannelMetrics implements MetricSource {

    public static final String PAGES_UPDATED = "pr-website-pages-updated-per-fiscal-year";
    public static final String PAGE_VIEWS = "pr-website-page-views-per-fiscal-year";
    public static final String BULLETIN_ISSUES = "pr-bulletin-issues-per-fiscal-year";
    public static final String PRESS_RELEASES = "pr-press-releases-per-fiscal-year";
    public static final String SNS_FOLLOWERS = "pr-sns-followers-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(PAGES_UPDATED, LocalizedText.of("ホームページの更新件数", "Website pages updated"), "件",
                    LocalizedText.of("その年度に更新したホームページのページ数 (ホームページの媒体の月ごとの件数の合計)",
                            "Pages of the website updated in the fiscal year (the sum of the website channels' monthly figures)")),
            new MetricDefinition(PAGE_VIEWS, LocalizedText.of("ホームページの閲覧数", "Website page views"), "件",
                    LocalizedText.of("その年度のホームページの閲覧数 (月ごとの合計)", "Page views of the website in the fiscal year (sum of the months)")),
            new MetricDefinition(BULLETIN_ISSUES, LocalizedText.of("広報紙の発行回数", "Bulletin issues"), "回",
                    LocalizedText.of("その年度に発行した広報紙の号数", "Issues of the PR bulletin published in the fiscal year")),
            new MetricDefinition(PRESS_RELEASES, LocalizedText.of("報道発表の件数", "Press releases"), "件",
                    LocalizedText.of("その年度の報道発表 (プレスリリース) の件数", "Press releases in the fiscal year")),
            new MetricDefinition(SNS_FOLLOWERS, LocalizedText.of("SNSのフォロワー数", "SNS followers"), "人",
                    LocalizedText.of("各SNSアカウントのその年度の最後の月のフォロワー数の合計",
                            "The followers of every SNS account in the last month of the fiscal year with a figure, added up")));

    @Inject
    PrChannelService channels;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without figures has none (not 0). */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        int fy = fiscalYear.startYear();
        Long v;
        switch (metricId) {
            case PAGES_UPDATED -> v = channels.totals(null, ChannelKind.WEBSITE, fy).pagesUpdated();
            case PAGE_VIEWS -> v = channels.totals(null, ChannelKind.WEBSITE, fy).pageViews();
            case BULLETIN_ISSUES -> v = channels.totals(null, ChannelKind.BULLETIN, fy).issues();
            case PRESS_RELEASES -> v = channels.totals(null, ChannelKind.PRESS_RELEASE, fy).releases();
            case SNS_FOLLOWERS -> v = channels.totals(null, ChannelKind.SNS, fy).followers();
            default -> v = null;
        }
        return v == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(v));
    }
}
