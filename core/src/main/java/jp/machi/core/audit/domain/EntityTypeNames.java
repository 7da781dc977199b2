package jp.machi.core.audit.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stable name under which the audit trail records an entity type: the class's simple name for
 * core ({@code Indicator}, {@code Municipality}), the module id and the simple name for a module's
 * ({@code planning.AdministrativeProgram}). A module's entities are those in the package of its
 * descriptor or below; start-up registers every module before anything is written.
 */
public final class EntityTypeNames {

    private static final String CORE_PACKAGE = "jp.machi.core";
    private static final Map<String, String> MODULES_BY_PACKAGE = new ConcurrentHashMap<>();

    private EntityTypeNames() {
    }

    /** Entities in {@code basePackage} or below belong to module {@code moduleId}. */
    public static void registerModule(String moduleId, String basePackage) {
        if (!basePackage.equals(CORE_PACKAGE) && !basePackage.startsWith(CORE_PACKAGE + ".")) {
            MODULES_BY_PACKAGE.put(basePackage, moduleId);
        }
    }

    public static String of(Class<?> entity) {
        String pkg = entity.getPackageName();
        String simple = entity.getSimpleName();
        if (pkg.equals(CORE_PACKAGE) || pkg.startsWith(CORE_PACKAGE + ".")) {
            return simple;
        }
        String best = null;
        for (String base : MODULES_BY_PACKAGE.keySet()) {
            if ((pkg.equals(base) || pkg.startsWith(base + ".")) && (best == null || base.length() > best.length())) {
                best = base;
            }
        }
        return best == null ? simple : MODULES_BY_PACKAGE.get(best) + "." + simple;
    }
}
