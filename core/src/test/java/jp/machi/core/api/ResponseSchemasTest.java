package jp.machi.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSchemasTest {

    @Test
    void thePageSchemaHasThePagesMembers() {
        assertEquals(List.of(Page.class.getAnnotation(JsonbPropertyOrder.class).value()), ResponseSchemas.PAGE_MEMBERS);
    }

    @Test
    void pathTemplatesMatchWithoutTheirParametersRegularExpressions() {
        assertEquals("/municipalities/{lgCode}/open311/{id}.{format}",
                ResponseSchemas.plain("/municipalities/{lgCode}/open311/{id: [0-9]+}.{format}"));
        assertEquals("/a/{b}", ResponseSchemas.plain("/a//{ b : \\d{2}}"));
    }
}
