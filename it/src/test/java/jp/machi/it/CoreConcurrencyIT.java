package jp.machi.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;

/** The concurrency contract ({@link ConcurrencyContract}) for core's guarded operations. */
@MachiTest
class CoreConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}";
    static final List<String> ROLES = List.of("planning.editor", "promotion.editor", "collaboration.approver",
            "collaboration.editor");

    /** An indicator whose FY2024 actual is {@code actual}; {@code n} in its name. */
    static String indicator(long actual, int n) {
        return "{\"nameJa\":\"協働事業件数 " + n + "\",\"kind\":\"ACTIVITY\",\"unit\":\"件\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"years\":[{\"fiscalYear\":2024,\"target\":100,\"actual\":" + actual + "}]}";
    }

    static long actual(JsonObject indicator) {
        return indicator.getJsonArray("years").getJsonObject(0).getJsonNumber("actual").longValue();
    }

    /** The module roles of the bits of n (n ≥ 1: never none, distinct for distinct n < 16). */
    static String roles(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ROLES.size(); i++) {
            if ((n & (1 << i)) != 0) {
                b.append(b.length() == 0 ? "" : ",").append('"').append(ROLES.get(i)).append('"');
            }
        }
        return "{\"moduleRoles\":[" + b + "]}";
    }

    static long setting(JsonObject view, String key) {
        return view.getJsonArray("settings").stream().map(JsonValue::asJsonObject).filter(s -> s.getString("key").equals(key))
                .findFirst().orElseThrow().getJsonNumber("value").longValue();
    }

    /** The code of the last created unit (a correction keeps it). */
    private volatile String unitCode;

    /** The unit the last "reorganisation" fixture made, and its code: the reorganisation renames it. */
    private volatile String renamedId;
    private volatile String renamedCode;

    /** A reorganisation renaming the last made unit from April 2024, read when sent (after the unit was made). */
    private final Object renaming = new Object() {
        @Override
        public String toString() {
            return "{\"effectiveDate\":\"2024-04-01\",\"predecessorIds\":[\"" + renamedId + "\"],\"successor\":{\"code\":\""
                    + renamedCode + "\",\"nameJa\":\"広聴広報課\",\"kind\":\"DIVISION\"}}";
        }
    };

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(
                ConcurrencyCase.of("municipality")
                        .create(f -> Municipalities.PATH + "/" + Municipalities.register(f.api()))
                        .put(n -> "{\"nameJa\":\"試験市 " + n + "\",\"nameKana\":\"しけんし\",\"nameEn\":\"Test City " + n + "\"}")
                        .covers("PUT " + M),
                ConcurrencyCase.of("user")
                        .create(f -> f.base() + "/users/" + f.api().newUser("STAFF", f.lgCode()).id())
                        .put(n -> "{\"displayName\":\"試験 職員 " + n + "\",\"role\":\"STAFF\",\"active\":true}")
                        .covers("PUT " + M + "/users/{id}"),
                ConcurrencyCase.of("user's module roles")
                        .create(f -> f.base() + "/users/" + f.api().newUser("STAFF", f.lgCode()).id())
                        .put("/module-roles", CoreConcurrencyIT::roles)
                        .covers("PUT " + M + "/users/{id}/module-roles"),
                ConcurrencyCase.of("platform administrator")
                        .create(f -> "/api/v1/platform-admins/" + f.api().newUser("PLATFORM_ADMIN", null).id())
                        .put(n -> "{\"displayName\":\"試験 管理者 " + n + "\",\"active\":true}")
                        .covers("PUT /api/v1/platform-admins/{id}"),
                ConcurrencyCase.of("indicator")
                        .create(f -> f.item("/indicators", f.post("/indicators", indicator(0, 0))))
                        .put(n -> indicator(0, n))
                        .childChange(n -> indicator(n, 0))
                        .counter(n -> indicator(n, 0), CoreConcurrencyIT::actual)
                        .delete()
                        .covers("PUT " + M + "/indicators/{id}", "DELETE " + M + "/indicators/{id}"),
                ConcurrencyCase.of("rating scale")
                        .create(f -> f.base() + "/rating-scale")
                        .put(n -> "{\"grades\":[{\"label\":\"甲\",\"minimumPercent\":" + (50 + n % 40)
                                + "},{\"label\":\"乙\",\"minimumPercent\":0}]}")
                        .covers("PUT " + M + "/rating-scale"),
                ConcurrencyCase.of("organisation unit")
                        .create(f -> {
                            unitCode = "K" + System.nanoTime() % 100000000;
                            return f.item("/organization-units", f.post("/organization-units", "{\"code\":\"" + unitCode
                                    + "\",\"nameJa\":\"広聴課\",\"kind\":\"DIVISION\",\"validFrom\":\"2020-04-01\"}"));
                        })
                        .put(n -> "{\"code\":\"" + unitCode + "\",\"nameJa\":\"広聴課 " + n + "\",\"kind\":\"DIVISION\"}")
                        .covers("PUT " + M + "/organization-units/{id}"),
                // A reorganisation is guarded by the whole chart's ETag (the list's and the tree's).
                ConcurrencyCase.of("reorganisation of the chart")
                        .create(f -> {
                            renamedCode = "R" + System.nanoTime() % 100000000;
                            renamedId = f.post("/organization-units", "{\"code\":\"" + renamedCode
                                    + "\",\"nameJa\":\"広聴課\",\"kind\":\"DIVISION\",\"validFrom\":\"2020-04-01\"}")
                                    .object().getString("id");
                            return f.base() + "/organization-units";
                        })
                        .action("/reorganizations", renaming, 201)
                        .covers("POST " + M + "/organization-units/reorganizations"),
                ConcurrencyCase.of("module settings")
                        .create(f -> f.base() + "/modules/planning/settings")
                        .put(n -> "{\"values\":{\"personnelUnitCost\":" + (7000 + n) + "}}")
                        .counter(n -> "{\"values\":{\"personnelUnitCost\":" + (n == 0 ? 7000 : n) + "}}",
                                j -> setting(j, "personnelUnitCost"))
                        .covers("PUT " + M + "/modules/{moduleId}/settings"),
                ConcurrencyCase.of("contact for residents")
                        .create(f -> f.base() + "/contact")
                        .put(n -> "{\"office\":\"市民協働部 広聴課 " + n + "\",\"phone\":\"029-883-1111\"}")
                        .covers("PUT " + M + "/contact"),
                ConcurrencyCase.of("public-intake settings")
                        .create(f -> f.base() + "/intake/settings")
                        .put(n -> intake(100 + n))
                        .counter(CoreConcurrencyIT::intake, j -> j.getInt("rateLimitCount"))
                        .covers("PUT " + M + "/intake/settings"),
                ConcurrencyCase.of("personal-data settings")
                        .create(f -> f.base() + "/personal-data/settings")
                        .put(n -> "{\"retentionYears\":" + (10 + n % 80) + "}")
                        .counter(n -> "{\"retentionYears\":" + n + "}", j -> j.getInt("retentionYears"))
                        .covers("PUT " + M + "/personal-data/settings"),
                ConcurrencyCase.of("closures of the calendar")
                        .create(f -> f.base() + "/calendar/closures")
                        .put(CoreConcurrencyIT::closures)
                        .childChange(CoreConcurrencyIT::closures)
                        .covers("PUT " + M + "/calendar/closures"));
    }

    static String intake(int count) {
        return "{\"rateLimitCount\":" + count + ",\"rateLimitWindowSeconds\":600,\"honeypotEnabled\":true}";
    }

    /** One closed date of its own, a different one for every n (1 … 28). */
    static String closures(int n) {
        return "{\"recurring\":[],\"dates\":[{\"date\":\"2027-02-" + String.format("%02d", n % 28 + 1)
                + "\",\"nameJa\":\"臨時休業 " + n + "\",\"nameEn\":\"Closed " + n + "\"}]}";
    }
}
