package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import ${package}.item.application.ItemReviewWorkflow;
import ${package}.item.application.ItemService;
import jp.machi.core.api.Answers;
import jp.machi.core.identity.Access;
import jp.machi.core.module.ModuleIds;
import jp.machi.core.module.RoleDefinition;
import jp.machi.core.module.UiContribution;
import jp.machi.core.module.VersionRange;
import jp.machi.core.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** The descriptor keeps the module contract (README "Writing a module"). */
class ${className}ModuleTest {

    private final ${className}Module module = new ${className}Module();

    @Test
    void everyResourceMethodHasAnAccessRule() {
        assertEquals(List.of(), endpointsWithout(m -> m.isAnnotationPresent(Access.class)
                || m.getDeclaringClass().isAnnotationPresent(Access.class)),
                "a method without @Access answers 403 to everyone");
    }

    @Test
    void everyResourceMethodSaysWhatItAnswers() {
        assertEquals(List.of(), endpointsWithout(m -> m.getAnnotationsByType(Answers.class).length > 0),
                "a method without @Answers is \"Default Response: object\" in /openapi");
    }

    /** The resource methods (GET, POST, PUT, DELETE) that lack {@code rule}, as Class.method. */
    private List<String> endpointsWithout(Predicate<Method> rule) {
        List<String> without = new ArrayList<>();
        for (Class<?> c : module.resources()) {
            for (Method m : c.getDeclaredMethods()) {
                boolean endpoint = m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(DELETE.class);
                if (endpoint && !rule.test(m)) {
                    without.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        return without;
    }

    @Test
    void theChangelogAndTheScreensAreInTheJar() {
        assertNotNull(getClass().getClassLoader().getResource(module.changelog()), module.changelog());
        for (UiContribution ui : module.ui()) {
            String path = "META-INF/resources/ui/" + module.id() + "/" + ui.path();
            assertNotNull(getClass().getClassLoader().getResource(path), path);
        }
    }

    @Test
    void theIdAndTheCoreRangeAreWellFormed() {
        assertTrue(ModuleIds.valid(module.id()), module.id());
        assertNotNull(VersionRange.parse(module.coreVersionRange()));
    }

    @Test
    void itsRolesAndItsWorkflowAreNamedAfterIt() {
        for (RoleDefinition r : module.roles()) {
            assertTrue(r.name().startsWith(module.id() + "."), r.name());
        }
        assertTrue(Workflow.validId(ItemReviewWorkflow.DEFINITION.id()), ItemReviewWorkflow.DEFINITION.id());
        assertEquals(module.id(), ItemService.SERIES.id());
    }
}
