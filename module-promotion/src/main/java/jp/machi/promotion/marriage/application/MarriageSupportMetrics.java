package jp.machi.promotion.marriage.application;

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
 * 結婚支援 metrics per fiscal year, from live data: participants, couples formed, marriages reported
 * through the support. A cumulative indicator (累計, e.g. 須坂市's 「結婚支援事業を通じた成婚数の累計」)
 * bound to the marriages adds these yearly figures to its baseline (core's indicator evaluation).
 */
@ApplicationScoped
public class MarriageSupportMetrics implements MetricSource {

    public static final String PARTICIPANTS = "marriage-support-participants-per-fiscal-year";
    public static final String COUPLES = "marriage-support-couples-per-fiscal-year";
    public static final String MARRIAGES = "marriages-through-support-per-fiscal-year";

    public static final List<MetricDefinition> DEFINITIONS = List.of(
            new MetricDefinition(PARTICIPANTS, LocalizedText.of("結婚支援事業の参加者数", "Marriage support: participants"), "人",
                    LocalizedText.of("その年度 (4月〜翌3月) の交流イベント・相談・講座の参加者の合計", "Participants in the fiscal year's events, consultations and seminars")),
            new MetricDefinition(COUPLES, LocalizedText.of("結婚支援事業でのカップル成立数", "Marriage support: couples formed"), "組",
                    LocalizedText.of("その年度の結婚支援事業で成立したカップルの数", "Couples formed through the fiscal year's marriage support")),
            new MetricDefinition(MARRIAGES, LocalizedText.of("結婚支援事業を通じた成婚数", "Marriages through marriage support"), "件",
                    LocalizedText.of("その年度に報告された結婚支援事業を通じた成婚の数。累計の指標に結び付けると基準値に毎年度の数を加えます",
                            "Marriages reported through the support in the fiscal year; a cumulative indicator adds them to its baseline")));

    @Inject
    MarriageSupportService marriage;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    /** A year without activities has no figure (not 0): nothing was recorded yet. */
    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        if (!PARTICIPANTS.equals(metricId) && !COUPLES.equals(metricId) && !MARRIAGES.equals(metricId)) {
            return Optional.empty();
        }
        MarriageSupportService.Totals t = marriage.totals(fiscalYear.startYear());
        if (t.activities() == 0) {
            return Optional.empty();
        }
        long v = PARTICIPANTS.equals(metricId) ? t.participants() : COUPLES.equals(metricId) ? t.couplesFormed() : t.marriages();
        return Optional.of(BigDecimal.valueOf(v));
    }
}
