package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** The bare stack: one JAX-RS resource answering a small JSON document, nothing else. */
@ApplicationPath("/")
public class Hello extends Application {

    @Path("hello")
    public static class Resource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String hello() {
            return "{\"hello\":\"world\"}";
        }
    }

    @Override
    public java.util.Set<Class<?>> getClasses() {
        return java.util.Set.of(Resource.class);
    }
}
