package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.LgCodes;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the server's own OpenAPI document, so endpoints added later are covered without touching
 * this test: every operation under a path with {@code {lgCode}} answers 404 (a problem naming the
 * code) for a valid but unregistered municipality, and 400 naming the right check digit for a code
 * whose check digit is wrong. Other path parameters get a random UUID; bodies are {@code {}}: the
 * municipality is checked before anything else is read.
 */
@MachiTest
class OpenApiWalkIT {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** 011002 (札幌市) is valid and never registered; 011003 has the wrong check digit (right: 2). */
    static final String UNKNOWN = LgCodes.UNREGISTERED;
    static final String WRONG_DIGIT = LgCodes.withWrongCheckDigit(UNKNOWN);
    static final char RIGHT_DIGIT = UNKNOWN.charAt(5);

    private final Api api;

    OpenApiWalkIT(Api api) {
        this.api = api;
    }

    /** What the walk covers: method and path template, from /openapi. */
    record Operation(String method, String template) {
        String path(String lgCode) {
            String p = template.replace("{lgCode}", lgCode);
            // Every other parameter: a value that exists nowhere.
            return p.replaceAll("\\{[^}/]+\\}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    private List<Operation> operations() {
        JsonObject paths = api.get("/openapi?format=json").send().expect(200).object().getJsonObject("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((template, item) -> {
            if (template.contains("{lgCode}")) {
                item.asJsonObject().keySet().stream().filter(METHODS::contains).sorted()
                        .forEach(m -> ops.add(new Operation(m, template)));
            }
        });
        return ops;
    }

    @Test
    void theWalkCoversCoreAndModuleEndpoints() {
        List<String> templates = operations().stream().map(Operation::toString).toList();
        for (String expected : List.of("GET /api/v1/municipalities/{lgCode}", "PUT /api/v1/municipalities/{lgCode}",
                "GET /api/v1/municipalities/{lgCode}/modules", "PUT /api/v1/municipalities/{lgCode}/modules/{moduleId}",
                "GET /api/v1/municipalities/{lgCode}/planning", "GET /api/v1/municipalities/{lgCode}/engagement",
                "GET /api/v1/municipalities/{lgCode}/collaboration", "GET /api/v1/municipalities/{lgCode}/promotion")) {
            assertTrue(templates.contains(expected), () -> expected + " not in the walk: " + templates);
        }
    }

    @TestFactory
    Stream<DynamicTest> unregisteredMunicipalityIs404Everywhere() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op + " with " + UNKNOWN, () -> {
            Reply r = send(op, UNKNOWN, null);
            JsonObject p = assertJapanese(r, assertProblem(r, 404, "not-found"));
            assertTrue(p.getString("detail").contains(UNKNOWN), r::toString);
            Reply en = send(op, UNKNOWN, "en");
            assertEnglish(en, assertProblem(en, 404, "not-found"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> wrongCheckDigitIs400NamingTheRightOne() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op + " with " + WRONG_DIGIT, () -> {
            Reply r = send(op, WRONG_DIGIT, null);
            JsonObject p = assertJapanese(r, assertProblem(r, 400, "invalid-local-government-code"));
            assertTrue(p.getString("detail").contains("正しい検査数字は " + RIGHT_DIGIT + " です"), r::toString);
            Reply en = send(op, WRONG_DIGIT, "en");
            JsonObject pe = assertEnglish(en, assertProblem(en, 400, "invalid-local-government-code"));
            assertTrue(pe.getString("detail").contains("it should be " + RIGHT_DIGIT + " (" + UNKNOWN + ")"), en::toString);
        }));
    }

    @TestFactory
    Stream<DynamicTest> malformedCodeIs400() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op + " with abc", () -> {
            Reply r = send(op, "abc", null);
            assertProblem(r, 400, "invalid-local-government-code");
        }));
    }

    private Reply send(Operation op, String lgCode, String lang) {
        Api.Call call = api.method(op.method().toUpperCase(), op.path(lgCode));
        if (Set.of("put", "post", "patch").contains(op.method())) {
            call.json("{}").ifMatch("\"0\"");
        }
        if (lang != null) {
            call.lang(lang);
        }
        return call.send();
    }
}
