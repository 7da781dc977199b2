package jp.machi.it;

import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.ConcurrencyCase;
import jp.machi.it.support.ConcurrencyContract;
import jp.machi.it.support.MachiTest;

/**
 * The concurrency contract ({@link ConcurrencyContract}) for 実績入力: a unit's sheet of actuals of
 * one fiscal year, saved together (PUT) or from a filled-in file (POST …/bulk-imports), both guarded
 * by the sheet's ETag.
 */
@MachiTest
class ActualsConcurrencyIT extends ConcurrencyContract {

    static final String M = "/api/v1/municipalities/{lgCode}";

    /** The indicator of the last created sheet (its id and code): the bodies name it. */
    private volatile String indicatorId;
    private volatile String code;

    private String entries(long actual) {
        return "{\"entries\":[{\"indicatorId\":\"" + indicatorId + "\",\"actual\":" + actual + "}]}";
    }

    /** The filled-in sheet as CSV, read when sent (after the sheet was made). */
    private final Object filledIn = new Object() {
        @Override
        public String toString() {
            return "コード,実績値\r\n" + code + ",7\r\n";
        }
    };

    @Override
    public List<ConcurrencyCase> cases() {
        return List.of(ConcurrencyCase.of("actuals sheet")
                .create(f -> {
                    long n = System.nanoTime() % 100000000;
                    String unit = f.post("/organization-units", "{\"code\":\"J" + n + "\",\"nameJa\":\"観光課 " + n
                            + "\",\"kind\":\"DIVISION\",\"validFrom\":\"2020-04-01\"}").object().getString("id");
                    code = "AC" + n;
                    indicatorId = f.post("/indicators", "{\"code\":\"" + code + "\",\"nameJa\":\"観光入込客数 " + n
                            + "\",\"kind\":\"OUTCOME\",\"unit\":\"人\",\"direction\":\"HIGHER_IS_BETTER\",\"ownerUnitId\":\""
                            + unit + "\",\"years\":[{\"fiscalYear\":2024,\"target\":100}]}").object().getString("id");
                    return f.base() + "/indicators/actuals/2024/units/" + unit;
                })
                .put(this::entries)
                .withoutMergePatch()
                .counter(this::entries, ActualsConcurrencyIT::actual)
                .action("/bulk-imports", filledIn, 200)
                .covers("PUT " + M + "/indicators/actuals/{fiscalYear}/units/{unitId}",
                        "POST " + M + "/indicators/actuals/{fiscalYear}/units/{unitId}/bulk-imports"));
    }

    static long actual(JsonObject sheet) {
        JsonObject row = sheet.getJsonArray("rows").getJsonObject(0);
        return none(row, "actual") ? 0 : row.getJsonNumber("actual").longValue();
    }

    /** A member the API left out (JSON-B omits nulls) or sent as null. */
    static boolean none(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }
}
