package jp.machi.collaboration.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.collaboration.facility.application.FacilityService;
import jp.machi.collaboration.facility.domain.Facility;
import jp.machi.collaboration.facility.domain.FacilityKind;
import jp.machi.collaboration.facility.domain.FacilityMonitoring;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;

/**
 * Demo data of the community facilities of 茅ヶ崎市 (seed 003, 平成31年度 市民自治推進課 業務計画):
 * 5 地域集会施設管理運営業務 — 「市内11箇所の地域集会施設(コミュニティセンター)」 run with designated
 * managers (163,706 千円), 未設置地区 松林・湘北 — and 6 市民活動サポートセンター管理運営業務 (25,736 千円),
 * with monthly monitoring meetings (モニタリングを兼ねた定期連絡会), a 施設利用状況調査 and the choice of the
 * next designated managers for 33年度〜36年度 (= 令和3〜6年度, FY2021–FY2024).
 *
 * <p>What the seed gives: that there are 11 community centres and one support centre, that both are
 * run by designated managers, and the next period 令和3〜6年度. What it does not give is
 * <strong>invented</strong> and marked （架空）: the centres' names (numbered, since the seed names
 * none), addresses, rooms, hours, the managing organisations, the monthly figures and the monitoring
 * scores; the selection dates are left empty (the seed gives none).
 */
@ApplicationScoped
public class FacilityDemoData {

    static final String CHIGASAKI = "142077";

    private static final Logger LOG = Logger.getLogger(FacilityDemoData.class.getName());

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(CHIGASAKI)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                loader.chigasaki();
                return null;
            });
        }
    }

    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        FacilityService facilities;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void chigasaki() {
            tenancy.bind(CHIGASAKI);
            String invented = "（架空のデモデータ）名称・住所・部屋・時間・指定管理者・数値は架空です。茅ヶ崎市 平成31年度 市民自治推進課 業務計画 (seed 003) の"
                    + "「市内11箇所の地域集会施設(コミュニティセンター)」の例として";
            List<Facility> all = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                all.add(facilities.create(new Facility.Content(String.format("142077-CC%02d", i),
                        "（架空）第" + i + "地区コミュニティセンター", "ダイ" + i + "チクコミュニティセンター",
                        "Community Centre No. " + i + " (fictitious)", FacilityKind.COMMUNITY_CENTRE,
                        new Facility.Place("253-00" + String.format("%02d", i), "神奈川県茅ヶ崎市（架空）見本" + i + "丁目" + i + "番",
                                null, null, null, "月火水木金土日", LocalTime.of(9, 0), LocalTime.of(21, 30),
                                "年末年始（12月29日〜1月3日）は休館（架空）"),
                        "地域住民のコミュニティ活動の場（架空の説明）", "車椅子用トイレ・スロープあり（架空）", null, null, invented,
                        List.of(new Facility.Room("集会室", 60 + 5 * (i % 4)), new Facility.Room("和室", 20),
                                new Facility.Room("調理室", 16)),
                        List.of(new Facility.Manager(null, "（架空）第" + i + "地区まちぢから協議会", null, 2021, 2024, null, null,
                                null, null)),
                        true)));
            }
            all.add(facilities.create(new Facility.Content("142077-SC01", "市民活動サポートセンター",
                    "シミンカツドウサポートセンター", "Civic Activity Support Centre", FacilityKind.CIVIC_ACTIVITY_CENTRE,
                    new Facility.Place("253-0099", "神奈川県茅ヶ崎市（架空）見本中央1番", null, null, null, "火水木金土日",
                            LocalTime.of(9, 0), LocalTime.of(21, 0), "月曜日と年末年始は休館（架空）"),
                    "市民活動を総合的に推進する拠点施設: イベント、情報の受発信、相談、交流事業（seed 003）",
                    "エレベーター・多目的トイレあり（架空）", null, null,
                    "（架空のデモデータ）住所・部屋・時間・指定管理者・数値は架空です。施設と役割は seed 003 の 6 市民活動サポートセンター管理運営業務から",
                    List.of(new Facility.Room("会議室A", 30), new Facility.Room("会議室B", 18), new Facility.Room("交流スペース", 40)),
                    List.of(new Facility.Manager(null, "（架空）NPO法人 見本市民活動ネットワーク", null, 2021, 2024, null, null,
                            null, null)),
                    true)));
            // 令和5年度 (FY2023), a year of the period that has passed: invented monthly figures and monitoring.
            FiscalYear r5 = FiscalYear.of(2023);
            List<String> items = facilities.monitoringItems();
            String[] ratings = {"A", "A", "B", "S", "A", "B", "A", "A", "B", "A", "A", "S"};
            for (int k = 0; k < all.size(); k++) {
                Facility f = all.get(k);
                List<FacilityService.Month> months = new ArrayList<>();
                for (int m = 0; m < 12; m++) {
                    LocalDate start = r5.firstDay().plusMonths(m);
                    int bookings = 120 + 7 * k + (m % 6) * 9 - (m == 9 ? 30 : 0);
                    months.add(new FacilityService.Month(start, bookings, bookings * (13 + k % 3)));
                }
                facilities.replaceUse(f, r5, months);
                List<FacilityMonitoring.Score> scores = new ArrayList<>();
                for (int j = 0; j < items.size(); j++) {
                    scores.add(new FacilityMonitoring.Score(items.get(j), 3 + (j + k) % 3));
                }
                facilities.monitor(f, r5, scores, ratings[k], "（架空のデモデータ）定期連絡会を兼ねたモニタリングの結果、管理運営はおおむね適正。",
                        true);
            }
            LOG.info(() -> "Facility demo data: 11 community centres and the support centre of " + CHIGASAKI
                    + " (names of the centres, addresses, managers and figures invented)");
        }
    }
}
