package jp.machi.core.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.application.RatingScaleService;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.module.ModulesStarted;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.LocalGovernmentCode;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.organization.domain.UnitKind;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads {@code demo/machi-demo.json} when {@code MACHI_DEMO=true} and the database holds no
 * municipality yet: the five municipalities of the seed documents with their organisational units
 * and indicators, every module of this deployment enabled for them. Without the flag nothing is
 * invented; on a database that has data nothing is touched.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "machi.demo", defaultValue = "false")
    boolean demo;

    @Inject
    MunicipalityService municipalities;

    @Inject
    Loader loader;

    @Inject
    Event<DemoDataLoaded> loaded;

    void onStart(@Observes @Priority(100) ModulesStarted started) {
        if (!demo) {
            return;
        }
        if (!municipalities.isEmpty()) {
            LOG.info("MACHI_DEMO=true, but the database already holds data: demo data not loaded");
            return;
        }
        Demo data = read();
        // Machi itself loads the demo data, modules' included (they observe DemoDataLoaded): the
        // audit trail records it as the system's work.
        CallerContext.runAs(Caller.SYSTEM, () -> {
            for (DemoMunicipality m : data.municipalities()) {
                loader.load(m, started.startedModuleIds());
            }
            List<String> codes = data.municipalities().stream().map(DemoMunicipality::code).toList();
            loaded.fire(new DemoDataLoaded(codes));
            LOG.info(() -> "Demo data loaded for " + codes);
            return null;
        });
    }

    private static Demo read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/machi-demo.json");
                Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(in, Demo.class);
        } catch (Exception e) {
            throw new IllegalStateException("Demo data cannot be read", e);
        }
    }

    /** One municipality per transaction, each bound to its own tenant. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        MunicipalityService municipalities;

        @Inject
        ModuleEnablementService enablement;

        @Inject
        IndicatorService indicators;

        @Inject
        Tenancy tenancy;

        @Inject
        RatingScaleService ratings;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load(DemoMunicipality m, List<String> modules) {
            municipalities.register(LocalGovernmentCode.of(m.code()), m.nameJa(), m.nameKana(), m.nameEn());
            var em = tenancy.bind(m.code());
            Map<String, UUID> units = new HashMap<>();
            for (DemoUnit u : m.units()) {
                OrganizationUnit unit = new OrganizationUnit(u.code(), u.nameJa(), u.nameKana(), u.nameEn(),
                        UnitKind.valueOf(u.kind()), u.parent() == null ? null : units.get(u.parent()),
                        LocalDate.parse(u.validFrom()));
                em.persist(unit);
                em.flush();
                units.put(u.key(), unit.getId());
            }
            for (DemoIndicator i : m.indicators()) {
                indicators.create(new Indicator.Definition(i.code(), i.nameJa(), i.nameEn(), IndicatorKind.valueOf(i.kind()),
                        i.category(), i.unit(), Direction.valueOf(i.direction()),
                        i.baseline() == null ? null : i.baseline().value(),
                        i.baseline() == null ? null : FiscalYear.of(i.baseline().fiscalYear()),
                        i.finalTarget() == null ? null : i.finalTarget().value(),
                        i.finalTarget() == null ? null : FiscalYear.of(i.finalTarget().fiscalYear()),
                        Boolean.TRUE.equals(i.cumulative()), i.ownerUnit() == null ? null : units.get(i.ownerUnit()),
                        null, null, i.note()),
                        i.years() == null ? List.of() : i.years().stream()
                                .map(y -> new Indicator.YearFigures(FiscalYear.of(y.fiscalYear()), y.target(), y.actual()))
                                .toList());
            }
            if (m.interimYears() != null) {
                ratings.setInterimYears(RatingScale.InterimYears.valueOf(m.interimYears()));
            }
            modules.forEach(id -> enablement.set(m.code(), id, true));
        }
    }

    /** Shapes of demo/machi-demo.json. */
    public record Demo(String about, List<DemoMunicipality> municipalities) {
    }

    /** {@code interimYears}: the demo's choice of how years before a final target are rated (null: the default). */
    public record DemoMunicipality(String code, String nameJa, String nameKana, String nameEn, String source,
            String interimYears, List<DemoUnit> units, List<DemoIndicator> indicators) {
    }

    public record DemoUnit(String key, String code, String nameJa, String nameKana, String nameEn, String kind,
            String parent, String validFrom) {
    }

    public record DemoValue(BigDecimal value, int fiscalYear) {
    }

    public record DemoYear(int fiscalYear, BigDecimal target, BigDecimal actual) {
    }

    public record DemoIndicator(String code, String nameJa, String nameEn, String kind, String category, String unit,
            String direction, DemoValue baseline, DemoValue finalTarget, Boolean cumulative, String ownerUnit,
            String note, List<DemoYear> years) {
    }

}
