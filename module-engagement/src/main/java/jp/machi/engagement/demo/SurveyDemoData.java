package jp.machi.engagement.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.survey.application.SurveyMetrics;
import jp.machi.engagement.survey.application.SurveyService;
import jp.machi.engagement.survey.domain.AgeGroup;
import jp.machi.engagement.survey.domain.Attribute;
import jp.machi.engagement.survey.domain.QuestionKind;
import jp.machi.engagement.survey.domain.ResponseChannel;
import jp.machi.engagement.survey.domain.Sex;
import jp.machi.engagement.survey.domain.Survey;
import jp.machi.engagement.survey.domain.SurveyQuestion;
import jp.machi.engagement.survey.domain.SurveyResponse;

/**
 * 須坂市's survey-based indicator (seed 002, 施策35 広聴・広報の充実): 「広報須坂」を読んでいる人の割合 was 86.5 % in
 * 2019, with 90.0 % as the 2025 target (core's demo indicator 35.O1). The seed gives the figure, not the
 * survey: so the FY2019 (令和元年度) survey here, its population, period and every one of its 200 answers
 * are invented (marked （架空のデモデータ）), chosen so that 読んでいる (120) and 時々読んでいる (53) make
 * 173 of 200 = 86.5 %. The indicator is bound to the question's metric; its FY2019 row shows the
 * survey's share next to the seed's baseline.
 */
@ApplicationScoped
public class SurveyDemoData {

    private static final Logger LOG = Logger.getLogger(SurveyDemoData.class.getName());
    static final String SUZAKA = "202070";
    static final String INDICATOR = "「広報須坂」を読んでいる人の割合";
    static final String INVENTED = "（架空のデモデータ）";
    public static final String METRIC_KEY = "koho-suzaka";

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
        SurveyService surveys;

        @Inject
        PublicIntake intake;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            EntityManager em = tenancy.bind(SUZAKA);
            Survey s = surveys.create(new Survey.Details(2019, "市民意識調査（令和元年度）" + INVENTED,
                    "市政についての市民意識調査。調査対象者数・回答期間・回答はすべて架空のデモデータです。"
                            + "「広報須坂」を読んでいる人の割合 86.5 %（2019年）は総合計画 施策35の成果指標の値です。",
                    LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 31), 2000, null,
                    EnumSet.of(Attribute.AGE_GROUP, Attribute.SEX), List.of(), false, true),
                    List.of(new Survey.QuestionSpec(QuestionKind.SINGLE, "「広報須坂」を読んでいますか。", true, METRIC_KEY,
                            List.of(new Survey.ChoiceSpec("読んでいる", true), new Survey.ChoiceSpec("時々読んでいる", true),
                                    new Survey.ChoiceSpec("あまり読んでいない", false), new Survey.ChoiceSpec("読んでいない", false))),
                            new Survey.QuestionSpec(QuestionKind.SCALE,
                                    "市の広報・広聴の取組にどの程度満足していますか（1: 不満 〜 5: 満足）。", false, null, List.of())));
            SurveyQuestion read = s.getQuestions().get(0);
            SurveyQuestion satisfied = s.getQuestions().get(1);
            // 120 読んでいる, 53 時々読んでいる, 17 あまり読んでいない, 10 読んでいない: 173 / 200 = 86.5 %.
            int[] perChoice = {120, 53, 17, 10};
            AgeGroup[] ages = AgeGroup.values();
            Sex[] sexes = {Sex.FEMALE, Sex.MALE};
            int n = 0;
            for (int c = 0; c < perChoice.length; c++) {
                for (int i = 0; i < perChoice[c]; i++, n++) {
                    OffsetDateTime at = LocalDate.of(2019, 7, 1 + n % 31).atTime(10, 0).atZone(SurveyService.JAPAN)
                            .toOffsetDateTime();
                    Intake in = intake.number(SurveyService.SERIES, at);
                    SurveyResponse r = new SurveyResponse(s.getId(), in.receiptNumber(), at,
                            n % 3 == 0 ? ResponseChannel.WEB : ResponseChannel.PAPER, ages[n % ages.length], null,
                            sexes[n % 2], false);
                    r.answer(read.getId(), read.getChoices().get(c).getId(), null, null);
                    if (n % 4 != 0) {
                        r.answer(satisfied.getId(), null, BigDecimal.valueOf(c < 2 ? 3 + n % 3 : 1 + n % 3), null);
                    }
                    em.persist(r);
                }
            }
            em.flush();
            bind(em);
            LOG.info(() -> "Engagement demo data: an invented FY2019 survey of " + SUZAKA + " (200 invented answers, 86.5 %"
                    + " read 広報須坂); " + INDICATOR + " bound to " + SurveyMetrics.PREFIX + METRIC_KEY);
        }

        /** The seed's indicator takes its actuals from the survey from now on (baseline and final target stay). */
        private void bind(EntityManager em) {
            List<Indicator> found = em.createNamedQuery("Indicator.all", Indicator.class).getResultList().stream()
                    .filter(i -> INDICATOR.equals(i.getNameJa())).toList();
            for (Indicator i : found) {
                List<Indicator.YearFigures> years = new ArrayList<>();
                boolean has2019 = false;
                for (IndicatorYearValue v : i.getValues()) {
                    years.add(new Indicator.YearFigures(v.getFiscalYear(), v.getTarget(), null));
                    has2019 |= v.getFiscalYear().startYear() == 2019;
                }
                if (!has2019) {
                    // A row for the survey's year, so the bound indicator shows its share beside the baseline.
                    years.add(new Indicator.YearFigures(FiscalYear.of(2019), null, null));
                }
                indicators.update(i, new Indicator.Definition(i.getCode(), i.getNameJa(), i.getNameEn(), i.getKind(),
                        i.getCategory(), i.getUnit(), i.getDirection(), i.getBaselineValue(), i.getBaselineYear(),
                        i.getFinalTarget(), i.getFinalTargetYear(), i.isCumulative(), i.getOwnerUnitId(),
                        EngagementModule.ID, SurveyMetrics.PREFIX + METRIC_KEY, i.getNote()), years);
            }
        }
    }
}
