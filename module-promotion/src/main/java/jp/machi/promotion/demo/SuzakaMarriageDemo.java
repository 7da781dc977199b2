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
import jp.machi.promotion.marriage.application.MarriageSupportMetrics;
import jp.machi.promotion.marriage.application.MarriageSupportService;
import jp.machi.promotion.marriage.domain.MarriageActivityKind;
import jp.machi.promotion.marriage.domain.MarriageSupportActivity;

/**
 * 須坂市's marriage-support demo (seed 002, 施策38 移住定住の促進及び若者の結婚支援). The seed gives the
 * indicator 「結婚支援事業を通じた成婚数の累計」 (13 in 2019, 15 by 2025; core's demo indicator 38.O2) and
 * names the work (結婚相談所の運営, 自己の魅力及びコミュニケーション能力を高める講座, 交流イベント) but no
 * records. So: the indicator is bound to the marriages metric (a cumulative indicator adds each year's
 * marriages to the baseline 13; its targets stay) and a few activities are plainly invented — their
 * titles and notes say （架空のデモデータ）.
 */
@ApplicationScoped
public class SuzakaMarriageDemo {

    private static final Logger LOG = Logger.getLogger(SuzakaMarriageDemo.class.getName());
    static final String INDICATOR = "結婚支援事業を通じた成婚数の累計";
    static final String INVENTED = "（架空のデモデータ）";

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(SuzakaMigrationDemo.SUZAKA)) {
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
        MarriageSupportService marriage;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            EntityManager em = tenancy.bind(SuzakaMigrationDemo.SUZAKA);
            List<MarriageSupportActivity.Content> invented = List.of(
                    new MarriageSupportActivity.Content(MarriageActivityKind.SEMINAR, LocalDate.of(2023, 6, 17),
                            "自分磨き・コミュニケーション講座" + INVENTED, 12, 0, 0, INVENTED),
                    new MarriageSupportActivity.Content(MarriageActivityKind.EVENT, LocalDate.of(2023, 11, 3),
                            "信州須坂 交流イベント" + INVENTED, 24, 3, 1, "成婚 1 件の報告" + INVENTED),
                    new MarriageSupportActivity.Content(MarriageActivityKind.CONSULTATION, LocalDate.of(2024, 9, 30),
                            "結婚相談所 9月の相談" + INVENTED, 8, 1, 1, "成婚 1 件の報告" + INVENTED));
            invented.forEach(marriage::create);
            bind(em);
            LOG.info(() -> "Promotion demo data: " + invented.size() + " invented marriage-support activities of " + SuzakaMigrationDemo.SUZAKA
                    + "; " + INDICATOR + " bound to " + MarriageSupportMetrics.MARRIAGES);
        }

        /** The seed's indicator takes its actuals from the marriages recorded from now on (its baseline and targets stay). */
        private void bind(EntityManager em) {
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
                        PromotionModule.ID, MarriageSupportMetrics.MARRIAGES, i.getNote()), targets);
            }
        }
    }
}
