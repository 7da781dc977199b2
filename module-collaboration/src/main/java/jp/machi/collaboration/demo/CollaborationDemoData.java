package jp.machi.collaboration.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.collaboration.partner.domain.PartnerChannel;
import jp.machi.collaboration.partner.domain.PartnerKind;
import jp.machi.collaboration.partner.domain.PartnerRole;
import jp.machi.collaboration.partner.domain.PartnerState;
import jp.machi.collaboration.project.application.ProjectMetrics;
import jp.machi.collaboration.project.application.ProjectService;
import jp.machi.collaboration.project.domain.CollaborativeProject;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;

/**
 * Demo data of the collaboration module for 取手市 (seed 004, 改革項目14 協働のまちづくり): the indicator
 * 市民と行政との協働事業件数 (core's demo data, targets 55 → 115 for R2–R6) is bound to the metric
 * {@code collaboration:projects-per-fiscal-year}, so its actuals are the projects registered here.
 * The seed names the kinds of projects (公共施設の里親制度, 壁画によるまちづくり事業, 協働提案型公募補助制度,
 * 共催・後援・委託) but no project, partner or figure: the partners and projects below are
 * <strong>invented</strong>, marked （架空） in their names and デモ用の架空のデータ in their texts, and
 * their representatives are named 見本 (sample).
 */
@ApplicationScoped
public class CollaborationDemoData {

    static final String TORIDE = "082171";

    static final String INDICATOR = "市民と行政との協働事業件数";

    private static final Logger LOG = Logger.getLogger(CollaborationDemoData.class.getName());

    @Inject
    Toride toride;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(TORIDE)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                toride.load();
                return null;
            });
        }
    }

    /** 取手市's invented partners and projects, and the binding, in a transaction of their own. */
    @ApplicationScoped
    public static class Toride {

        @Inject
        Tenancy tenancy;

        @Inject
        PartnerService partners;

        @Inject
        ProjectService projects;

        @Inject
        IndicatorService indicators;

        @Inject
        jp.machi.collaboration.grant.application.GrantService grants;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(TORIDE);
            LocalDate today = PartnerService.today();
            UUID kyodo = unit(em, "01", today);
            UUID bunka = unit(em, "02", today);
            if (kyodo == null || bunka == null) {
                LOG.warning("Collaboration demo data: the units of " + TORIDE + " are missing; nothing loaded");
                return;
            }
            Partner satooya = registered(today, "（架空）とりで道路里親の会", PartnerKind.VOLUNTEER_GROUP,
                    List.of(PartnerRole.PARTNER), List.of("環境美化", "道路・公園"), "取手地区", "第R6-001号");
            Partner art = registered(today, "（架空）NPO法人 とりでアートまちづくりネット", PartnerKind.NPO,
                    List.of(PartnerRole.PARTNER, PartnerRole.GRANT_APPLICANT), List.of("芸術・文化", "まちづくり"), "市内全域",
                    "第R6-002号");
            Partner kosodate = registered(today, "（架空）子育てひろば見本の会", PartnerKind.CIVIC_GROUP,
                    List.of(PartnerRole.PARTNER, PartnerRole.GRANT_APPLICANT), List.of("子育て支援"), "藤代地区", "第R6-003号");
            // One application still to decide, so that the task list and the decision can be tried.
            partners.apply(today.minusDays(3).atStartOfDay(PartnerService.JAPAN).toOffsetDateTime(), PartnerChannel.PORTAL,
                    new Partner.Profile("（架空）見本町内会", "みほんちょうないかい", PartnerKind.NEIGHBOURHOOD_ASSOCIATION,
                            List.of(PartnerRole.PARTNER), List.of("防災", "地域の見守り"), "見本町", "（デモ用の架空のデータです）", null),
                    new Partner.Contacts("見本 一郎", null, "茨城県取手市（架空）", "000-0000-0003", "chonaikai@example.jp"));

            FiscalYear r6 = FiscalYear.of(2024);
            project(r6, "（架空）公共施設の里親制度による道路の美化", kyodo, "事業協力", List.of(satooya.getId()), null,
                    "里親登録 12 団体（架空の数値）");
            project(r6, "（架空）壁画によるまちづくり事業", bunka, "共催", List.of(art.getId()), new BigDecimal("800000"),
                    "壁画 2 面を制作（架空の数値）");
            project(r6, "（架空）協働提案型公募補助: 親子の居場所づくり", kyodo, "補助", List.of(kosodate.getId()),
                    new BigDecimal("300000"), null);
            project(r6, "（架空）市民活動フェスティバル", kyodo, "実行委員会",
                    List.of(satooya.getId(), art.getId(), kosodate.getId()), new BigDecimal("150000"), null);

            GrantDemoData.toride(grants, art, kosodate);
            bind(em);
            LOG.info(() -> "Collaboration demo data: 4 invented partners and 4 invented projects of " + TORIDE
                    + "; " + INDICATOR + " bound to the projects metric");
        }

        private Partner registered(LocalDate today, String name, PartnerKind kind, List<PartnerRole> roles,
                List<String> fields, String area, String number) {
            Partner p = partners.apply(today.minusDays(200).atStartOfDay(PartnerService.JAPAN).toOffsetDateTime(),
                    PartnerChannel.PAPER, new Partner.Profile(name, null, kind, roles, fields, area,
                            "（デモ用の架空のデータです）", null),
                    new Partner.Contacts("見本 太郎", "見本 花子", "茨城県取手市（架空）", "000-0000-0001", null));
            // Demo registrations are set directly: the workflow's history starts with real decisions.
            p.registration(number, today.minusDays(180));
            p.movedTo(PartnerState.REGISTERED);
            return p;
        }

        private void project(FiscalYear fy, String title, UUID unit, String form, List<UUID> partnerIds,
                BigDecimal budget, String outcome) {
            projects.create(new CollaborativeProject.Content(fy, title, unit, form, partnerIds,
                    "（デモ用の架空のデータです。取手市の行政改革 改革項目14 に挙がる取組を例にしています）", budget, outcome));
        }

        /** The seed's indicator takes its actuals from the projects from now on (its targets stay). */
        private void bind(jakarta.persistence.EntityManager em) {
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
                        CollaborationModule.ID, ProjectMetrics.PROJECTS_PER_YEAR, i.getNote()), targets);
            }
        }

        private static UUID unit(jakarta.persistence.EntityManager em, String code, LocalDate on) {
            List<OrganizationUnit> found = em.createNamedQuery("OrganizationUnit.byCodeOn", OrganizationUnit.class)
                    .setParameter("code", code).setParameter("date", on).getResultList();
            return found.isEmpty() ? null : found.get(0).getId();
        }
    }
}
