package jp.machi.promotion.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.prchannel.application.PrChannelMetrics;
import jp.machi.promotion.prchannel.application.PrChannelService;
import jp.machi.promotion.prchannel.domain.ChannelKind;
import jp.machi.promotion.prchannel.domain.PrChannel;

/**
 * 取手市's PR demo (seed 004, 改革項目17 市政情報の積極的な提供): the indicator 市ホームページの更新件数 (core's
 * demo indicator, 6,000 → 6,200 for 令和2–6年度) is bound to the website's pages-updated metric, so its
 * actuals come from the website channel's monthly figures. The seed gives no monthly figures: the
 * twelve months of 令和2年度 below are <strong>invented</strong> (the channel's name and note say so)
 * and add up to the 6,000 the seed gives for that year.
 */
@ApplicationScoped
public class ToridePrDemo {

    private static final Logger LOG = Logger.getLogger(ToridePrDemo.class.getName());
    static final String TORIDE = "082171";
    static final String INDICATOR = "市ホームページの更新件数";
    /** 令和2年度, April to March: invented, summing to 6,000 (seed 004's figure for 令和2年度). */
    static final int[] FY2020_PAGES = {520, 480, 510, 490, 505, 470, 530, 495, 460, 500, 515, 525};

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(TORIDE)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                loader.load();
                return null;
            });
        }
    }

    /** In a transaction of its own. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        PrChannelService channels;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            EntityManager em = tenancy.bind(TORIDE);
            List<PrChannel.Month> months = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                months.add(new PrChannel.Month(LocalDate.of(2020, 4, 1).plusMonths(i), null, FY2020_PAGES[i], null, null, null));
            }
            channels.create(new PrChannel.Content("市ホームページ（月ごとの件数は架空）", ChannelKind.WEBSITE, null,
                    "（架空のデモデータ）令和2年度の月ごとの更新件数はデモ用の架空の値です。合計はシード 004 (改革項目17) の令和2年度の 6,000 件。",
                    months));
            List<Indicator> found = em.createNamedQuery("Indicator.all", Indicator.class).getResultList().stream()
                    .filter(i -> INDICATOR.equals(i.getNameJa())).toList();
            for (Indicator i : found) {
                List<Indicator.YearFigures> targets = new ArrayList<>();
                for (IndicatorYearValue v : i.getValues()) {
                    targets.add(new Indicator.YearFigures(v.getFiscalYear(), v.getTarget(), null));
                }
                indicators.update(i, new Indicator.Definition(i.getCode(), i.getNameJa(), i.getNameEn(), i.getKind(),
                        i.getCategory(), i.getUnit(), i.getDirection(), i.getBaselineValue(), i.getBaselineYear(),
                        i.getFinalTarget(), i.getFinalTargetYear(), i.isCumulative(), i.getOwnerUnitId(),
                        PromotionModule.ID, PrChannelMetrics.PAGES_UPDATED, i.getNote()), targets);
            }
            LOG.info(() -> "Promotion demo data: " + TORIDE + "'s website channel with invented monthly figures for FY2020, and "
                    + found.size() + " indicator(s) " + INDICATOR + " bound to " + PrChannelMetrics.PAGES_UPDATED);
        }
    }
}
