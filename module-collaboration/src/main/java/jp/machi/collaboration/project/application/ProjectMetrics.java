package jp.machi.collaboration.project.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.module.MetricDefinition;
import jp.machi.core.module.MetricSource;

/**
 * The collaboration module's metrics: collaborative projects (協働事業) per fiscal year, in total
 * (取手市's 市民と行政との協働事業件数) and by form of collaboration. A form a municipality adds to its
 * own list has no metric of its own; it counts in the total.
 */
@ApplicationScoped
public class ProjectMetrics implements MetricSource {

    public static final String PROJECTS_PER_YEAR = "projects-per-fiscal-year";

    /** Prefix of the metrics counting projects by form: {@code projects-by-form-cosponsorship} counts 共催. */
    public static final String BY_FORM = "projects-by-form-";

    /** The default forms of collaboration with the id suffix and English name of each. */
    public static final Map<String, String[]> FORMS = forms();

    public static final List<MetricDefinition> DEFINITIONS = definitions();

    @Inject
    ProjectService projects;

    private static Map<String, String[]> forms() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("cosponsorship", new String[] {"共催", "co-sponsorship"});
        m.put("commission", new String[] {"委託", "commission"});
        m.put("subsidy", new String[] {"補助", "subsidy"});
        m.put("cooperation", new String[] {"事業協力", "cooperation"});
        m.put("patronage", new String[] {"後援", "patronage"});
        m.put("executive-committee", new String[] {"実行委員会", "executive committee"});
        m.put("planning-participation", new String[] {"企画立案への参画", "participation in planning"});
        m.put("information-exchange", new String[] {"情報提供・意見交換", "information and exchange of views"});
        return Collections.unmodifiableMap(m);
    }

    private static List<MetricDefinition> definitions() {
        List<MetricDefinition> d = new ArrayList<>();
        d.add(new MetricDefinition(PROJECTS_PER_YEAR, LocalizedText.of("協働事業件数", "Collaborative projects"), "件",
                LocalizedText.of("その年度に実施する (した) 市民と行政との協働事業の数",
                        "Collaborative projects of citizens and the municipality in the fiscal year")));
        FORMS.forEach((id, names) -> d.add(new MetricDefinition(BY_FORM + id,
                LocalizedText.of("協働事業件数 (" + names[0] + ")", "Collaborative projects (" + names[1] + ")"), "件",
                LocalizedText.of("その年度の協働事業のうち、協働の形態が「" + names[0] + "」のものの数",
                        "Collaborative projects of the fiscal year in the form " + names[0] + " (" + names[1] + ")"))));
        return List.copyOf(d);
    }

    @Override
    public String moduleId() {
        return CollaborationModule.ID;
    }

    @Override
    public Optional<BigDecimal> value(String metricId, String lgCode, FiscalYear fiscalYear) {
        long total = projects.count(fiscalYear, null);
        // A year without any project has no figure yet; once it has some, 0 of a form is a figure.
        if (total == 0) {
            return Optional.empty();
        }
        if (PROJECTS_PER_YEAR.equals(metricId)) {
            return Optional.of(BigDecimal.valueOf(total));
        }
        if (metricId.startsWith(BY_FORM)) {
            String[] form = FORMS.get(metricId.substring(BY_FORM.length()));
            return form == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(projects.count(fiscalYear, form[0])));
        }
        return Optional.empty();
    }
}
