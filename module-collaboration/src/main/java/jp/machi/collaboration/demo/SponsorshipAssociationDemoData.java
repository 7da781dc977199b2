package jp.machi.collaboration.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.collaboration.association.application.AssociationService;
import jp.machi.collaboration.association.domain.Association;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.sponsorship.application.SponsorshipService;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;

/**
 * Demo data of sponsorship name use and neighbourhood associations.
 *
 * <p>つくば市 (seed 000 #3, 渉外業務: 後援名義使用承認, 市長公室秘書課): the seed says applications are
 * examined and the name 「つくば市」 is approved for events others organise, that in 令和2年度 the
 * applications fell because of COVID-19, and that a つくば市後援名義使用承認ガイドライン asks sponsored
 * events for infection control. It gives no application or count: the applications below are
 * <strong>invented</strong> (（架空） in their names, 見本 for people) — one to decide, one approved
 * and reported, one approved whose report is overdue.
 *
 * <p>茅ヶ崎市 (seed 003, 平成31年度 市民自治推進課 業務計画, 7 自治会活動支援業務: 各種補助金の交付,
 * まちぢから協議会連絡会と連携した自治会加入促進; budget 16,321 千円). The seed names no association,
 * household count or membership rate: the associations and their figures below are
 * <strong>invented</strong> (flagged {@code invented}, （架空） in their names); their subsidies are
 * a small invented part of the seed's budget.
 */
@ApplicationScoped
public class SponsorshipAssociationDemoData {

    static final String TSUKUBA = "082201";
    static final String CHIGASAKI = "142077";

    private static final Logger LOG = Logger.getLogger(SponsorshipAssociationDemoData.class.getName());

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        CallerContext.runAs(Caller.SYSTEM, () -> {
            if (loaded.municipalityCodes().contains(TSUKUBA)) {
                loader.tsukuba();
            }
            if (loaded.municipalityCodes().contains(CHIGASAKI)) {
                loader.chigasaki();
            }
            return null;
        });
    }

    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        SponsorshipService sponsorships;

        @Inject
        AssociationService associations;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void tsukuba() {
            tenancy.bind(TSUKUBA);
            LocalDate today = PartnerService.today();
            sponsorship(today.minusDays(4), "（架空）見本市民合唱祭", today.plusMonths(2), "（架空）つくば見本合唱連盟",
                    SponsorshipState.APPLIED, null);
            Sponsorship held = sponsorship(today.minusMonths(5), "（架空）見本こども科学教室", today.minusMonths(3),
                    "（架空）NPO法人 見本サイエンスネット", SponsorshipState.APPROVED, today.minusMonths(4));
            held.reported(86, today.minusMonths(3).plusDays(10), "（デモ用の架空のデータです）感染対策を徹底して開催",
                    OffsetDateTime.now(ZoneOffset.UTC));
            sponsorship(today.minusMonths(3), "（架空）見本ふれあいウォーク", today.minusMonths(1), "（架空）見本ウォーキング協会",
                    SponsorshipState.APPROVED, today.minusMonths(2));
            LOG.info(() -> "Sponsorship demo data: 3 invented applications of " + TSUKUBA);
        }

        private Sponsorship sponsorship(LocalDate received, String event, LocalDate on, String organiser,
                SponsorshipState state, LocalDate decidedOn) {
            Sponsorship s = sponsorships.apply(received.atStartOfDay(PartnerService.JAPAN).toOffsetDateTime(),
                    PartnerChannel.PAPER, new Sponsorship.Event(event, on, on, FiscalYear.containing(on).startYear(),
                            "（架空）見本市民ホール", organiser, "（デモ用の架空のデータです）市民が参加できる催し", 0, 150),
                    new Sponsorship.Contact("見本 太郎", "茨城県つくば市（架空）", "000-0000-0001", null));
            if (state != SponsorshipState.APPLIED) {
                // Demo decisions are set directly (with the criteria checked): the history starts with real ones.
                s.checked(sponsorships.criteria());
                s.movedTo(state);
                s.decided(decidedOn, null, null);
            }
            return s;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void chigasaki() {
            tenancy.bind(CHIGASAKI);
            FiscalYear h31 = FiscalYear.of(2019);
            FiscalYear r2 = FiscalYear.of(2020);
            // name, district, households, members (FY2019), members (FY2020), subsidy (円) — all invented.
            List<Object[]> rows = List.of(
                    new Object[] {"（架空）見本一丁目自治会", "（架空）見本北地区", 820, 610, 600, 180_000L},
                    new Object[] {"（架空）見本二丁目自治会", "（架空）見本北地区", 1_240, 790, 770, 240_000L},
                    new Object[] {"（架空）見本浜町内会", "（架空）見本南地区", 560, 470, 462, 130_000L},
                    new Object[] {"（架空）見本団地自治会", "（架空）見本南地区", 1_900, 950, 920, 310_000L});
            for (Object[] r : rows) {
                Association a = associations.create(new Association.Content((String) r[0], null, (String) r[1],
                        "（架空のデモデータ）茅ヶ崎市 平成31年度 自治会活動支援業務 (seed 003) の例として", true));
                associations.record(a, h31, (Integer) r[2], (Integer) r[3], (Long) r[5]);
                associations.record(a, r2, (Integer) r[2], (Integer) r[4], (Long) r[5]);
            }
            LOG.info(() -> "Association demo data: 4 invented associations of " + CHIGASAKI + " (FY2019, FY2020)");
        }
    }
}
