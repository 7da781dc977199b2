package jp.machi.promotion.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
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
import jp.machi.promotion.vacanthouse.application.VacantHouseMetrics;
import jp.machi.promotion.vacanthouse.application.VacantHouseService;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;

/**
 * 須坂市's vacant-house bank demo (seed 002, 施策38 移住定住の促進及び若者の結婚支援). The seed gives the
 * indicator 「空き家バンク掲載物件登録件数の累計」 (84 properties in 2019, 160 by 2025; core's demo indicator
 * 38.P1) — properties registered in the bank, counted cumulatively — and says the bank is to be enlarged,
 * but lists no property. So the indicator is bound to the registrations metric (a cumulative indicator
 * adds each fiscal year's first registrations to the baseline 84; its targets stay) and three properties
 * are plainly invented: titles and descriptions say （架空のデモデータ）, owners are 見本 with e-mail at
 * example.jp and telephone numbers of zeros. Registered in 令和5年度 (two) and 令和6年度 (one), renewed since
 * (a registration runs two years), published on the portal.
 */
@ApplicationScoped
public class SuzakaVacantHouseDemo {

    private static final Logger LOG = Logger.getLogger(SuzakaVacantHouseDemo.class.getName());
    static final String SUZAKA = SuzakaMigrationDemo.SUZAKA;
    static final String INDICATOR = "空き家バンク掲載物件登録件数の累計";
    static final String INVENTED = SuzakaMigrationDemo.INVENTED;

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
        VacantHouseService houses;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            EntityManager em = tenancy.bind(SUZAKA);
            house(new VacantHouse.Property("臥竜山のふもとの古民家" + INVENTED, "須坂市 臥竜地区（架空）", DealType.SALE, null, 4_800_000L,
                    "6DK", new BigDecimal("142.50"), new BigDecimal("420.00"), 1962, "蔵付き。庭の手入れが必要です。" + INVENTED),
                    new VacantHouse.Owner("見本 太郎", "長野県須坂市（架空）", "000-0000-0011", "mihon.taro@example.jp"),
                    LocalDate.of(2023, 4, 20), LocalDate.of(2023, 5, 15));
            house(new VacantHouse.Property("蔵の町並みに近い平屋" + INVENTED, "須坂市 須坂地区（架空）", DealType.RENT, 45_000L, null,
                    "3LDK", new BigDecimal("78.20"), new BigDecimal("165.30"), 1985, "駅まで徒歩15分。" + INVENTED),
                    new VacantHouse.Owner("見本 次郎", "東京都（架空）", "000-0000-0012", null),
                    LocalDate.of(2023, 9, 1), LocalDate.of(2023, 10, 2));
            house(new VacantHouse.Property("果樹園付きの農家住宅" + INVENTED, "須坂市 豊丘地区（架空）", DealType.RENT_OR_SALE, 30_000L,
                    2_500_000L, "5DK", new BigDecimal("120.00"), new BigDecimal("980.00"), 1974, "りんご畑（約300㎡）付き。" + INVENTED),
                    new VacantHouse.Owner("見本 三郎", null, null, "mihon.saburo@example.jp"),
                    LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 1));
            bind(em);
            LOG.info(() -> "Promotion demo data: 3 invented vacant-bank properties of " + SUZAKA + "; " + INDICATOR + " bound to "
                    + VacantHouseMetrics.REGISTRATIONS);
        }

        /** Applied, surveyed, registered on {@code registeredOn}, renewed (its two years have run out by now), published. */
        private void house(VacantHouse.Property p, VacantHouse.Owner o, LocalDate appliedOn, LocalDate registeredOn) {
            VacantHouse v = houses.create(p, o, appliedOn);
            houses.take(v, "survey", "現地調査" + INVENTED);
            houses.take(v, "register", null);
            houses.revise(v, p, o, registeredOn);
            if (!v.getExpiresOn().isAfter(VacantHouseService.today())) {
                houses.take(v, "renew", "所有者の希望により更新" + INVENTED);
            }
            houses.take(v, "publish", null);
        }

        /** The seed's indicator takes its actuals from the registrations from now on (its baseline and targets stay). */
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
                        PromotionModule.ID, VacantHouseMetrics.REGISTRATIONS, i.getNote()), targets);
            }
        }
    }
}
