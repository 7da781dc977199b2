package ${package};

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import ${package}.interfaces.rest.${className}Api;
import ${package}.item.application.ItemMetrics;
import ${package}.item.interfaces.rest.ItemResource;
import ${package}.item.interfaces.rest.ItemReviewResource;
import ${package}.item.interfaces.rest.PublicItemResource;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.ModuleDependency;
import jp.machi.core.module.ModuleDescriptor;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.SettingDefinition;
import jp.machi.core.module.UiContribution;

/**
 * The module's descriptor: ${nameJa} (${nameEn}). Exactly one per jar; data only, it does no work when asked
 * (README "Writing a module"; ADR 1).
 */
@ApplicationScoped
public class ${className}Module implements ModuleDescriptor {

    /** The module's id: its URL segment, the prefix of its message keys, the folder of its screens. */
    public static final String ID = "${moduleId}";

    /**
     * The module's role: staff holding it accept or reject items sent from the portal (ItemReviewWorkflow) and find
     * them in their task list. A municipality's administrator grants it (users/{id}/module-roles) or an identity
     * provider sends it in the {@code machi_module_roles} claim.
     */
    public static final String REVIEWER = ID + ".reviewer";

    /** Setting: the most items a municipality keeps per fiscal year (an example; see ItemService). */
    public static final String MAX_ITEMS_PER_YEAR = "maxItemsPerYear";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("${nameJa}", "${nameEn}");
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    /** The core versions this module is built and tested against (Maven's range syntax). */
    @Override
    public String coreVersionRange() {
        return "[0.1,1.0)";
    }

    /**
     * Other modules: {@code ModuleDependency.requires("planning", "[0.1,1.0)")} keeps this module from starting
     * without planning; {@code ModuleDependency.worksWith(...)} only orders start-up (README "Writing a module").
     */
    @Override
    public List<ModuleDependency> dependencies() {
        return List.of();
    }

    @Override
    public String changelog() {
        return "db/machi/${moduleId}/changelog.xml";
    }

    @Override
    public List<Class<?>> resources() {
        return List.of(${className}Api.class, ItemResource.class, ItemReviewResource.class, PublicItemResource.class);
    }

    @Override
    public List<RoleDefinition> roles() {
        return List.of(new RoleDefinition(REVIEWER, LocalizedText.of("${nameJa}の審査", "${nameEn}: reviewer")));
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(new SettingDefinition(MAX_ITEMS_PER_YEAR,
                LocalizedText.of("年度あたりの項目数の上限", "Most items per fiscal year"), SettingDefinition.Type.INTEGER, "1000"));
    }

    @Override
    public List<MetricDefinition> metrics() {
        return ItemMetrics.DEFINITIONS;
    }

    @Override
    public List<UiContribution> ui() {
        return List.of(
                new UiContribution(ID + "-items", UiContribution.Area.CONSOLE, LocalizedText.of("${nameJa}", "${nameEn}"),
                        "items.js", 100),
                new UiContribution(ID + "-summary", UiContribution.Area.PORTAL, LocalizedText.of("${nameJa}", "${nameEn}"),
                        "summary.js", 100));
    }
}
