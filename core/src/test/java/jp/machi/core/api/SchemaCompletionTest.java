package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.junit.jupiter.api.Test;

class SchemaCompletionTest {

    enum Colour { RED, BLUE }

    static class Line {
        public String text;
    }

    static class Order {
        public List<Line> lines;
    }

    @Schema(name = "OtherOrder")
    static class Other {
        public int n;
    }

    @Path("x")
    static class Resource {
        @GET
        public String list(@QueryParam("colour") Colour colour, @Context UriInfo uri) {
            return "";
        }

        @POST
        public String create(Order body) {
            return "";
        }

        @POST
        @Path("raw")
        public String raw(@RequestBody(content = @Content(schema = @Schema(implementation = Other.class))) InputStream body) {
            return "";
        }
    }

    @Test
    void findsBodiesTheirFieldsQueryEnumsAndBodiesReadByTheMethod() {
        Map<String, Class<?>> index = SchemaCompletion.index(Set.of(Resource.class));
        assertEquals(Order.class, index.get("Order"));
        assertEquals(Line.class, index.get("Line"), "a field's class");
        assertEquals(Colour.class, index.get("Colour"), "a query parameter's enum");
        assertEquals(Other.class, index.get("OtherOrder"), "named by @RequestBody, under its @Schema name");
        assertFalse(index.containsKey("Other"));
        assertFalse(index.containsKey("UriInfo"), "@Context is not part of the API");
    }
}
