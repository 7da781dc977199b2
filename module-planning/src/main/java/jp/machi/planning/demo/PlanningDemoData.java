package jp.machi.planning.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.planning.PlanningModule;
import jp.machi.planning.program.application.ProgramMetrics;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;

/**
 * The planning module's demo data: つくば市's FY2020 program list (seed 000, shipped unchanged as
 * {@code demo/tsukuba-r2-programs.tsv}), its divisions matched to the organisational tree, and an
 * indicator bound to this module's "programs per fiscal year" metric; and 須坂市's comprehensive
 * plan, measures 35–39 (seed 002, {@code demo/suzaka-plan.json}), linked to core's demo indicators.
 * Each municipality is loaded in a transaction of its own.
 */
@ApplicationScoped
public class PlanningDemoData {

    private static final Logger LOG = Logger.getLogger(PlanningDemoData.class.getName());
    static final String TSUKUBA = "082201";
    static final String SUZAKA = SuzakaPlanDemo.SUZAKA;

    @Inject
    TsukubaPrograms tsukuba;

    @Inject
    SuzakaPlanDemo suzaka;

    void onDemo(@Observes DemoDataLoaded loaded) {
        // Core fires DemoDataLoaded as the system already; said again here so that the audit trail
        // records this module's demo rows as the system's work whoever fires the event.
        CallerContext.runAs(Caller.SYSTEM, () -> {
            if (loaded.municipalityCodes().contains(TSUKUBA)) {
                tsukuba.load();
            }
            if (loaded.municipalityCodes().contains(SUZAKA)) {
                suzaka.load();
            }
            return null;
        });
    }

    /** つくば市: the program list of FY2020 and the indicator bound to the programs metric. */
    @ApplicationScoped
    public static class TsukubaPrograms {

        @Inject
        ProgramService programs;

        @Inject
        IndicatorService indicators;

        @Inject
        Tenancy tenancy;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(TSUKUBA);
            FiscalYear fy = FiscalYear.of(2020);
            Map<String, UUID> unitsByWrittenName = new HashMap<>();
            List<OrganizationUnit> units = em.createNamedQuery("OrganizationUnit.validOn", OrganizationUnit.class)
                    .setParameter("date", fy.firstDay()).getResultList();
            Map<UUID, OrganizationUnit> byId = new HashMap<>();
            units.forEach(u -> byId.put(u.getId(), u));
            for (OrganizationUnit u : units) {
                OrganizationUnit parent = u.getParentId() == null ? null : byId.get(u.getParentId());
                unitsByWrittenName.put(u.getNameJa(), u.getId());
                if (parent != null) {
                    unitsByWrittenName.put(parent.getNameJa() + u.getNameJa(), u.getId());
                }
            }
            int n = 0;
            for (String[] row : rows()) {
                programs.create(new AdministrativeProgram.Content(fy, Integer.valueOf(row[0]), row[1], row[2],
                        unitsByWrittenName.get(row[3]), row[3], row[4], row[5], row[6]));
                n++;
            }
            indicators.create(new Indicator.Definition("PLAN-1", "事務事業数", "Administrative programs", IndicatorKind.ACTIVITY,
                    "事務事業", "件", Direction.HIGHER_IS_BETTER, null, null, null, null, false, null, PlanningModule.ID,
                    ProgramMetrics.PROGRAMS_PER_YEAR,
                    "事務事業一覧に登録された事務事業の数。実績値は planning モジュールのデータから自動で計算されます。"),
                    List.of(new Indicator.YearFigures(fy, null, null)));
            int count = n;
            LOG.info(() -> "Planning demo data: " + count + " programs of " + TSUKUBA + " for " + fy);
        }
    }

    /** Data rows of the program list: seven tab-separated columns, title and repeated header lines skipped. */
    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = PlanningDemoData.class.getResourceAsStream("/demo/tsukuba-r2-programs.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.split("\t", -1);
                if (cols.length >= 7 && cols[0].strip().matches("[0-9]+")) {
                    for (int i = 0; i < cols.length; i++) {
                        cols[i] = cols[i].strip();
                    }
                    rows.add(cols);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

}
