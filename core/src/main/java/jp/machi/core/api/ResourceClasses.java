package jp.machi.core.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JAX-RS resource classes of the deployment, core's and every enabled module's, as CDI knows
 * them: each bean's class or the first superclass that carries {@code @Path} (a CDI proxy's
 * superclass does, with the annotated methods). For what reads the API's own shape at run time
 * ({@link MergePatchAdvertised}, {@link SchemaCompletion}).
 */
final class ResourceClasses {

    private ResourceClasses() {
    }

    /**
     * Every {@code @Path} class once.
     *
     * @throws IllegalStateException when there is no CDI container to ask
     */
    static Set<Class<?>> all() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (var bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = annotated(bean.getBeanClass());
            if (type != null) {
                found.add(type);
            }
        }
        return found;
    }

    /** The class that carries {@code @Path}, or null. */
    static Class<?> annotated(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c;
            }
        }
        return null;
    }
}
