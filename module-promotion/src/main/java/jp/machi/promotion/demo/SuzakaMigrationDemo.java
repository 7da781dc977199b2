package jp.machi.promotion.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.migration.application.MigrationMetrics;
import jp.machi.promotion.migration.application.MigrationService;
import jp.machi.promotion.migration.domain.ConsultationChannel;
import jp.machi.promotion.migration.domain.MigrationConsultation;
import jp.machi.promotion.migration.domain.SupportedMigration;

/**
 * 須坂市's migration demo (seed 002, 施策38 移住定住の促進及び若者の結婚支援). The seed gives the indicator
 * 「行政のサポートによる移住者数の累計」 (186 persons in 2019, 336 by 2025; core's demo indicator 38.O1) and
 * names the support (「移住支援信州須坂モデル」: work and housing introduced together, the vacant-house
 * bank, online consultations) but no individual records. So: the indicator is bound to the persons
 * metric (a cumulative indicator adds each year's persons to the baseline 186, its targets stay) and
 * a few records are plainly invented — notes say （架空のデモデータ）, people are 見本 with e-mail at
 * example.jp and telephone numbers of zeros.
 */
@ApplicationScoped
public class SuzakaMigrationDemo {

    private static final Logger LOG = Logger.getLogger(SuzakaMigrationDemo.class.getName());
    static final String SUZAKA = "202070";
    static final String INDICATOR = "行政のサポートによる移住者数の累計";
    static final String INVENTED = "（架空のデモデータ）";

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(SUZAKA)) {
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
        MigrationService migration;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            EntityManager em = tenancy.bind(SUZAKA);
            MigrationConsultation online = migration.create(new MigrationConsultation.Content(LocalDate.of(2023, 6, 10),
                    ConsultationChannel.ONLINE, "見本 花子", "mihon.hanako@example.jp", "000-0000-0001", "東京都（架空）", 3,
                    "夫婦と子ども1人" + INVENTED, true, true, true,
                    List.of(new MigrationConsultation.FollowUp(LocalDate.of(2023, 7, 1), ConsultationChannel.EMAIL,
                            "空き家バンクの物件情報を送付" + INVENTED))));
            migration.create(new MigrationConsultation.Content(LocalDate.of(2024, 5, 18), ConsultationChannel.EVENT, "見本 一郎",
                    null, "000-0000-0002", "長野県（架空）", 1, "単身" + INVENTED, true, false, false, List.of()));
            migration.create(new MigrationConsultation.Content(LocalDate.of(2024, 9, 2), ConsultationChannel.COUNTER, null, null,
                    null, null, 2, "夫婦" + INVENTED, false, true, false, List.of()));
            String model = "移住支援信州須坂モデル（仕事と住居の一括紹介）";
            List<SupportedMigration.Content> invented = List.of(
                    new SupportedMigration.Content(LocalDate.of(2023, 10, 1), 1, 3, model, "東京都", online.getId(), INVENTED),
                    new SupportedMigration.Content(LocalDate.of(2024, 2, 15), 1, 2, "空き家バンク", "神奈川県", null, INVENTED),
                    new SupportedMigration.Content(LocalDate.of(2024, 8, 20), 1, 1, model, "長野県", null, INVENTED));
            invented.forEach(migration::create);
            bind(em);
            LOG.info(() -> "Promotion demo data: 3 invented migration consultations and " + invented.size()
                    + " invented supported migrations of " + SUZAKA + "; " + INDICATOR + " bound to " + MigrationMetrics.PERSONS);
        }

        /** The seed's indicator takes its actuals from the supported migrations from now on (its baseline and targets stay). */
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
                        PromotionModule.ID, MigrationMetrics.PERSONS, i.getNote()), targets);
            }
        }
    }
}
